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
KIND = {"subProcess": "box", "startEvent": "event", "endEvent": "event", "intermediateCatchEvent": "event", "boundaryEvent": "event",
        "userTask": "task", "serviceTask": "task", "exclusiveGateway": "gateway", "parallelGateway": "gateway",
        "eventBasedGateway": "gateway"}
HTTL = "P1826D"
CS = "${execution.tenantId}"

ERR = "Error_UppdragUpphor"
URGENT = {"camunda:dueDate": "${processInstallningar.idagSlut()}", "camunda:priority": "100"}

# ---------------------------------------------------------------- implementation (§7–§13), the home municipality's side
V, V1, V2, V3 = ("SubProcess_Verkstallighet", "EventSubProcess_UppsagningFranMottagande", "EventSubProcess_BarnFranMottagande",
                 "EventSubProcess_RapportMottagen")
ARENDE_VERKSTALLIGHET = [
    (V, "subProcess", "Verkställighet och uppföljning", 0, 0,
     {"_box": (29.75, 40.1, -3.1, 6.05)},
     "§7: insatserna genomförs och följs upp. Uppdraget upphör vid planerat slutdatum, vid uppsägning (§12), när personen "
     "avbryter (§4), när avtalsversionen upphör och parterna inte fullföljer (§4), eller vid force majeure (§13)."),
    ("StartEvent_Verkstallighet", "startEvent", "Verkställighet börjar", 30, 0, {"_in": V}, None),
    ("ParallelGateway_Verkstallighet", "parallelGateway", None, 31, 0, {"_in": V}, None),
    ("Gateway_Uppfoljningscykel", "exclusiveGateway", None, 32, -2, {"_in": V}, None),
    ("CatchEvent_Uppfoljningstid", "intermediateCatchEvent", "Dags för uppföljning", 33, -2,
     {"_in": V, "_timerDate": "${verkstallighet.nastaUppfoljning(execution)}"},
     "Första uppföljningen sex veckor efter start (Malmös rutin), sedan enligt uppföljningsintervallet (normalt en månad)."),
    ("ServiceTask_BegarRapport", "serviceTask", "Begär rapport från mottagande kommun", 34, -2,
     {"_in": V, "camunda:delegateExpression": "${begarRapport}"}, "§7: hemkommunen äger uppföljningen, mottagande kommun rapporterar."),
    ("UserTask_Uppfoljning", "userTask", "Genomför uppföljning", 35, -2,
     {"_in": V, "form": "uppfoljning", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.uppfoljningsfristDatum()}"},
     "§7 och Linköping: uppföljning, vid behov med registerslagning hos polisen. Intervallet för kommande uppföljningar kan ändras."),
    ("Gateway_HandelseHem", "exclusiveGateway", None, 32, 0, {"_in": V}, None),
    ("UserTask_HandelseHem", "userTask", "Anmäl händelse i uppdraget", 33, 0, {"_in": V, "form": "handelse-hem", "group": "handlaggare"},
     "Uppsägning (§12), personen avslutar sin medverkan (§4) eller barn i bilden (§4). Uppgiften finns kvar så länge uppdraget pågår."),
    ("Gateway_HandelseHemTyp", "exclusiveGateway", "Händelse?", 34, 0, {"_in": V}, None),
    ("EndEvent_AvbrutetAvPersonen", "endEvent", "Personen avslutar", 35, -1.1, {"_in": V, "_error": ERR},
     "§4: avtalet begränsar inte den enskildes rätt att avsluta sin medverkan."),
    ("ServiceTask_MeddelaBarnHem", "serviceTask", "Meddela barn i bilden", 35, 0,
     {"_in": V, "camunda:delegateExpression": "${meddelaBarn}"}, "§4: båda kommunerna ska genast klarlägga ansvaret enligt socialtjänstlagen."),
    ("ParallelGateway_BarnHem", "parallelGateway", None, 36, 0, {"_in": V}, None),
    ("UserTask_BarnHem", "userTask", "Klarlägg ansvaret för barn", 37, 0,
     {"_in": V, "form": "barn-i-bilden", "group": "handlaggare", **URGENT}, "§4: brådskande, samma dag. Ärendet fortsätter."),
    ("EndEvent_BarnKlarlagtHem", "endEvent", "Ansvaret klarlagt", 38, 0, {"_in": V}, None),
    ("ServiceTask_UppsagningHem", "serviceTask", "Meddela uppsägning", 35, 1,
     {"_in": V, "camunda:delegateExpression": "${meddelaUppsagning}"}, "§12: den andra kommunen underrättas genast."),
    ("ParallelGateway_UppsagningHem", "parallelGateway", None, 36, 1, {"_in": V}, None),
    ("CatchEvent_UppsagningstidHem", "intermediateCatchEvent", "Sju dagar efter skriftlig uppsägning", 37, 1,
     {"_in": V, "_timerDate": "${verkstallighet.uppsagningUpphor(execution)}"},
     "§12: uppdraget upphör sju dagar efter den skriftliga uppsägningen; stöd och uppföljning fortsätter under veckan."),
    ("EndEvent_UppsagtHem", "endEvent", "Uppdraget upphör (§12)", 38, 1,
     {"_in": V, "_error": ERR, "_listener": ("start", "${uppsagningstidenUte}")}, None),
    ("CatchEvent_Avtalsslut", "intermediateCatchEvent", "Avtalsversionen upphör", 32, 3,
     {"_in": V, "_timerDate": "${verkstallighet.avtalsversionSlut(execution)}"}, "§4: avtalsversionen upphör medan uppdraget pågår."),
    ("ServiceTask_MeddelaAvtalsslut", "serviceTask", "Meddela mottagande kommun", 33, 3,
     {"_in": V, "camunda:delegateExpression": "${meddelaAvtalsslut}"}, None),
    ("UserTask_BeslutAvtalsslut", "userTask", "Besluta om uppdraget när avtalet upphör", 34, 3,
     {"_in": V, "form": "beslut-avtalsslut", "group": "chef"},
     "§4: parterna beslutar om uppdraget ska fullföljas enligt avtalets villkor; annars upphör det."),
    ("Gateway_BeslutAvtalsslut", "exclusiveGateway", "Fullföljs?", 35, 3, {"_in": V}, None),
    ("EndEvent_Fullfoljs", "endEvent", "Fullföljs enligt avtalet", 36, 3, {"_in": V}, None),
    ("EndEvent_AvslutasVidAvtalsslut", "endEvent", "Uppdraget avslutas", 36, 2.2, {"_in": V, "_error": ERR}, None),
    (V1, "subProcess", "Uppsägning från mottagande kommun", 0, 0, {"_in": V, "_box": (29.82, 33.8, 3.75, 5.9), "triggeredByEvent": "true"}, None),
    ("StartEvent_UppsagningFranMottagande", "startEvent", "Uppsägning mottagen", 30, 4.3,
     {"_in": V1, "_message": "Message_UppsagningFranMottagande", "isInterrupting": "false"}, "§12: mottagande kommun har sagt upp uppdraget."),
    ("ParallelGateway_UppsagningMottagen", "parallelGateway", None, 31, 4.3, {"_in": V1}, None),
    ("UserTask_UppsagningMottagenHem", "userTask", "Ta del av uppsägningen", 32, 4.3,
     {"_in": V1, "form": "uppsagning-mottagen", "group": "handlaggare", **URGENT}, None),
    ("EndEvent_UppsagningKandHem", "endEvent", "Uppsägningen känd", 33, 4.3, {"_in": V1}, None),
    ("CatchEvent_UppsagningstidMottagande", "intermediateCatchEvent", "Sju dagar efter skriftlig uppsägning", 32, 5.3,
     {"_in": V1, "_timerDate": "${verkstallighet.uppsagningUpphor(execution)}"}, None),
    ("EndEvent_UppsagtMottagande", "endEvent", "Uppdraget upphör (§12)", 33, 5.3,
     {"_in": V1, "_error": ERR, "_listener": ("start", "${uppsagningstidenUte}")}, None),
    (V2, "subProcess", "Barn i bilden, anmält av mottagande kommun", 0, 0, {"_in": V, "_box": (34.1, 37.05, 3.75, 5.0), "triggeredByEvent": "true"}, None),
    ("StartEvent_BarnFranMottagande", "startEvent", "Barn i bilden", 34.3, 4.3,
     {"_in": V2, "_message": "Message_BarnFranMottagande", "isInterrupting": "false"}, "§4: mottagande kommun har anmält att barn har kommit in i bilden."),
    ("UserTask_BarnFranMottagande", "userTask", "Klarlägg ansvaret för barn", 35.2, 4.3,
     {"_in": V2, "form": "barn-i-bilden", "group": "handlaggare", **URGENT}, "§4: brådskande, samma dag. Ärendet fortsätter."),
    ("EndEvent_BarnFranMottagandeKlarlagt", "endEvent", "Ansvaret klarlagt", 36.3, 4.3, {"_in": V2}, None),
    (V3, "subProcess", "Rapport från mottagande kommun", 0, 0, {"_in": V, "_box": (37.3, 39.95, 3.75, 5.0), "triggeredByEvent": "true"}, None),
    ("StartEvent_RapportMottagen", "startEvent", "Rapport mottagen", 37.6, 4.3,
     {"_in": V3, "_message": "Message_RapportMottagen", "isInterrupting": "false"}, "Rapporten visas i uppföljningsuppgiften."),
    ("EndEvent_RapportRegistrerad", "endEvent", "Rapport till uppföljningen", 39.0, 4.3, {"_in": V3}, None),
    ("BoundaryEvent_PlaneratSlut", "boundaryEvent", "Planerat slutdatum", 0, 0,
     {"attachedToRef": V, "_timerDate": "${verkstallighet.planeratSlut(execution)}", "_side": "bottom", "_x": 31},
     "Uppdraget upphör vid det planerade slutdatumet i uppdragsbeskrivningen, efter en slutuppföljning (§7)."),
    ("BoundaryEvent_UppdragetUpphor", "boundaryEvent", "Uppdraget upphör", 0, 0,
     {"attachedToRef": V, "_error": ERR, "_side": "bottom", "_x": 34}, None),
    ("BoundaryEvent_AvslutBegart", "boundaryEvent", "Mottagande kommun avslutar", 0, 0,
     {"attachedToRef": V, "_message": "Message_AvslutBegart", "_side": "bottom", "_x": 38.3, "_listener": ("start", "${avslutMottaget}")},
     "§4: mottagande kommun fullföljer inte uppdraget när avtalsversionen upphör."),
    ("BoundaryEvent_ForceMajeure", "boundaryEvent", "Force majeure (§13)", 0, 0,
     {"attachedToRef": V, "_message": "Message_ForceMajeure", "_side": "bottom", "_x": 39.3, "_listener": ("start", "${avslutMottaget}")},
     "§13: mottagande kommun är befriad från sina åtaganden och underrättar hemkommunen utan dröjsmål."),
    ("UserTask_Slutuppfoljning", "userTask", "Genomför slutuppföljning", 32, 7, {"form": "slutuppfoljning", "group": "handlaggare",
     "camunda:dueDate": "${processInstallningar.uppfoljningsfristDatum()}"}, "§7: uppdraget avslutas enligt plan med en slutuppföljning."),
    ("Gateway_Avsluta", "exclusiveGateway", None, 34, 7, {}, None),
    ("ServiceTask_AvslutaUppdrag", "serviceTask", "Avsluta uppdraget i båda kommunerna", 35, 7,
     {"camunda:delegateExpression": "${avslutaUppdrag}"}, "Hemkommunens ärende och mottagande kommunens uppdrag avslutas med samma orsak."),
    ("Gateway_Avslutsorsak", "exclusiveGateway", "Orsak?", 36, 7, {}, None),
    ("EndEvent_AvslutatEnligtPlan", "endEvent", "Avslutat enligt plan", 37, 7, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("EndEvent_Uppsagt", "endEvent", "Avslutat – uppsagt (§12)", 37, 8, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("EndEvent_Avbrutet", "endEvent", "Avslutat – personen avslutade", 37, 9, {"_listener": ("start", "${arendeAvslut}")},
     "Personen kan i stället ansöka om insatser enligt socialtjänstlagen."),
    ("EndEvent_AvtalsversionUpphort", "endEvent", "Avslutat – avtalet upphörde", 37, 10, {"_listener": ("start", "${arendeAvslut}")}, None),
    ("UserTask_ForceMajeure", "userTask", "Force majeure – välj fortsättning", 40, 8, {"form": "fortsattning", "group": "handlaggare"},
     "§13: välj en annan mottagande kommun eller avsluta ärendet."),
    ("Gateway_ForceMajeure", "exclusiveGateway", "Fortsättning?", 41, 8, {}, None),
    ("EndEvent_ForceMajeure", "endEvent", "Avslutat – force majeure", 42, 8, {"_listener": ("start", "${arendeAvslut}")}, None),
]
ARENDE_VERKSTALLIGHET_FLOWS = [
    ("Flow_VerkstallighetStart", "StartEvent_Verkstallighet", "ParallelGateway_Verkstallighet", None, None, None),
    ("Flow_TillUppfoljningar", "ParallelGateway_Verkstallighet", "Gateway_Uppfoljningscykel", None, None, None),
    ("Flow_TillHandelserHem", "ParallelGateway_Verkstallighet", "Gateway_HandelseHem", None, None, None),
    ("Flow_TillAvtalsslut", "ParallelGateway_Verkstallighet", "CatchEvent_Avtalsslut", None, None, None),
    ("Flow_VantaUppfoljning", "Gateway_Uppfoljningscykel", "CatchEvent_Uppfoljningstid", None, None, None),
    ("Flow_UppfoljningDags", "CatchEvent_Uppfoljningstid", "ServiceTask_BegarRapport", None, None, None),
    ("Flow_RapportBegard", "ServiceTask_BegarRapport", "UserTask_Uppfoljning", None, None, None),
    ("Flow_UppfoljningKlar", "UserTask_Uppfoljning", "Gateway_Uppfoljningscykel", None, None, ("over", -2.75)),
    ("Flow_HandelseHem", "Gateway_HandelseHem", "UserTask_HandelseHem", None, None, None),
    ("Flow_HandelseHemAnmald", "UserTask_HandelseHem", "Gateway_HandelseHemTyp", None, None, None),
    ("Flow_PersonenAvslutar", "Gateway_HandelseHemTyp", "EndEvent_AvbrutetAvPersonen", "Personen avslutar", "${handelse == 'AVBRYTER'}", None),
    ("Flow_BarnHem", "Gateway_HandelseHemTyp", "ServiceTask_MeddelaBarnHem", "Barn", "${handelse == 'BARN'}", None),
    ("Flow_UppsagningHem", "Gateway_HandelseHemTyp", "ServiceTask_UppsagningHem", "Uppsägning", "${handelse == 'UPPSAGNING'}", None),
    ("Flow_BarnMeddelatHem", "ServiceTask_MeddelaBarnHem", "ParallelGateway_BarnHem", None, None, None),
    ("Flow_KlarlaggBarnHem", "ParallelGateway_BarnHem", "UserTask_BarnHem", None, None, None),
    ("Flow_BarnKlarlagtHem", "UserTask_BarnHem", "EndEvent_BarnKlarlagtHem", None, None, None),
    ("Flow_BarnHemFortsatt", "ParallelGateway_BarnHem", "Gateway_HandelseHem", None, None, ("over", -0.62)),
    ("Flow_UppsagningMeddeladHem", "ServiceTask_UppsagningHem", "ParallelGateway_UppsagningHem", None, None, None),
    ("Flow_UppsagningstidHem", "ParallelGateway_UppsagningHem", "CatchEvent_UppsagningstidHem", None, None, None),
    ("Flow_UppsagningstidUteHem", "CatchEvent_UppsagningstidHem", "EndEvent_UppsagtHem", None, None, None),
    ("Flow_UppsagningHemFortsatt", "ParallelGateway_UppsagningHem", "Gateway_HandelseHem", None, None, ("back", 1.6)),
    ("Flow_AvtalsslutNatt", "CatchEvent_Avtalsslut", "ServiceTask_MeddelaAvtalsslut", None, None, None),
    ("Flow_AvtalsslutMeddelat", "ServiceTask_MeddelaAvtalsslut", "UserTask_BeslutAvtalsslut", None, None, None),
    ("Flow_AvtalsslutBeslutat", "UserTask_BeslutAvtalsslut", "Gateway_BeslutAvtalsslut", None, None, None),
    ("Flow_Fullfoljs", "Gateway_BeslutAvtalsslut", "EndEvent_Fullfoljs", "Fullföljs", "${avtalsslutBeslut == 'FULLFOLJ'}", None),
    ("Flow_AvslutasVidAvtalsslut", "Gateway_BeslutAvtalsslut", "EndEvent_AvslutasVidAvtalsslut", "Avslutas", "${avtalsslutBeslut == 'AVSLUTA'}", None),
    ("Flow_UppsagningMottagen", "StartEvent_UppsagningFranMottagande", "ParallelGateway_UppsagningMottagen", None, None, None),
    ("Flow_TaDelAvUppsagning", "ParallelGateway_UppsagningMottagen", "UserTask_UppsagningMottagenHem", None, None, None),
    ("Flow_UppsagningKandHem", "UserTask_UppsagningMottagenHem", "EndEvent_UppsagningKandHem", None, None, None),
    ("Flow_UppsagningstidMottagande", "ParallelGateway_UppsagningMottagen", "CatchEvent_UppsagningstidMottagande", None, None, None),
    ("Flow_UppsagningstidUteMottagande", "CatchEvent_UppsagningstidMottagande", "EndEvent_UppsagtMottagande", None, None, None),
    ("Flow_BarnFranMottagande", "StartEvent_BarnFranMottagande", "UserTask_BarnFranMottagande", None, None, None),
    ("Flow_BarnFranMottagandeKlarlagt", "UserTask_BarnFranMottagande", "EndEvent_BarnFranMottagandeKlarlagt", None, None, None),
    ("Flow_RapportMottagen", "StartEvent_RapportMottagen", "EndEvent_RapportRegistrerad", None, None, None),
    ("Flow_PlaneratSlut", "BoundaryEvent_PlaneratSlut", "UserTask_Slutuppfoljning", None, None, None),
    ("Flow_SlutuppfoljningKlar", "UserTask_Slutuppfoljning", "Gateway_Avsluta", None, None, None),
    ("Flow_UppdragetUpphor", "BoundaryEvent_UppdragetUpphor", "Gateway_Avsluta", None, None, None),
    ("Flow_AvslutBegart", "BoundaryEvent_AvslutBegart", "Gateway_Avsluta", None, None, ("via", "r", [(38.55, None), (38.55, 7.6), (34, 7.6)], "b")),
    ("Flow_Avsluta", "Gateway_Avsluta", "ServiceTask_AvslutaUppdrag", None, None, None),
    ("Flow_Avslutat", "ServiceTask_AvslutaUppdrag", "Gateway_Avslutsorsak", None, None, None),
    ("Flow_AvslutatEnligtPlan", "Gateway_Avslutsorsak", "EndEvent_AvslutatEnligtPlan", "Planerat slut", "${avslutstyp == 'PLANERAT_SLUT'}", None),
    ("Flow_AvslutatUppsagt", "Gateway_Avslutsorsak", "EndEvent_Uppsagt", "Uppsägning", "${avslutstyp == 'UPPSAGT'}", None),
    ("Flow_AvslutatAvbrutet", "Gateway_Avslutsorsak", "EndEvent_Avbrutet", "Personen avslutade", "${avslutstyp == 'AVBRUTET'}", None),
    ("Flow_AvslutatAvtalsslut", "Gateway_Avslutsorsak", "EndEvent_AvtalsversionUpphort", "Avtalet upphörde", "${avslutstyp == 'AVTALSVERSION_UPPHORT'}", None),
    ("Flow_ForceMajeure", "BoundaryEvent_ForceMajeure", "UserTask_ForceMajeure", None, None, ("via", "r", [(39.55, None), (39.55, 8)], "l")),
    ("Flow_ForceMajeureFortsattning", "UserTask_ForceMajeure", "Gateway_ForceMajeure", None, None, None),
    ("Flow_ForceMajeureAvsluta", "Gateway_ForceMajeure", "EndEvent_ForceMajeure", "Avsluta", "${fortsattning == 'AVSLUTA'}", None),
    ("Flow_ForceMajeureNyKommun", "Gateway_ForceMajeure", "Gateway_ValjKommun", "Annan mottagande kommun", "${fortsattning == 'ANNAN_KOMMUN'}", ("back", 10.6)),
]

# ---------------------------------------------------------------- implementation, the receiving municipality's side
G, G1, G2, G3, G4 = ("SubProcess_Genomforande", "EventSubProcess_RapportBegard", "EventSubProcess_UppsagningFranHem",
                     "EventSubProcess_BarnFranHem", "EventSubProcess_Avtalsslut")
UPPDRAG_GENOMFORANDE = [
    (G, "subProcess", "Genomförande", 0, 0, {"_box": (29.75, 38.3, -1.05, 7.45)},
     "§6–§7: mottagande kommun genomför insatserna enligt genomförandeplanen och rapporterar till hemkommunens uppföljningar."),
    ("StartEvent_Genomforande", "startEvent", "Genomförande börjar", 30, 0, {"_in": G}, None),
    ("Gateway_HandelseMottagande", "exclusiveGateway", None, 31, 0, {"_in": G}, None),
    ("UserTask_HandelseMottagande", "userTask", "Anmäl händelse i uppdraget", 32, 0,
     {"_in": G, "form": "handelse-mottagande", "group": "handlaggare"},
     "Uppsägning (§12), barn i bilden (§4) eller force majeure (§13). Uppgiften finns kvar så länge uppdraget pågår."),
    ("Gateway_HandelseMottagandeTyp", "exclusiveGateway", "Händelse?", 33, 0, {"_in": G}, None),
    ("ServiceTask_MeddelaBarnMottagande", "serviceTask", "Meddela barn i bilden", 34, 0,
     {"_in": G, "camunda:delegateExpression": "${meddelaBarn}"}, "§4: båda kommunerna ska genast klarlägga ansvaret."),
    ("ParallelGateway_BarnMottagande", "parallelGateway", None, 35, 0, {"_in": G}, None),
    ("UserTask_BarnMottagande", "userTask", "Klarlägg ansvaret för barn", 36, 0,
     {"_in": G, "form": "barn-i-bilden", "group": "handlaggare", **URGENT}, "§4: brådskande, samma dag. Uppdraget fortsätter."),
    ("EndEvent_BarnKlarlagtMottagande", "endEvent", "Ansvaret klarlagt", 37, 0, {"_in": G}, None),
    ("ServiceTask_UppsagningMottagande", "serviceTask", "Meddela uppsägning", 34, 1,
     {"_in": G, "camunda:delegateExpression": "${meddelaUppsagning}"}, "§12: hemkommunen underrättas genast; uppdraget upphör sju dagar efter den skriftliga uppsägningen."),
    ("ServiceTask_MeddelaForceMajeure", "serviceTask", "Meddela force majeure", 34, 2,
     {"_in": G, "camunda:delegateExpression": "${meddelaForceMajeure}"}, "§13: hemkommunen underrättas utan dröjsmål."),
    ("EndEvent_ForceMajeureMeddelad", "endEvent", "Befriad från uppdraget (§13)", 35, 2, {"_in": G, "_error": ERR}, None),
    (G1, "subProcess", "Uppföljning", 0, 0, {"_in": G, "_box": (29.82, 33.8, 3.4, 4.75), "triggeredByEvent": "true"}, None),
    ("StartEvent_RapportBegard", "startEvent", "Rapport begärd", 30, 4,
     {"_in": G1, "_message": "Message_RapportBegard", "isInterrupting": "false"}, "§7: hemkommunen följer upp uppdraget."),
    ("UserTask_RapportUppfoljning", "userTask", "Rapportera inför uppföljning", 31, 4,
     {"_in": G1, "form": "rapport-uppfoljning", "group": "handlaggare", "camunda:dueDate": "${processInstallningar.uppfoljningsfristDatum()}"}, None),
    ("ServiceTask_SkickaRapport", "serviceTask", "Skicka rapporten", 32, 4, {"_in": G1, "camunda:delegateExpression": "${skickaRapport}"}, None),
    ("EndEvent_RapportSkickad", "endEvent", "Rapport skickad", 33, 4, {"_in": G1}, None),
    (G2, "subProcess", "Uppsägning från hemkommunen", 0, 0, {"_in": G, "_box": (34.1, 37.1, 3.4, 4.75), "triggeredByEvent": "true"}, None),
    ("StartEvent_UppsagningFranHem", "startEvent", "Uppsägning mottagen", 34.4, 4,
     {"_in": G2, "_message": "Message_UppsagningFranHem", "isInterrupting": "false"}, "§12: hemkommunen har sagt upp uppdraget."),
    ("UserTask_UppsagningMottagen", "userTask", "Ta del av uppsägningen", 35.3, 4,
     {"_in": G2, "form": "uppsagning-mottagen", "group": "handlaggare", **URGENT}, None),
    ("EndEvent_UppsagningKandMottagande", "endEvent", "Uppsägningen känd", 36.4, 4, {"_in": G2}, None),
    (G3, "subProcess", "Barn i bilden, anmält av hemkommunen", 0, 0, {"_in": G, "_box": (29.82, 32.8, 5.0, 6.3), "triggeredByEvent": "true"}, None),
    ("StartEvent_BarnFranHem", "startEvent", "Barn i bilden", 30, 5.6,
     {"_in": G3, "_message": "Message_BarnFranHem", "isInterrupting": "false"}, "§4: hemkommunen har anmält att barn har kommit in i bilden."),
    ("UserTask_BarnFranHem", "userTask", "Klarlägg ansvaret för barn", 31, 5.6,
     {"_in": G3, "form": "barn-i-bilden", "group": "handlaggare", **URGENT}, None),
    ("EndEvent_BarnFranHemKlarlagt", "endEvent", "Ansvaret klarlagt", 32, 5.6, {"_in": G3}, None),
    (G4, "subProcess", "Avtalsversionen upphör", 0, 0, {"_in": G, "_box": (33.1, 38.1, 5.0, 7.3), "triggeredByEvent": "true"}, None),
    ("StartEvent_AvtalsslutMottagande", "startEvent", "Avtalsversionen upphör", 33.4, 5.6,
     {"_in": G4, "_message": "Message_AvtalsslutMottagande", "isInterrupting": "false"}, "§4: avtalsversionen upphör medan uppdraget pågår."),
    ("UserTask_BeslutAvtalsslutMottagande", "userTask", "Besluta om uppdraget när avtalet upphör", 34.4, 5.6,
     {"_in": G4, "form": "beslut-avtalsslut", "group": "chef"}, "§4: parterna beslutar om uppdraget ska fullföljas; annars upphör det."),
    ("Gateway_BeslutAvtalsslutMottagande", "exclusiveGateway", "Fullföljs?", 35.4, 5.6, {"_in": G4}, None),
    ("EndEvent_FullfoljsMottagande", "endEvent", "Fullföljs enligt avtalet", 36.4, 5.6, {"_in": G4}, None),
    ("ServiceTask_BegarAvslut", "serviceTask", "Meddela hemkommunen", 36.4, 6.6, {"_in": G4, "camunda:delegateExpression": "${begarAvslut}"}, None),
    ("EndEvent_AvslutasMottagande", "endEvent", "Uppdraget avslutas", 37.4, 6.6, {"_in": G4, "_error": ERR}, None),
    ("BoundaryEvent_UppdragAvslutat", "boundaryEvent", "Hemkommunen avslutar", 0, 0,
     {"attachedToRef": G, "_message": "Message_UppdragAvslutat", "_side": "top", "_x": 37.6}, "Uppdraget avslutas med samma orsak som hemkommunens ärende."),
    ("EndEvent_UppdragAvslutat", "endEvent", "Uppdraget avslutat", 38.9, -1.6, {"_listener": ("start", "${uppdragAvslut}")}, None),
    ("BoundaryEvent_AvslutatAvMottagande", "boundaryEvent", "Uppdraget upphör", 0, 0,
     {"attachedToRef": G, "_error": ERR, "_side": "bottom", "_x": 31}, None),
    ("EndEvent_AvslutatAvMottagande", "endEvent", "Uppdraget avslutat", 32, 8.2, {"_listener": ("start", "${uppdragAvslut}")}, None),
]
UPPDRAG_GENOMFORANDE_FLOWS = [
    ("Flow_GenomforandeStart", "StartEvent_Genomforande", "Gateway_HandelseMottagande", None, None, None),
    ("Flow_HandelseMottagande", "Gateway_HandelseMottagande", "UserTask_HandelseMottagande", None, None, None),
    ("Flow_HandelseMottagandeAnmald", "UserTask_HandelseMottagande", "Gateway_HandelseMottagandeTyp", None, None, None),
    ("Flow_BarnMottagande", "Gateway_HandelseMottagandeTyp", "ServiceTask_MeddelaBarnMottagande", "Barn", "${handelse == 'BARN'}", None),
    ("Flow_UppsagningMottagande", "Gateway_HandelseMottagandeTyp", "ServiceTask_UppsagningMottagande", "Uppsägning", "${handelse == 'UPPSAGNING'}", None),
    ("Flow_ForceMajeureMottagande", "Gateway_HandelseMottagandeTyp", "ServiceTask_MeddelaForceMajeure", "Force majeure", "${handelse == 'FORCE_MAJEURE'}", None),
    ("Flow_BarnMeddelatMottagande", "ServiceTask_MeddelaBarnMottagande", "ParallelGateway_BarnMottagande", None, None, None),
    ("Flow_KlarlaggBarnMottagande", "ParallelGateway_BarnMottagande", "UserTask_BarnMottagande", None, None, None),
    ("Flow_BarnKlarlagtMottagande", "UserTask_BarnMottagande", "EndEvent_BarnKlarlagtMottagande", None, None, None),
    ("Flow_BarnMottagandeFortsatt", "ParallelGateway_BarnMottagande", "Gateway_HandelseMottagande", None, None, ("over", -0.62)),
    ("Flow_UppsagningMeddeladMottagande", "ServiceTask_UppsagningMottagande", "Gateway_HandelseMottagande", None, None, ("back", 1.6)),
    ("Flow_ForceMajeureMeddelad", "ServiceTask_MeddelaForceMajeure", "EndEvent_ForceMajeureMeddelad", None, None, None),
    ("Flow_RapportBegardMottagande", "StartEvent_RapportBegard", "UserTask_RapportUppfoljning", None, None, None),
    ("Flow_RapportSkriven", "UserTask_RapportUppfoljning", "ServiceTask_SkickaRapport", None, None, None),
    ("Flow_RapportSkickad", "ServiceTask_SkickaRapport", "EndEvent_RapportSkickad", None, None, None),
    ("Flow_UppsagningFranHem", "StartEvent_UppsagningFranHem", "UserTask_UppsagningMottagen", None, None, None),
    ("Flow_UppsagningKandMottagande", "UserTask_UppsagningMottagen", "EndEvent_UppsagningKandMottagande", None, None, None),
    ("Flow_BarnFranHem", "StartEvent_BarnFranHem", "UserTask_BarnFranHem", None, None, None),
    ("Flow_BarnFranHemKlarlagt", "UserTask_BarnFranHem", "EndEvent_BarnFranHemKlarlagt", None, None, None),
    ("Flow_AvtalsslutMottaget", "StartEvent_AvtalsslutMottagande", "UserTask_BeslutAvtalsslutMottagande", None, None, None),
    ("Flow_AvtalsslutBeslutatMottagande", "UserTask_BeslutAvtalsslutMottagande", "Gateway_BeslutAvtalsslutMottagande", None, None, None),
    ("Flow_FullfoljsMottagande", "Gateway_BeslutAvtalsslutMottagande", "EndEvent_FullfoljsMottagande", "Fullföljs", "${avtalsslutBeslut == 'FULLFOLJ'}", None),
    ("Flow_AvslutasMottagande", "Gateway_BeslutAvtalsslutMottagande", "ServiceTask_BegarAvslut", "Avslutas", "${avtalsslutBeslut == 'AVSLUTA'}", None),
    ("Flow_AvslutBegartMeddelat", "ServiceTask_BegarAvslut", "EndEvent_AvslutasMottagande", None, None, None),
    ("Flow_UppdragAvslutat", "BoundaryEvent_UppdragAvslutat", "EndEvent_UppdragAvslutat", None, None, ("via", "r", [(37.85, None), (37.85, -1.6)], "l")),
    ("Flow_AvslutatAvMottagande", "BoundaryEvent_AvslutatAvMottagande", "EndEvent_AvslutatAvMottagande", None, None, None),
]

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
    ("CatchEvent_PlanKlar", "intermediateCatchEvent", "Genomförandeplan mottagen", 28, 0,
     {"_message": "Message_GenomforandeplanKlar", "_listener": ("end", "${verkstallighetStart}")},
     "§7: verkställigheten börjar; tiderna för uppföljning och slut räknas från uppdragsbeskrivningen."),
] + ARENDE_VERKSTALLIGHET
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
    ("Flow_PlanMottagen", "CatchEvent_PlanKlar", "SubProcess_Verkstallighet", None, None, None),
] + ARENDE_VERKSTALLIGHET_FLOWS

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
] + UPPDRAG_GENOMFORANDE
UPPDRAG_FLOWS = [
    ("Flow_ForfraganMottagen", "StartEvent_Forfragan", "UserTask_BesvaraForfragan", None, None, None),
    ("Flow_Besvarad", "UserTask_BesvaraForfragan", "Gateway_Svar", None, None, None),
    ("Flow_Accepterar", "Gateway_Svar", "ServiceTask_MeddelaAccepterad", "Ja", "${svar == 'ACCEPTERAR'}", None),
    ("Flow_Avbojer", "Gateway_Svar", "ServiceTask_MeddelaAvbojd", "Nej", "${svar == 'AVBOJER'}", None),
    ("Flow_AvbojdMeddelad", "ServiceTask_MeddelaAvbojd", "EndEvent_Avbojd", None, None, None),
    ("Flow_AccepteradMeddelad", "ServiceTask_MeddelaAccepterad", "CatchEvent_BeslutMottaget", None, None, None),
    ("Flow_BeslutMottaget", "CatchEvent_BeslutMottaget", "UserTask_Genomforandeplan", None, None, None),
    ("Flow_PlanUpprattad", "UserTask_Genomforandeplan", "ServiceTask_MeddelaPlan", None, None, None),
    ("Flow_PlanMeddelad", "ServiceTask_MeddelaPlan", "SubProcess_Genomforande", None, None, None),
] + UPPDRAG_GENOMFORANDE_FLOWS
MESSAGES = [("Message_ArendeOverlamnat", "ArendeOverlamnat"), ("Message_Uppdragsforfragan", "Uppdragsforfragan"),
            ("Message_ForfraganAccepterad", "ForfraganAccepterad"), ("Message_ForfraganAvbojd", "ForfraganAvbojd"),
            ("Message_UppdragBeslutat", "UppdragBeslutat"), ("Message_GenomforandeplanKlar", "GenomforandeplanKlar"),
            ("Message_RapportBegard", "UppfoljningsrapportBegard"), ("Message_RapportMottagen", "Uppfoljningsrapport"),
            ("Message_UppsagningFranHem", "UppsagningFranHemkommunen"),
            ("Message_UppsagningFranMottagande", "UppsagningFranMottagandeKommun"),
            ("Message_BarnFranHem", "BarnIBildenFranHemkommunen"), ("Message_BarnFranMottagande", "BarnIBildenFranMottagandeKommun"),
            ("Message_AvtalsslutMottagande", "AvtalsversionenUpphor"), ("Message_UppdragAvslutat", "UppdragAvslutat"),
            ("Message_AvslutBegart", "UppdragAvslutasAvMottagandeKommun"), ("Message_ForceMajeure", "ForceMajeure")]
MESSAGE_FLOWS = [
    ("MessageFlow_Forfragan", "ServiceTask_SkickaForfragan", "StartEvent_Forfragan", "Uppdragsförfrågan"),
    ("MessageFlow_Accepterad", "ServiceTask_MeddelaAccepterad", "CatchEvent_Accepterad", "Accepterad"),
    ("MessageFlow_Avbojd", "ServiceTask_MeddelaAvbojd", "CatchEvent_Avbojd", "Avböjd"),
    ("MessageFlow_Beslut", "ServiceTask_SkickaBeslut", "CatchEvent_BeslutMottaget", "Uppdrag och beslut"),
    ("MessageFlow_Plan", "ServiceTask_MeddelaPlan", "CatchEvent_PlanKlar", "Genomförandeplan"),
    ("MessageFlow_RapportBegard", "ServiceTask_BegarRapport", "StartEvent_RapportBegard", "Rapport begärd"),
    ("MessageFlow_Rapport", "ServiceTask_SkickaRapport", "StartEvent_RapportMottagen", "Rapport"),
    ("MessageFlow_UppsagningFranHem", "ServiceTask_UppsagningHem", "StartEvent_UppsagningFranHem", "Uppsägning"),
    ("MessageFlow_UppsagningFranMottagande", "ServiceTask_UppsagningMottagande", "StartEvent_UppsagningFranMottagande", "Uppsägning"),
    ("MessageFlow_BarnFranHem", "ServiceTask_MeddelaBarnHem", "StartEvent_BarnFranHem", "Barn i bilden"),
    ("MessageFlow_BarnFranMottagande", "ServiceTask_MeddelaBarnMottagande", "StartEvent_BarnFranMottagande", "Barn i bilden"),
    ("MessageFlow_Avtalsslut", "ServiceTask_MeddelaAvtalsslut", "StartEvent_AvtalsslutMottagande", "Avtalet upphör"),
    ("MessageFlow_UppdragAvslutat", "ServiceTask_AvslutaUppdrag", "BoundaryEvent_UppdragAvslutat", "Uppdraget avslutat"),
    ("MessageFlow_AvslutBegart", "ServiceTask_BegarAvslut", "BoundaryEvent_AvslutBegart", "Uppdraget avslutas"),
    ("MessageFlow_ForceMajeure", "ServiceTask_MeddelaForceMajeure", "BoundaryEvent_ForceMajeure", "Force majeure"),
]
CORRIDOR = 5  # message flows from this index on are routed between the columns (the first five keep their straight layout)
POOLS = [("Participant_Hemkommun", "Hemkommunen", "arende", "Ärende i hemkommunen", ARENDE, ARENDE_FLOWS, 80, (-4, 11)),
         ("Participant_MottagandeKommun", "Mottagande kommun", "uppdrag", "Uppdrag i mottagande kommun", UPPDRAG, UPPDRAG_FLOWS, 0, (-2, 8))]
WIDTH_COLS = 43.5

ROW0 = {}  # pool id -> y of row 0


def rowy(pid, r):
    return ROW0[pid] + r * ROW


def colx(c):
    """x of the centre of grid column c (fractional columns are allowed)."""
    return X0 + c * COL + 50


def build():
    bounds, pool_bounds = {}, {}
    y = POOLS[0][6]
    for pid, _, _, _, nodes, _, _, (rmin, rmax) in POOLS:
        top = y
        height = (rmax - rmin + 1) * ROW + 60
        ROW0[pid] = top + 30 + (-rmin) * ROW + ROW // 2
        width = X0 + WIDTH_COLS * COL
        pool_bounds[pid] = (160, top, width, height)
        for nid, typ, name, col, row, attrs, doc in nodes:
            if typ == "subProcess":
                c0, c1, r0, r1 = attrs["_box"]
                bounds[nid] = (X0 + c0 * COL, rowy(pid, r0), (c1 - c0) * COL, (r1 - r0) * ROW)
                continue
            w, h = SIZE[KIND[typ]]
            cx, cy = colx(col), rowy(pid, row)
            if typ == "boundaryEvent":
                hx, hy, hw, hh = bounds[attrs["attachedToRef"]]
                cx = colx(attrs["_x"]) if "_x" in attrs else hx + hw - 25
                cy = hy if attrs.get("_side") == "top" else hy + hh
            bounds[nid] = (cx - w / 2, cy - h / 2, w, h)
        y = top + height + 60
    return bounds, pool_bounds


def mid(b, side):
    x, y, w, h = b
    return {"l": (x, y + h / 2), "r": (x + w, y + h / 2), "t": (x + w / 2, y), "b": (x + w / 2, y + h)}[side]


def route(pid, s, t, bounds, how):
    sb, tb = bounds[s], bounds[t]
    scx, scy = sb[0] + sb[2] / 2, sb[1] + sb[3] / 2
    tcx, tcy = tb[0] + tb[2] / 2, tb[1] + tb[3] / 2
    if how and how[0] == "via":
        _, sside, pts, tside = how
        a, b = mid(sb, sside), mid(tb, tside)
        pts = [(colx(c) if c is not None else None, rowy(pid, r) if r is not None else None) for c, r in pts]
        first = pts[0]
        pts[0] = (first[0] if sside in "lr" else a[0], a[1] if sside in "lr" else first[1])
        last = pts[-1]
        pts[-1] = (b[0] if tside in "tb" else last[0], last[1] if tside in "tb" else b[1])
        return [a] + pts + [b]
    if how and how[0] in ("back", "over"):
        ly = rowy(pid, how[1])
        a = mid(sb, "b" if ly > scy else "t")
        b = mid(tb, "b" if ly > tcy else "t")
        return [a, (a[0], ly), (b[0], ly), b]
    if s.startswith("BoundaryEvent"):
        a = mid(sb, "t" if tcy < scy else "b")
        if abs(a[0] - tcx) < 5:
            return [a, mid(tb, "t" if tcy > scy else "b")]
        b = mid(tb, "l")
        return [a, (a[0], b[1]), b]
    if t.startswith("SubProcess"):
        a = mid(sb, "r")
        return [a, (tb[0], a[1])]
    if abs(scx - tcx) < 5:
        return [mid(sb, "b" if tcy > scy else "t"), mid(tb, "t" if tcy > scy else "b")]
    if abs(scy - tcy) < 1:
        return [mid(sb, "r"), mid(tb, "l")] if tcx > scx else [mid(sb, "l"), mid(tb, "r")]
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


def message_route(i, s, t, bounds, pool_bounds, where):
    """A message flow between the pools, drawn in the free corridors between grid columns and rows."""
    sb, tb = bounds[s], bounds[t]
    upper = pool_bounds["Participant_Hemkommun"]
    down = where[s] == "Participant_Hemkommun"
    gap_y = upper[1] + upper[3] + 10 + (i - CORRIDOR) * 4
    lane = 70 + (i % 3) * 10
    if down:
        a = mid(sb, "b")
        pts = [a, (a[0], a[1] + 20), (a[0] + lane, a[1] + 20), (a[0] + lane, gap_y)]
        b = mid(tb, "t")
    else:
        a = mid(sb, "t")
        pts = [a, (a[0], a[1] - 20), (a[0] + lane, a[1] - 20), (a[0] + lane, gap_y)]
        b = mid(tb, "b")
    if t.startswith("BoundaryEvent"):
        return pts + [(b[0], gap_y), b]
    ty = b[1] - 22 if down else b[1] + 36
    return pts + [(b[0] - lane, gap_y), (b[0] - lane, ty), (b[0], ty), b]


def main():
    bounds, pool_bounds = build()
    ids = [n[0] for *_, nodes, flows, _, _ in POOLS for n in nodes] + [f[0] for *_, nodes, flows, _, _ in POOLS for f in flows]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"duplicate ids: {dupes}"
    where = {n[0]: pid for pid, *_, nodes, flows, _, _ in [(p[0], p[4], p[5], p[6], p[7]) for p in POOLS] for n in nodes}
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
        container = {}
        for nid, typ, name, col, row, attrs, doc in nodes:
            container[nid] = container.get(attrs["attachedToRef"]) if typ == "boundaryEvent" else attrs.get("_in")
        emit(out, None, nodes, flows, container, incoming, outgoing, "    ")
        out.append('  </bpmn:process>')
    for mid_, name in MESSAGES:
        out.append(f'  <bpmn:message id="{mid_}" name="{name}" />')
    out.append('  <bpmn:error id="Error_EjIMalgrupp" name="Uppfyller inte §4" errorCode="EJ_I_MALGRUPP" />')
    out.append(f'  <bpmn:error id="{ERR}" name="Uppdraget upphör" errorCode="UPPDRAG_UPPHOR" />')
    out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_Avhoppare">')
    out.append('    <bpmndi:BPMNPlane id="BPMNPlane_Avhoppare" bpmnElement="Collaboration_Avhoppare">')
    for pid, *_ in POOLS:
        x, y, w, h = pool_bounds[pid]
        out.append(f'      <bpmndi:BPMNShape id="{pid}_di" bpmnElement="{pid}" isHorizontal="true"><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" /></bpmndi:BPMNShape>')
    for pid, _, _, _, nodes, flows, _, _ in POOLS:
        for nid, typ, name, col, row, attrs, doc in nodes:
            x, y, w, h = bounds[nid]
            label = ""
            if KIND[typ] not in ("task", "box") and name:
                above = typ == "boundaryEvent" and attrs.get("_side") == "top"
                ly = y - 31 if above else y + h + 4
                lx = x + w + 2 if typ == "boundaryEvent" else x + w / 2 - 50
                label = f'<bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>'
            extra = ' isMarkerVisible="true"' if typ == "exclusiveGateway" else ""
            extra += ' isExpanded="true"' if typ == "subProcess" else ""
            out.append(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{extra}><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" />{label}</bpmndi:BPMNShape>')
        for fid, s, t, name, cond, how in flows:
            pts = route(pid, s, t, bounds, how)
            wps = "".join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
            out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}</bpmndi:BPMNEdge>')
    for i, (mid_, s, t, _) in enumerate(MESSAGE_FLOWS):
        if i >= CORRIDOR:
            pts = message_route(i, s, t, bounds, pool_bounds, where)
        else:
            pts = straight_message_route(s, t, bounds, pool_bounds)
        wps = "".join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
        out.append(f'      <bpmndi:BPMNEdge id="{mid_}_di" bpmnElement="{mid_}">{wps}</bpmndi:BPMNEdge>')
    out.append('    </bpmndi:BPMNPlane>')
    out.append('  </bpmndi:BPMNDiagram>')
    out.append('</bpmn:definitions>')
    path = pathlib.Path(__file__).resolve().parent.parent / "processes" / "avhoppare.bpmn"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def straight_message_route(s, t, bounds, pool_bounds):
    sb, tb = bounds[s], bounds[t]
    a = (sb[0] + sb[2] / 2, sb[1] + sb[3])
    b = (tb[0] + tb[2] / 2, tb[1]) if tb[1] > sb[1] else (tb[0] + tb[2] / 2, tb[1] + tb[3])
    if tb[1] < sb[1]:
        a = (sb[0] + sb[2] / 2, sb[1])
    gap_y = pool_bounds["Participant_Hemkommun"][1] + pool_bounds["Participant_Hemkommun"][3] + 30
    if tb[1] < sb[1] and abs(a[0] - b[0]) > 1:
        side_x = tb[0] - 40
        return [a, (a[0], gap_y), (side_x, gap_y), (side_x, tb[1] + tb[3] / 2), (tb[0], tb[1] + tb[3] / 2)]
    if abs(a[0] - b[0]) > 1:
        return [a, (a[0], gap_y), (b[0], gap_y), b]
    return [a, b]


def emit(out, parent, nodes, flows, container, incoming, outgoing, ind):
    """Writes the nodes and flows of one scope (the process or a subprocess), subprocesses recursively."""
    for nid, typ, name, col, row, attrs, doc in nodes:
        if container[nid] != parent:
            continue
        a = {k: v for k, v in attrs.items() if not k.startswith("_") and k not in ("form", "group")}
        if "form" in attrs:
            a["camunda:formRef"] = attrs["form"]
            a["camunda:formRefBinding"] = "deployment"
        if "group" in attrs:
            a["camunda:candidateGroups"] = CS + "-" + attrs["group"]
        attr = "".join(f' {k}="{escape(v)}"' for k, v in a.items())
        nm = f' name="{escape(name)}"' if name else ""
        out.append(f'{ind}<bpmn:{typ} id="{nid}"{nm}{attr}>')
        if doc:
            out.append(f'{ind}  <bpmn:documentation>{escape(doc)}</bpmn:documentation>')
        ext = []
        if "_listener" in attrs:
            ev, expr = attrs["_listener"]
            ext.append(f'{ind}    <camunda:executionListener delegateExpression="{escape(expr)}" event="{ev}" />')
        if typ == "userTask":
            ext.append(f'{ind}    <camunda:taskListener delegateExpression="${{uppgiftsvalidering}}" event="complete" />')
        if ext:
            out.append(f'{ind}  <bpmn:extensionElements>')
            out.extend(ext)
            out.append(f'{ind}  </bpmn:extensionElements>')
        for f in incoming.get(nid, []):
            out.append(f'{ind}  <bpmn:incoming>{f}</bpmn:incoming>')
        for f in outgoing.get(nid, []):
            out.append(f'{ind}  <bpmn:outgoing>{f}</bpmn:outgoing>')
        if "_message" in attrs:
            out.append(f'{ind}  <bpmn:messageEventDefinition id="{nid}_Meddelande" messageRef="{attrs["_message"]}" />')
        if "_error" in attrs:
            var = ' camunda:errorMessageVariable="avslutsorsak"' if attrs["_error"] == "Error_EjIMalgrupp" else ""
            out.append(f'{ind}  <bpmn:errorEventDefinition id="{nid}_Fel" errorRef="{attrs["_error"]}"{var} />')
        for key, tag in (("_timer", "timeDuration"), ("_timerDate", "timeDate")):
            if key in attrs:
                out.append(f'{ind}  <bpmn:timerEventDefinition id="{nid}_Timer"><bpmn:{tag} xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{escape(attrs[key])}</bpmn:{tag}></bpmn:timerEventDefinition>')
        if typ == "subProcess":
            emit(out, nid, nodes, flows, container, incoming, outgoing, ind + "  ")
        out.append(f'{ind}</bpmn:{typ}>')
    for fid, s, t, name, cond, _ in flows:
        if container[s] != parent:
            continue
        nm = f' name="{escape(name)}"' if name else ""
        if cond:
            out.append(f'{ind}<bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">')
            out.append(f'{ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{escape(cond)}</bpmn:conditionExpression>')
            out.append(f'{ind}</bpmn:sequenceFlow>')
        else:
            out.append(f'{ind}<bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')


if __name__ == "__main__":
    main()
