#!/usr/bin/env python3
"""Generates the Camunda Forms (processes/*.form) of the arende and uppdrag processes: Swedish labels,
required fields and constraints. The server checks every value again (Uppgiftsvalidering); keys here
must match it. Run: python3 tools/generate_forms.py"""
import json, pathlib

KOMMUNER = [("stockholm", "Stockholm"), ("goteborg", "Göteborg"), ("malmo", "Malmö")]
PARTER = [("stockholm-socialnamnden", "Stockholm – Socialnämnden"), ("stockholm-jarva", "Stockholm – Järva stadsdelsnämnd"),
          ("stockholm-farsta", "Stockholm – Farsta stadsdelsnämnd"), ("goteborg-nordost", "Göteborg – Socialnämnden Nordost"),
          ("goteborg-centrum", "Göteborg – Socialnämnden Centrum"), ("goteborg-sydvast", "Göteborg – Socialnämnden Sydväst"),
          ("goteborg-hisingen", "Göteborg – Socialnämnden Hisingen"), ("malmo-asn", "Malmö – Arbetsmarknads- och socialnämnden")]
INSATSER = [("KRISSTOD", "Krisstöd"), ("MOTIVATIONSSAMTAL", "Motivationssamtal"), ("PRAKTISKT_STOD", "Praktiskt stöd (SIG-lots)"),
            ("KONTAKTPERSON", "Kontaktperson"), ("BOENDESTOD", "Boendestöd"), ("MISSBRUKSBEHANDLING", "Missbruksbehandling"),
            ("BUDGET_OCH_SKULDRADGIVNING", "Budget- och skuldrådgivning"), ("OPPENVARDSBEHANDLING", "Öppenvårdsbehandling"),
            ("KRIMINALITET_SOM_LIVSSTIL", "Kriminalitet som livsstil"), ("KONTAKT_MED_PSYKIATRIN", "Kontakt med psykiatrin"),
            ("ARBETSINRIKTADE_INSATSER", "Arbetsinriktade insatser (KRAMI)")]

def opts(pairs):
    return [{"label": l, "value": v} for v, l in pairs]

def text(t, key):
    return {"type": "text", "text": t, "id": "Text_" + key}

def field(typ, key, label, required=True, **extra):
    c = {"type": typ, "key": key, "label": label, "id": "Field_" + key}
    validate = {"required": True} if required else {}
    for k in ("maxLength", "min", "max"):
        if k in extra:
            validate[k] = extra.pop(k)
    if validate:
        c["validate"] = validate
    c.update(extra)
    return c

def date(key, label, required=True, **extra):
    c = field("datetime", key, label, required, subtype="date", dateLabel=label, **extra)
    del c["label"]
    return c

def hidden_unless(expr):
    return {"conditional": {"hide": "=" + expr}}

INTERVALL = [("P1M", "Varje månad"), ("P6W", "Var sjätte vecka"), ("P2M", "Varannan månad"), ("P3M", "Var tredje månad")]

def handelse(val):
    """The standing task of a running assignment: one form per side, the same fields."""
    return [
        text("### Händelse i uppdraget – ärende {{arendeReferens}}\nAnmäl det som ändrar eller avslutar uppdraget. Den andra kommunen "
             "underrättas genast. Uppgiften finns kvar så länge uppdraget pågår.", "Intro"),
        field("radio", "handelse", "Händelse", values=opts(val)),
        field("radio", "uppsagningsorsak", "Skäl för uppsägningen", values=opts([
            ("KAN_INTE_MEDVERKA", "Personen kan inte förmås att medverka i insatserna"),
            ("POLISEN_OLAMPLIGT", "Polisen bedömer att genomförandet är olämpligt"), ("ANNAT_SARSKILT_SKAL", "Annat särskilt skäl")]),
              **hidden_unless('handelse != "UPPSAGNING"')),
        date("uppsagningDatum", "Datum för den skriftliga uppsägningen", description="Uppdraget upphör sju dagar efter detta datum (§12).",
             **hidden_unless('handelse != "UPPSAGNING"')),
        field("textfield", "uppsagdAv", "Uppsagt av (befattning)", maxLength=200, **hidden_unless('handelse != "UPPSAGNING"')),
        date("avbrottDatum", "Datum då personen avslutade sin medverkan", **hidden_unless('handelse != "AVBRYTER"')),
        field("textarea", "handelseBeskrivning", "Beskrivning", required=False, maxLength=2000,
              description="Krävs vid annat särskilt skäl och vid force majeure. Skriv inte namn eller personnummer."),
    ]

FORMS = {
    "aktualisering": [
        text("### Aktualisering\nRegistrera **inte** namn eller personnummer här: identiteten registreras separat och skyddat.\n"
             "Ärendet får en referens (AVH-ÅÅÅÅ-NNNN) när det sparas.", "Intro"),
        field("select", "part", "Ansvarig nämnd", values=opts(PARTER), description="Nämnden i din kommun som äger ärendet (§1)"),
        field("radio", "malgrupp", "Målgrupp", values=opts([("AVHOPPARE", "Avhoppare"), ("SKYDDSPERSON", "Skyddsperson")])),
        field("radio", "kriminelltSammanhang", "Kriminellt sammanhang", values=opts([
            ("KRIMINELL_GRUPP", "Ingår i en kriminell grupp"), ("DESTRUKTIV_MILJO", "Finns i en kriminell destruktiv miljö"),
            ("INGET", "Inget av dessa")])),
        field("radio", "hotbild", "Hotbild", values=opts([("LATENT", "Latent"), ("KONKRET", "Konkret"), ("INGEN", "Ingen hotbild")])),
        field("checkbox", "motiverad", "Personen är motiverad till förändring", required=False),
        field("checkbox", "ansvarForBarn", "Personen har ansvar för barn", required=False),
        field("checkbox", "samtycke", "Personen har samtyckt till informationsutbyte mellan kommunerna och med polisen (§7)", required=False),
        date("samtyckeDatum", "Datum för samtycke", **hidden_unless("samtycke != true")),
        date("startdatum", "Startdatum", description="Avgör vilken avtalsversion ärendet hör till"),
    ],
    "tillhorighetsutredning": [
        text("### Tillhörighetsutredning – ärende {{arendeReferens}}\nUtred i samråd med polisen vilken kommun personen tillhör: "
             "normalt folkbokföringskommunen, annars där personen stadigvarande vistas eller har starkast anknytning.", "Intro"),
        field("radio", "tillhorighet", "Tillhörighet", values=opts([
            ("HEMKOMMUNEN", "Personen tillhör vår kommun"), ("ANNAN_PARTSKOMMUN", "Personen tillhör en annan partskommun – överlämna"),
            ("UTANFOR_AVTALET", "Personen tillhör ingen partskommun – utanför avtalet")])),
        field("select", "overlamnasTill", "Kommun som ärendet överlämnas till", values=opts(KOMMUNER),
              **hidden_unless('tillhorighet != "ANNAN_PARTSKOMMUN"')),
        field("textarea", "tillhorighetMotivering", "Motivering", maxLength=2000),
    ],
    "polisens-rad": [
        text("### Polisens rekommendation – ärende {{arendeReferens}}\nHotbilden är **latent**. Enligt polisens handbok rekommenderas "
             "förflyttning inte om hotbilden inte är hög. Ärendet kan ändå gå vidare.", "Intro"),
        field("checkbox", "polisensRadBekraftad", "Jag har tagit del av polisens rekommendation"),
    ],
    "val-av-mottagande-kommun": [
        text("### Välj mottagande kommun – ärende {{arendeReferens}}\n{{kvotoversikt}}", "Kvot"),
        field("select", "mottagandeKommun", "Mottagande kommun", values=opts(KOMMUNER),
              description="En annan partskommun än hemkommunen. Över kvoten krävs beslut av samordnare/chef."),
    ],
    "kvotundantag": [
        text("### Undantag från kvoten – ärende {{arendeReferens}}\nVald mottagande kommun: **{{mottagandeKommun}}**. "
             "Kvoten är en målsättning (§4).\n\n{{kvotoversikt}}", "Kvot"),
        field("radio", "undantagBeslut", "Beslut", values=opts([("GODKANN", "Godkänn undantag"), ("AVSLA", "Avslå – välj en annan kommun")])),
        field("textarea", "undantagMotivering", "Motivering", maxLength=2000),
    ],
    "samrad-polis": [
        text("### Samråd med Polismyndigheten – ärende {{arendeReferens}}\nRegistrera polisens hot- och riskbedömning (§4). "
             "Vid hög risk leder polisens Bops-enhet.", "Intro"),
        date("samradDatum", "Datum för samrådet"),
        field("textfield", "polisenhet", "Polisenhet", maxLength=200),
        field("textfield", "polisKontakt", "Kontaktperson hos polisen", maxLength=200),
        field("radio", "riskniva", "Hot- och riskbedömning", values=opts([("LAG", "Låg"), ("MEDEL", "Medel"), ("HOG", "Hög (Bops leder)")])),
        field("radio", "samradUtfall", "Polisens ställningstagande", values=opts([
            ("STODJER", "Polisen stödjer förflyttningen"), ("AVRADER", "Polisen avråder")])),
        field("textarea", "samradKommentar", "Kommentar", required=False, maxLength=2000),
    ],
    "paminnelse": [
        text("### Påminnelse – ärende {{arendeReferens}}\nEtt steg i ärendet har inte gjorts inom utsatt tid. "
             "Följ upp med ansvarig handläggare.", "Intro"),
        field("checkbox", "paminnelseHanterad", "Jag har följt upp påminnelsen"),
    ],
    "fortsattning": [
        text("### Välj fortsättning – ärende {{arendeReferens}}", "Intro"),
        field("radio", "fortsattning", "Fortsättning", values=opts([("ANNAN_KOMMUN", "Välj en annan mottagande kommun"),
                                                                    ("AVSLUTA", "Avsluta ärendet")])),
        field("textarea", "fortsattningMotivering", "Motivering", maxLength=2000),
    ],
    "uppdragsbeskrivning": [
        text("### Uppdragsbeskrivning – ärende {{arendeReferens}}\nHemkommunen upprättar uppdragsbeskrivningen (§4) och ansvarar för "
             "att tillfälligt boende ordnas och bekostas (§5).", "Intro"),
        field("textarea", "mal", "Mål med uppdraget", maxLength=4000),
        field("checklist", "efterfragadeInsatser", "Efterfrågade insatser", values=opts(INSATSER)),
        date("periodStart", "Uppdraget börjar"),
        date("periodSlut", "Uppdraget slutar"),
        field("select", "uppfoljningsintervall", "Uppföljningsintervall", defaultValue="P1M", values=opts(INTERVALL)),
        field("textfield", "kontaktHemkommun", "Kontaktperson i hemkommunen", maxLength=200),
        field("textfield", "kontaktMottagandeKommun", "Kontaktperson i mottagande kommun", maxLength=200),
        field("checkbox", "boendeOrdnasAvHemkommunen", "Tillfälligt boende ordnas och bekostas av hemkommunen (§5)"),
    ],
    "beslut-om-insatser": [
        text("### Beslut om insatser – ärende {{arendeReferens}}\nHemkommunen beslutar efter samråd med mottagande kommun (§5).", "Intro"),
        date("beslutsdatum", "Beslutsdatum"),
        field("checklist", "beslutadeInsatser", "Beslutade insatser", values=opts(INSATSER)),
        field("textfield", "beslutsfattare", "Beslutsfattare", maxLength=200),
        field("checkbox", "samradMedMottagandeKommun", "Beslutet har föregåtts av samråd med mottagande kommun"),
    ],
    "besvara-forfragan": [
        text("### Uppdragsförfrågan – ärende {{arendeReferens}}\n{{forfraganSammanfattning}}", "Intro"),
        field("radio", "svar", "Svar", values=opts([("ACCEPTERAR", "Vi accepterar uppdraget"), ("AVBOJER", "Vi avböjer uppdraget")])),
        field("textarea", "svarMotivering", "Motivering (krävs om ni avböjer)", required=False, maxLength=2000),
    ],
    "genomforandeplan": [
        text("### Genomförandeplan – ärende {{arendeReferens}}\n{{uppdragSammanfattning}}\n\nPlanera varje insats ur förteckningen i §6. "
             "Hälso- och sjukvård är regionens; boende och försörjningsstöd är hemkommunens (§5).", "Intro"),
        {"type": "dynamiclist", "id": "Field_planposter", "label": "Insatser i planen", "path": "planposter", "isRepeating": True,
         "allowAddRemove": True, "defaultRepetitions": 1, "nonCollapsedItems": 10, "components": [
             field("select", "insats", "Insats", values=opts(INSATSER)),
             field("textfield", "utforare", "Utförare (enhet)", maxLength=200),
             date("startdatum", "Startdatum"),
             field("number", "manadskostnad", "Beräknad månadskostnad (kr)", decimalDigits=2, min=0, max=10000000),
         ]},
    ],
    "uppfoljning": [
        text("### Uppföljning {{uppfoljningOmgang}} – ärende {{arendeReferens}}\n**Från mottagande kommun:** {{uppfoljningsrapport}}\n\n"
             "Nuvarande uppföljningsintervall: {{uppfoljningsintervall}}. Hemkommunen äger uppföljningen (§7).", "Intro"),
        date("uppfoljningsdatum", "Datum för uppföljningen"),
        field("textarea", "bedomning", "Bedömning", maxLength=4000,
              description="Hur insatserna fungerar och hur personen deltar. Skriv inte namn eller personnummer."),
        field("checkbox", "registerslagning", "Registerslagning hos polisen har begärts", required=False),
        field("radio", "registerslagningSvar", "Polisens svar på registerslagningen", values=opts([
            ("INGA_NYA_UPPGIFTER", "Inga nya uppgifter"), ("NYA_UPPGIFTER", "Nya uppgifter – se kommentar"),
            ("INGET_SVAR_ANNU", "Svar har inte kommit ännu")]), **hidden_unless("registerslagning != true")),
        field("textarea", "registerslagningKommentar", "Kommentar om registerslagningen", required=False, maxLength=2000,
              **hidden_unless("registerslagning != true")),
        field("select", "nyttIntervall", "Nytt uppföljningsintervall", required=False, values=opts(INTERVALL),
              description="Lämna tomt för att behålla intervallet. Gäller från nästa uppföljning."),
    ],
    "slutuppfoljning": [
        text("### Slutuppföljning – ärende {{arendeReferens}}\nUppdraget har nått sitt planerade slutdatum. Efter slutuppföljningen "
             "avslutas ärendet och mottagande kommuns uppdrag med samma orsak.", "Intro"),
        date("uppfoljningsdatum", "Datum för slutuppföljningen"),
        field("radio", "utfall", "Utfall", values=opts([("MALEN_UPPNADDA", "Målen är uppnådda"),
                                                        ("DELVIS_UPPNADDA", "Målen är delvis uppnådda"), ("EJ_UPPNADDA", "Målen är inte uppnådda")])),
        field("textarea", "bedomning", "Bedömning", maxLength=4000),
    ],
    "handelse-hem": handelse([("UPPSAGNING", "Uppsägning av uppdraget (§12)"),
                              ("AVBRYTER", "Personen avslutar sin medverkan (§4)"),
                              ("BARN", "Barn har kommit in i bilden (§4)")]),
    "handelse-mottagande": handelse([("UPPSAGNING", "Uppsägning av uppdraget (§12)"),
                                     ("BARN", "Barn har kommit in i bilden (§4)"),
                                     ("FORCE_MAJEURE", "Force majeure – kommunen kan inte fullgöra uppdraget (§13)")]),
    "barn-i-bilden": [
        text("### Brådskande: barn i bilden – ärende {{arendeReferens}}\n{{barnSammanfattning}}\n\nBåda kommunerna ska **i dag** "
             "klarlägga ansvaret enligt socialtjänstlagen (§4). Ärendet fortsätter.", "Intro"),
        field("textarea", "ansvarKlarlagt", "Hur ansvaret har klarlagts", maxLength=2000,
              description="Skriv inte namn eller personnummer på barn eller vuxna."),
        field("checkbox", "andraKommunenKontaktad", "Den andra kommunen är kontaktad"),
    ],
    "uppsagning-mottagen": [
        text("### Uppsägning av uppdraget – ärende {{arendeReferens}}\n{{uppsagningSammanfattning}}", "Intro"),
        field("checkbox", "uppsagningKand", "Jag har tagit del av uppsägningen"),
    ],
    "beslut-avtalsslut": [
        text("### Avtalsversionen har upphört – ärende {{arendeReferens}}\n{{avtalsslutSammanfattning}}", "Intro"),
        field("radio", "avtalsslutBeslut", "Beslut", values=opts([("FULLFOLJ", "Uppdraget fullföljs enligt avtalets villkor"),
                                                                 ("AVSLUTA", "Uppdraget avslutas")])),
        field("textarea", "avtalsslutMotivering", "Motivering", maxLength=2000),
    ],
    "rapport-uppfoljning": [
        text("### Rapport till uppföljning {{uppfoljningOmgang}} – ärende {{arendeReferens}}\nHemkommunen följer upp uppdraget (§7). "
             "Rapportera hur insatserna i genomförandeplanen fungerar.", "Intro"),
        field("radio", "deltar", "Deltar personen i insatserna?", values=opts([("JA", "Ja"), ("DELVIS", "Delvis"), ("NEJ", "Nej")])),
        field("textarea", "rapport", "Rapport om insatserna", maxLength=4000, description="Skriv inte namn eller personnummer."),
    ],
}

def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "processes"
    for form_id, components in FORMS.items():
        doc = {"components": components, "type": "default", "id": form_id, "executionPlatform": "Camunda Platform",
               "executionPlatformVersion": "7.24.0", "exporter": {"name": "tools/generate_forms.py", "version": "1"},
               "schemaVersion": 16}
        (out / f"{form_id}.form").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(FORMS)} forms to {out}")

if __name__ == "__main__":
    main()
