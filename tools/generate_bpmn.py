#!/usr/bin/env python3
"""Generates processes/avhoppare.bpmn: the home municipality's case (arende) and the receiving
municipality's assignment (uppdrag) as two pools of one collaboration, with complete diagram
interchange on a grid (left to right). Process owners may edit the result in Camunda Modeler; this
script is the reproducible starting point. Run: python3 tools/generate_bpmn.py"""
from xml.sax.saxutils import escape
import pathlib

COL, ROW = 160, 120
X0 = 230
SIZE = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}
KIND = {"startEvent": "event", "endEvent": "event", "intermediateCatchEvent": "event", "boundaryEvent": "event",
        "userTask": "task", "serviceTask": "task", "exclusiveGateway": "gateway", "parallelGateway": "gateway",
        "eventBasedGateway": "gateway"}
HTTL = "P1826D"
CS = "${execution.tenantId}"

# ---------------------------------------------------------------- the home municipality's case
ARENDE = [
    # id, type, name, col, row, attrs, documentation
    ("StartEvent_Aktualiserat", "startEvent", "Ärende aktualiserat", 0, 0,
     {"camunda:formRef": "aktualisering", "camunda:formRefBinding": "deployment", "camunda:initiator": "aktualiseradAv",
      "_listener": ("start", "${aktualiseringListener}")},
     "Aktualisera: hemkommunens handläggare registrerar ärendet (§4). Samtycke krävs innan uppgifter lämnas ut (§7)."),
    ("StartEvent_Overlamnat", "startEvent", "Överlämnat ärende mottaget", 0, 2, {"_message": "Message_ArendeOverlamnat"},
     "Tillhörighetsutredning: ett ärende som överlämnats från en annan partskommun."),
    ("UserTask_TaEmotOverlamnat", "userTask", "Aktualisera överlämnat ärende", 1, 2,
     {"form": "aktualisering", "group": "handlaggare"},
     "Aktualisera: den nya hemkommunen registrerar det överlämnade ärendet."),
    ("UserTask_Tillhorighetsutredning", "userTask", "Utred tillhörighet", 2, 0,
     {"form": "tillhorighetsutredning", "group": "handlaggare"},
     "Tillhörighetsutredning (SoL 2 kap.): folkbokföring, vistelse och starkast anknytning, i samråd med polisen."),
    ("Gateway_Tillhorighet", "exclusiveGateway", "Tillhör hemkommunen?", 3, 0, {}, None),
    ("EndEvent_UtanforAvtalet", "endEvent", "Utanför avtalet", 3, -2, {"_listener": ("start", "${arendeAvslut}")},
     "§1: personen tillhör ingen partskommun."),
    ("ServiceTask_Overlamna", "serviceTask", "Överlämna till annan kommun", 4, 2,
     {"camunda:delegateExpression": "${overlamnaArende}"}, "§1: ärendet överlämnas till den partskommun personen tillhör."),
    ("EndEvent_Overlamnat", "endEvent", "Överlämnat", 5, 2, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("ServiceTask_BedomMalgrupp", "serviceTask", "Bedöm målgrupp (§4)", 4, 0,
     {"camunda:delegateExpression": "${malgruppsbedomning}"},
     "§4: målgrupp, kriminell grupp eller destruktiv miljö, latent eller konkret hotbild, motivation, inget ansvar för barn, samtycke."),
    ("BoundaryEvent_EjIMalgrupp", "boundaryEvent", "Uppfyller inte §4", 4, 0, {"attachedToRef": "ServiceTask_BedomMalgrupp", "_error": "Error_EjIMalgrupp", "_side": "top"}, None),
    ("EndEvent_EjIMalgrupp", "endEvent", "Avslutat – uppfyller inte §4", 5, -2, {"_listener": ("start", "${arendeAvslut}")},
     "§4: skälen registreras i ärendet."),
    ("Gateway_Hotbild", "exclusiveGateway", "Hotbild?", 5, 0, {}, None),
    ("UserTask_BekraftaPolisensRad", "userTask", "Bekräfta polisens rekommendation", 6, 1,
     {"form": "polisens-rad", "group": "handlaggare"},
     "Polisens handbok: förflyttning rekommenderas inte vid latent hotbild. Varning som bekräftas, inget hinder."),
    ("Gateway_HotbildKlar", "exclusiveGateway", None, 7, 0, {}, None),
    ("Gateway_ValjKommun", "exclusiveGateway", None, 8, 0, {}, None),
    ("ServiceTask_Kvotoversikt", "serviceTask", "Sammanställ kvot och balans", 9, 0,
     {"camunda:delegateExpression": "${sammanstallKvot}"}, "§2 och §4: flödena ska vara så jämna som möjligt, högst två ärenden per kommun."),
    ("UserTask_ValjMottagandeKommun", "userTask", "Välj mottagande kommun", 10, 0,
     {"form": "val-av-mottagande-kommun", "group": "handlaggare"}, "§4: mottagande kommun är en annan partskommun."),
    ("ServiceTask_KontrolleraKvot", "serviceTask", "Kontrollera kvot", 11, 0,
     {"camunda:delegateExpression": "${kontrolleraKvot}"}, "§4: målsättningen är högst två skickade och två mottagna ärenden per kommun."),
    ("Gateway_Kvot", "exclusiveGateway", "Inom kvoten?", 12, 0, {}, None),
    ("UserTask_GodkannUndantag", "userTask", "Pröva undantag från kvoten", 12, 1,
     {"form": "kvotundantag", "group": "chef"}, "§4: kvoten är en målsättning; samordnare/chef kan godkänna undantag."),
    ("Gateway_Undantag", "exclusiveGateway", "Undantag godkänt?", 13, 1, {}, None),
    ("Gateway_KvotKlar", "exclusiveGateway", None, 14, 0, {}, None),
    ("ParallelGateway_SamradStart", "parallelGateway", None, 15, 0, {}, None),
    ("UserTask_SamradPolisHem", "userTask", "Samråd med polisen i hemkommunen", 16, -1,
     {"form": "samrad-polis", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.samradPaminnelseDatum()}"},
     "§4: samråd med Polismyndigheten i hemkommunen."),
    ("BoundaryEvent_SamradHemPaminnelse", "boundaryEvent", "Samråd ej registrerat", 16, -1,
     {"attachedToRef": "UserTask_SamradPolisHem", "cancelActivity": "false", "_timer": "${processInstallningar.samradPaminnelse}", "_side": "top"}, None),
    ("UserTask_PaminnelseSamradHem", "userTask", "Påminnelse: samråd i hemkommunen", 17, -2,
     {"form": "paminnelse", "group": "chef"}, "Samrådet har inte registrerats inom utsatt tid."),
    ("EndEvent_PaminnelseHem", "endEvent", "Påmint", 18, -2, {}, None),
    ("UserTask_SamradPolisMottagande", "userTask", "Samråd med polisen i mottagande kommun", 16, 1,
     {"form": "samrad-polis", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.samradPaminnelseDatum()}"},
     "§4: samråd med Polismyndigheten i den mottagande kommunen."),
    ("BoundaryEvent_SamradMottagandePaminnelse", "boundaryEvent", "Samråd ej registrerat", 16, 1,
     {"attachedToRef": "UserTask_SamradPolisMottagande", "cancelActivity": "false", "_timer": "${processInstallningar.samradPaminnelse}", "_side": "bottom"}, None),
    ("UserTask_PaminnelseSamradMottagande", "userTask", "Påminnelse: samråd i mottagande kommun", 17, 2,
     {"form": "paminnelse", "group": "chef"}, "Samrådet har inte registrerats inom utsatt tid."),
    ("EndEvent_PaminnelseMottagande", "endEvent", "Påmint", 18, 2, {}, None),
    ("ParallelGateway_SamradKlart", "parallelGateway", None, 18, 0, {}, None),
    ("Gateway_SamradUtfall", "exclusiveGateway", "Stödjer båda?", 19, 0, {}, None),
    ("UserTask_SamradAvrader", "userTask", "Polisen avråder – välj fortsättning", 19, -1,
     {"form": "fortsattning", "group": "handlaggare"}, "§4: uppdrag kräver att polisen i båda kommunerna stödjer förflyttningen."),
    ("Gateway_SamradFortsattning", "exclusiveGateway", "Fortsättning?", 20, -1, {}, None),
    ("EndEvent_PolisenAvrader", "endEvent", "Avslutat – polisen avråder", 21, -1, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("ServiceTask_SkickaForfragan", "serviceTask", "Skicka uppdragsförfrågan", 21, 0,
     {"camunda:delegateExpression": "${skickaForfragan}"}, "§4 och §7: förfrågan till mottagande kommun, med den enskildes samtycke."),
    ("EventGateway_Svar", "eventBasedGateway", None, 22, 0, {}, None),
    ("CatchEvent_Accepterad", "intermediateCatchEvent", "Förfrågan accepterad", 23, 0, {"_message": "Message_ForfraganAccepterad"}, None),
    ("CatchEvent_Avbojd", "intermediateCatchEvent", "Förfrågan avböjd", 23, 1, {"_message": "Message_ForfraganAvbojd"}, None),
    ("CatchEvent_Svarstid", "intermediateCatchEvent", "Inget svar inom svarstiden", 23, -1, {"_timer": "${processInstallningar.svarstid}"},
     "Praxis: mottagande kommun svarar inom en månad."),
    ("UserTask_PaminnSvar", "userTask", "Påminn mottagande kommun", 24, -1, {"form": "paminnelse", "group": "chef"},
     "Mottagande kommun har inte svarat inom en månad: hemkommunen kan eskalera."),
    ("UserTask_ForfraganAvbojd", "userTask", "Förfrågan avböjd – välj fortsättning", 24, 1,
     {"form": "fortsattning", "group": "handlaggare"}, None),
    ("Gateway_AvbojdFortsattning", "exclusiveGateway", "Fortsättning?", 25, 1, {}, None),
    ("EndEvent_IngenMottagare", "endEvent", "Avslutat – ingen mottagande kommun", 26, 1, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("UserTask_Uppdragsbeskrivning", "userTask", "Upprätta uppdragsbeskrivning", 24, 0,
     {"form": "uppdragsbeskrivning", "group": "handlaggare"},
     "§4–§5: hemkommunen upprättar uppdragsbeskrivningen; tillfälligt boende ordnas och bekostas av hemkommunen."),
    ("UserTask_BeslutOmInsatser", "userTask", "Besluta om insatser", 26, 0,
     {"form": "beslut-om-insatser", "group": "handlaggare"}, "§5: hemkommunen beslutar om insatser efter samråd med mottagande kommun."),
    ("ServiceTask_SkickaBeslut", "serviceTask", "Skicka uppdrag och beslut", 27, 0,
     {"camunda:delegateExpression": "${skickaBeslut}"}, "§5–§7: uppdraget lämnas till mottagande kommun."),
    ("CatchEvent_PlanKlar", "intermediateCatchEvent", "Genomförandeplan mottagen", 28, 0, {"_message": "Message_GenomforandeplanKlar"}, None),
    ("EndEvent_UppdragOverenskommet", "endEvent", "Uppdrag överenskommet", 29, 0, {"_listener": ("start", "${arendeAvslut}")},
     "§6: uppdraget är överenskommet och genomförandeplanen upprättad."),
]
ARENDE_FLOWS = [
    # id, source, target, name, condition, route
    ("Flow_Start", "StartEvent_Aktualiserat", "UserTask_Tillhorighetsutredning", None, None, None),
    ("Flow_OverlamnatStart", "StartEvent_Overlamnat", "UserTask_TaEmotOverlamnat", None, None, None),
    ("Flow_OverlamnatAktualiserat", "UserTask_TaEmotOverlamnat", "UserTask_Tillhorighetsutredning", None, None, None),
    ("Flow_TillhorHemkommunen", "Gateway_Tillhorighet", "ServiceTask_BedomMalgrupp", "Ja", "${tillhorighet == 'HEMKOMMUNEN'}", None),
    ("Flow_TillhorAnnanKommun", "Gateway_Tillhorighet", "ServiceTask_Overlamna", "Annan partskommun", "${tillhorighet == 'ANNAN_PARTSKOMMUN'}", None),
    ("Flow_UtanforAvtalet", "Gateway_Tillhorighet", "EndEvent_UtanforAvtalet", "Ingen partskommun", "${tillhorighet == 'UTANFOR_AVTALET'}", None),
    ("Flow_Tillhorighetsutredd", "UserTask_Tillhorighetsutredning", "Gateway_Tillhorighet", None, None, None),
    ("Flow_Overlamnat", "ServiceTask_Overlamna", "EndEvent_Overlamnat", None, None, None),
    ("Flow_EjIMalgrupp", "BoundaryEvent_EjIMalgrupp", "EndEvent_EjIMalgrupp", None, None, None),
    ("Flow_IMalgrupp", "ServiceTask_BedomMalgrupp", "Gateway_Hotbild", None, None, None),
    ("Flow_HotbildLatent", "Gateway_Hotbild", "UserTask_BekraftaPolisensRad", "Latent", "${hotbild == 'LATENT'}", None),
    ("Flow_HotbildKonkret", "Gateway_Hotbild", "Gateway_HotbildKlar", "Konkret", "${hotbild == 'KONKRET'}", None),
    ("Flow_RadBekraftat", "UserTask_BekraftaPolisensRad", "Gateway_HotbildKlar", None, None, None),
    ("Flow_TillValAvKommun", "Gateway_HotbildKlar", "Gateway_ValjKommun", None, None, None),
    ("Flow_Kvotoversikt", "Gateway_ValjKommun", "ServiceTask_Kvotoversikt", None, None, None),
    ("Flow_VisaKvot", "ServiceTask_Kvotoversikt", "UserTask_ValjMottagandeKommun", None, None, None),
    ("Flow_KommunVald", "UserTask_ValjMottagandeKommun", "ServiceTask_KontrolleraKvot", None, None, None),
    ("Flow_KvotKontrollerad", "ServiceTask_KontrolleraKvot", "Gateway_Kvot", None, None, None),
    ("Flow_InomKvot", "Gateway_Kvot", "Gateway_KvotKlar", "Ja", "${!kvotOverskriden}", None),
    ("Flow_OverKvot", "Gateway_Kvot", "UserTask_GodkannUndantag", "Nej", "${kvotOverskriden}", None),
    ("Flow_UndantagProvat", "UserTask_GodkannUndantag", "Gateway_Undantag", None, None, None),
    ("Flow_UndantagGodkant", "Gateway_Undantag", "Gateway_KvotKlar", "Godkänt", "${undantagGodkant}", None),
    ("Flow_UndantagAvslaget", "Gateway_Undantag", "Gateway_ValjKommun", "Avslaget", "${!undantagGodkant}", ("back", 2.45)),
    ("Flow_TillSamrad", "Gateway_KvotKlar", "ParallelGateway_SamradStart", None, None, None),
    ("Flow_SamradHem", "ParallelGateway_SamradStart", "UserTask_SamradPolisHem", None, None, None),
    ("Flow_SamradMottagande", "ParallelGateway_SamradStart", "UserTask_SamradPolisMottagande", None, None, None),
    ("Flow_PaminnHem", "BoundaryEvent_SamradHemPaminnelse", "UserTask_PaminnelseSamradHem", None, None, None),
    ("Flow_PamintHem", "UserTask_PaminnelseSamradHem", "EndEvent_PaminnelseHem", None, None, None),
    ("Flow_PaminnMottagande", "BoundaryEvent_SamradMottagandePaminnelse", "UserTask_PaminnelseSamradMottagande", None, None, None),
    ("Flow_PamintMottagande", "UserTask_PaminnelseSamradMottagande", "EndEvent_PaminnelseMottagande", None, None, None),
    ("Flow_SamradHemKlart", "UserTask_SamradPolisHem", "ParallelGateway_SamradKlart", None, None, None),
    ("Flow_SamradMottagandeKlart", "UserTask_SamradPolisMottagande", "ParallelGateway_SamradKlart", None, None, None),
    ("Flow_SamradUtfall", "ParallelGateway_SamradKlart", "Gateway_SamradUtfall", None, None, None),
    ("Flow_BadaStodjer", "Gateway_SamradUtfall", "ServiceTask_SkickaForfragan", "Ja", "${samradHemStodjer && samradMottagandeStodjer}", None),
    ("Flow_PolisenAvrader", "Gateway_SamradUtfall", "UserTask_SamradAvrader", "Nej", "${!(samradHemStodjer && samradMottagandeStodjer)}", None),
    ("Flow_SamradFortsattning", "UserTask_SamradAvrader", "Gateway_SamradFortsattning", None, None, None),
    ("Flow_SamradNyKommun", "Gateway_SamradFortsattning", "Gateway_ValjKommun", "Annan mottagande kommun", "${fortsattning == 'ANNAN_KOMMUN'}", ("over", -2.5)),
    ("Flow_SamradAvsluta", "Gateway_SamradFortsattning", "EndEvent_PolisenAvrader", "Avsluta", "${fortsattning == 'AVSLUTA'}", None),
    ("Flow_ForfraganSkickad", "ServiceTask_SkickaForfragan", "EventGateway_Svar", None, None, None),
    ("Flow_VantaAccepterad", "EventGateway_Svar", "CatchEvent_Accepterad", None, None, None),
    ("Flow_VantaAvbojd", "EventGateway_Svar", "CatchEvent_Avbojd", None, None, None),
    ("Flow_VantaSvarstid", "EventGateway_Svar", "CatchEvent_Svarstid", None, None, None),
    ("Flow_SvarstidUte", "CatchEvent_Svarstid", "UserTask_PaminnSvar", None, None, None),
    ("Flow_PamintSvar", "UserTask_PaminnSvar", "EventGateway_Svar", None, None, ("over", -1.6)),
    ("Flow_Avbojd", "CatchEvent_Avbojd", "UserTask_ForfraganAvbojd", None, None, None),
    ("Flow_AvbojdFortsattning", "UserTask_ForfraganAvbojd", "Gateway_AvbojdFortsattning", None, None, None),
    ("Flow_AvbojdNyKommun", "Gateway_AvbojdFortsattning", "Gateway_ValjKommun", "Annan mottagande kommun", "${fortsattning == 'ANNAN_KOMMUN'}", ("back", 2.85)),
    ("Flow_AvbojdAvsluta", "Gateway_AvbojdFortsattning", "EndEvent_IngenMottagare", "Avsluta", "${fortsattning == 'AVSLUTA'}", None),
    ("Flow_Accepterad", "CatchEvent_Accepterad", "UserTask_Uppdragsbeskrivning", None, None, None),
    ("Flow_BeskrivningKlar", "UserTask_Uppdragsbeskrivning", "UserTask_BeslutOmInsatser", None, None, None),
    ("Flow_Beslutat", "UserTask_BeslutOmInsatser", "ServiceTask_SkickaBeslut", None, None, None),
    ("Flow_BeslutSkickat", "ServiceTask_SkickaBeslut", "CatchEvent_PlanKlar", None, None, None),
    ("Flow_PlanMottagen", "CatchEvent_PlanKlar", "EndEvent_UppdragOverenskommet", None, None, None),
]

# ---------------------------------------------------------------- the receiving municipality's assignment
UPPDRAG = [
    ("StartEvent_Forfragan", "startEvent", "Uppdragsförfrågan mottagen", 21, 0,
     {"_message": "Message_Uppdragsforfragan", "_listener": ("start", "${uppdragMottaget}")},
     "§4: förfrågan från hemkommunen."),
    ("UserTask_BesvaraForfragan", "userTask", "Besvara uppdragsförfrågan", 22, 0,
     {"form": "besvara-forfragan", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.svarsfristDatum()}"},
     "§4: mottagande kommun accepterar eller avböjer uppdraget."),
    ("Gateway_Svar", "exclusiveGateway", "Accepterar?", 23, 0, {}, None),
    ("ServiceTask_MeddelaAvbojd", "serviceTask", "Meddela att förfrågan avböjs", 23, -1,
     {"camunda:delegateExpression": "${meddelaAvbojd}"}, None),
    ("EndEvent_Avbojd", "endEvent", "Förfrågan avböjd", 24, -1, {"_listener": ("start", "${uppdragAvslut}")}, None),
    ("ServiceTask_MeddelaAccepterad", "serviceTask", "Meddela att förfrågan accepteras", 25, 0,
     {"camunda:delegateExpression": "${meddelaAccepterad}"}, None),
    ("CatchEvent_BeslutMottaget", "intermediateCatchEvent", "Uppdrag och beslut mottagna", 27, 0, {"_message": "Message_UppdragBeslutat"}, None),
    ("UserTask_Genomforandeplan", "userTask", "Upprätta genomförandeplan", 28, 0,
     {"form": "genomforandeplan", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.planfristDatum()}"},
     "§6: insatser ur förteckningen, med utförare, start och beräknad månadskostnad. Hälso- och sjukvård är regionens (§5)."),
    ("ServiceTask_MeddelaPlan", "serviceTask", "Meddela genomförandeplanen", 29, 0,
     {"camunda:delegateExpression": "${meddelaPlan}"}, None),
    ("EndEvent_PlanUpprattad", "endEvent", "Genomförandeplan upprättad", 30, 0, {"_listener": ("start", "${uppdragAvslut}")}, None),
]
UPPDRAG_FLOWS = [
    ("Flow_ForfraganMottagen", "StartEvent_Forfragan", "UserTask_BesvaraForfragan", None, None, None),
    ("Flow_Besvarad", "UserTask_BesvaraForfragan", "Gateway_Svar", None, None, None),
    ("Flow_Accepterar", "Gateway_Svar", "ServiceTask_MeddelaAccepterad", "Ja", "${svar == 'ACCEPTERAR'}", None),
    ("Flow_Avbojer", "Gateway_Svar", "ServiceTask_MeddelaAvbojd", "Nej", "${svar == 'AVBOJER'}", None),
    ("Flow_AvbojdMeddelad", "ServiceTask_MeddelaAvbojd", "EndEvent_Avbojd", None, None, None),
    ("Flow_AccepteradMeddelad", "ServiceTask_MeddelaAccepterad", "CatchEvent_BeslutMottaget", None, None, None),
    ("Flow_BeslutMottaget", "CatchEvent_BeslutMottaget", "UserTask_Genomforandeplan", None, None, None),
    ("Flow_PlanUpprattad", "UserTask_Genomforandeplan", "ServiceTask_MeddelaPlan", None, None, None),
    ("Flow_PlanMeddelad", "ServiceTask_MeddelaPlan", "EndEvent_PlanUpprattad", None, None, None),
]
MESSAGES = [("Message_ArendeOverlamnat", "ArendeOverlamnat"), ("Message_Uppdragsforfragan", "Uppdragsforfragan"),
            ("Message_ForfraganAccepterad", "ForfraganAccepterad"), ("Message_ForfraganAvbojd", "ForfraganAvbojd"),
            ("Message_UppdragBeslutat", "UppdragBeslutat"), ("Message_GenomforandeplanKlar", "GenomforandeplanKlar")]
MESSAGE_FLOWS = [
    ("MessageFlow_Forfragan", "ServiceTask_SkickaForfragan", "StartEvent_Forfragan", "Uppdragsförfrågan"),
    ("MessageFlow_Accepterad", "ServiceTask_MeddelaAccepterad", "CatchEvent_Accepterad", "Accepterad"),
    ("MessageFlow_Avbojd", "ServiceTask_MeddelaAvbojd", "CatchEvent_Avbojd", "Avböjd"),
    ("MessageFlow_Beslut", "ServiceTask_SkickaBeslut", "CatchEvent_BeslutMottaget", "Uppdrag och beslut"),
    ("MessageFlow_Plan", "ServiceTask_MeddelaPlan", "CatchEvent_PlanKlar", "Genomförandeplan"),
]
POOLS = [("Participant_Hemkommun", "Hemkommunen", "arende", "Ärende i hemkommunen", ARENDE, ARENDE_FLOWS, 80, (-2, 3)),
         ("Participant_MottagandeKommun", "Mottagande kommun", "uppdrag", "Uppdrag i mottagande kommun", UPPDRAG, UPPDRAG_FLOWS, 0, (-1, 0))]

def build():
    bounds, pool_bounds = {}, {}
    y = POOLS[0][6]
    for pid, _, _, _, nodes, _, _, (rmin, rmax) in POOLS:
        top = y
        height = (rmax - rmin + 1) * ROW + 60
        row0 = top + 30 + (-rmin) * ROW + ROW // 2
        width = X0 + 31 * COL
        pool_bounds[pid] = (160, top, width, height)
        for nid, typ, name, col, row, attrs, doc in nodes:
            w, h = SIZE[KIND[typ]]
            cx, cy = X0 + col * COL + 50, row0 + row * ROW
            if typ == "boundaryEvent":
                host = bounds[attrs["attachedToRef"]]
                hx, hy, hw, hh = host
                cx = hx + hw - 25
                cy = hy if attrs.get("_side") == "top" else hy + hh
            bounds[nid] = (cx - w / 2, cy - h / 2, w, h)
        y = top + height + 60
    return bounds, pool_bounds

def mid(b, side):
    x, y, w, h = b
    return {"l": (x, y + h / 2), "r": (x + w, y + h / 2), "t": (x + w / 2, y), "b": (x + w / 2, y + h)}[side]

def route(fid, s, t, bounds, pool, how):
    sb, tb = bounds[s], bounds[t]
    scx, scy = sb[0] + sb[2] / 2, sb[1] + sb[3] / 2
    tcx, tcy = tb[0] + tb[2] / 2, tb[1] + tb[3] / 2
    if how and how[0] in ("back", "over"):
        row0 = pool[1] + 30 + 2 * ROW + ROW // 2
        ly = row0 + how[1] * ROW
        a = mid(sb, "b" if ly > scy else "t")
        b = mid(tb, "b" if ly > tcy else "t")
        return [a, (a[0], ly), (b[0], ly), b]
    if s.startswith("BoundaryEvent"):
        a = mid(sb, "t" if tcy < scy else "b")
        b = mid(tb, "l")
        return [a, (a[0], b[1]), b]
    if abs(scx - tcx) < 5:
        return [mid(sb, "b" if tcy > scy else "t"), mid(tb, "t" if tcy > scy else "b")]
    if abs(scy - tcy) < 1:
        return [mid(sb, "r"), mid(tb, "l")] if tcx > scx else [mid(sb, "l"), mid(tb, "r")]
    if "Gateway" in s and tcx - scx < COL * 1.2 and abs(tcx - scx) < 5:
        return [mid(sb, "b" if tcy > scy else "t"), mid(tb, "t" if tcy > scy else "b")]
    if "Gateway" in s:
        a = mid(sb, "b" if tcy > scy else "t")
        b = mid(tb, "l")
        return [a, (a[0], b[1]), b]
    if "Gateway" in t:
        a = mid(sb, "r")
        b = mid(tb, "b" if scy > tcy else "t")
        return [a, (b[0], a[1]), b]
    a, b = mid(sb, "r"), mid(tb, "l")
    mx = (a[0] + b[0]) / 2
    return [a, (mx, a[1]), (mx, b[1]), b]

def main():
    bounds, pool_bounds = build()
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
           'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
           'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
           'xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_Avhoppare" '
           'targetNamespace="https://samverkan.se/avhoppare" exporter="tools/generate_bpmn.py" exporterVersion="1" '
           'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">',
           '  <bpmn:collaboration id="Collaboration_Avhoppare">',
           '    <bpmn:documentation>Avtal om samverkan för insatser till avhoppare och skyddspersoner: hemkommunens ärende och mottagande kommunens uppdrag. Kommunerna utbyter endast meddelanden (§7).</bpmn:documentation>']
    for pid, name, proc, _, _, _, _, _ in POOLS:
        out.append(f'    <bpmn:participant id="{pid}" name="{name}" processRef="{proc}" />')
    for mid_, s, t, name in MESSAGE_FLOWS:
        out.append(f'    <bpmn:messageFlow id="{mid_}" name="{escape(name)}" sourceRef="{s}" targetRef="{t}" />')
    out.append('  </bpmn:collaboration>')
    for pid, _, proc, pname, nodes, flows, _, _ in POOLS:
        out.append(f'  <bpmn:process id="{proc}" name="{pname}" isExecutable="true" camunda:historyTimeToLive="{HTTL}">')
        incoming, outgoing = {}, {}
        for fid, s, t, *_ in flows:
            outgoing.setdefault(s, []).append(fid)
            incoming.setdefault(t, []).append(fid)
        for nid, typ, name, col, row, attrs, doc in nodes:
            a = {k: v for k, v in attrs.items() if not k.startswith("_") and k not in ("form", "group")}
            if "form" in attrs:
                a["camunda:formRef"] = attrs["form"]
                a["camunda:formRefBinding"] = "deployment"
            if "group" in attrs:
                a["camunda:candidateGroups"] = CS + "-" + attrs["group"]
            if typ == "exclusiveGateway" and nid in outgoing and len(outgoing[nid]) > 1:
                pass
            attr = "".join(f' {k}="{escape(v)}"' for k, v in a.items())
            nm = f' name="{escape(name)}"' if name else ""
            out.append(f'    <bpmn:{typ} id="{nid}"{nm}{attr}>')
            if doc:
                out.append(f'      <bpmn:documentation>{escape(doc)}</bpmn:documentation>')
            ext = []
            if "_listener" in attrs:
                ev, expr = attrs["_listener"]
                ext.append(f'        <camunda:executionListener delegateExpression="{escape(expr)}" event="{ev}" />')
            if typ == "userTask":
                ext.append('        <camunda:taskListener delegateExpression="${uppgiftsvalidering}" event="complete" />')
            if ext:
                out.append('      <bpmn:extensionElements>')
                out.extend(ext)
                out.append('      </bpmn:extensionElements>')
            for f in incoming.get(nid, []):
                out.append(f'      <bpmn:incoming>{f}</bpmn:incoming>')
            for f in outgoing.get(nid, []):
                out.append(f'      <bpmn:outgoing>{f}</bpmn:outgoing>')
            if "_message" in attrs:
                out.append(f'      <bpmn:messageEventDefinition id="{nid}_Meddelande" messageRef="{attrs["_message"]}" />')
            if "_error" in attrs:
                out.append(f'      <bpmn:errorEventDefinition id="{nid}_Fel" errorRef="{attrs["_error"]}" camunda:errorMessageVariable="avslutsorsak" />')
            if "_timer" in attrs:
                out.append(f'      <bpmn:timerEventDefinition id="{nid}_Timer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{escape(attrs["_timer"])}</bpmn:timeDuration></bpmn:timerEventDefinition>')
            out.append(f'    </bpmn:{typ}>')
        for fid, s, t, name, cond, _ in flows:
            nm = f' name="{escape(name)}"' if name else ""
            if cond:
                out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">')
                out.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{escape(cond)}</bpmn:conditionExpression>')
                out.append('    </bpmn:sequenceFlow>')
            else:
                out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')
        out.append('  </bpmn:process>')
    for mid_, name in MESSAGES:
        out.append(f'  <bpmn:message id="{mid_}" name="{name}" />')
    out.append('  <bpmn:error id="Error_EjIMalgrupp" name="Uppfyller inte §4" errorCode="EJ_I_MALGRUPP" />')
    out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_Avhoppare">')
    out.append('    <bpmndi:BPMNPlane id="BPMNPlane_Avhoppare" bpmnElement="Collaboration_Avhoppare">')
    for pid, *_ in POOLS:
        x, y, w, h = pool_bounds[pid]
        out.append(f'      <bpmndi:BPMNShape id="{pid}_di" bpmnElement="{pid}" isHorizontal="true"><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" /></bpmndi:BPMNShape>')
    for pid, _, _, _, nodes, flows, _, _ in POOLS:
        for nid, typ, name, *_ in nodes:
            x, y, w, h = bounds[nid]
            label = ""
            if KIND[typ] != "task" and name:
                above = typ == "boundaryEvent" and dict((n[0], n[5]) for n in nodes)[nid].get("_side") == "top"
                ly = y - 31 if above else y + h + 4
                lx = x + w + 2 if typ == "boundaryEvent" else x + w / 2 - 50
                label = f'<bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>'
            extra = ' isMarkerVisible="true"' if typ == "exclusiveGateway" else ""
            out.append(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{extra}><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" />{label}</bpmndi:BPMNShape>')
        for fid, s, t, name, cond, how in flows:
            pts = route(fid, s, t, bounds, pool_bounds[pid], how)
            wps = "".join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
            out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}</bpmndi:BPMNEdge>')
    for mid_, s, t, _ in MESSAGE_FLOWS:
        sb, tb = bounds[s], bounds[t]
        a = (sb[0] + sb[2] / 2, sb[1] + sb[3])
        b = (tb[0] + tb[2] / 2, tb[1]) if tb[1] > sb[1] else (tb[0] + tb[2] / 2, tb[1] + tb[3])
        if tb[1] < sb[1]:
            a = (sb[0] + sb[2] / 2, sb[1])
        gap_y = pool_bounds["Participant_Hemkommun"][1] + pool_bounds["Participant_Hemkommun"][3] + 30
        if tb[1] < sb[1] and abs(a[0] - b[0]) > 1:
            side_x = tb[0] - 40
            pts = [a, (a[0], gap_y), (side_x, gap_y), (side_x, tb[1] + tb[3] / 2), (tb[0], tb[1] + tb[3] / 2)]
        elif abs(a[0] - b[0]) > 1:
            pts = [a, (a[0], gap_y), (b[0], gap_y), b]
        else:
            pts = [a, b]
        wps = "".join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
        out.append(f'      <bpmndi:BPMNEdge id="{mid_}_di" bpmnElement="{mid_}">{wps}</bpmndi:BPMNEdge>')
    out.append('    </bpmndi:BPMNPlane>')
    out.append('  </bpmndi:BPMNDiagram>')
    out.append('</bpmn:definitions>')
    path = pathlib.Path(__file__).resolve().parent.parent / "processes" / "avhoppare.bpmn"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {path}")

if __name__ == "__main__":
    main()
