package se.samverkan.avhoppare.formular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.formular.Formkontrakt.Typ;

/** The form contract, read from the real .form files in processes/. */
class FormkontraktTest {

  static Formkontrakt form(String id) throws IOException {
    return Formkontrakt.las(Files.readString(Path.of("processes", id + ".form"), StandardCharsets.UTF_8));
  }

  record Utfall(Granskning.Resultat resultat, List<String> fel) {}

  static Utfall granska(String form, Map<String, Object> inskickat) throws IOException {
    return granska(form, inskickat, Map.of());
  }

  static Utfall granska(String form, Map<String, Object> inskickat, Map<String, Object> andra) throws IOException {
    Formkontrakt k = form(form);
    Map<String, TypedValue> typade = new LinkedHashMap<>();
    inskickat.forEach((nyckel, v) -> typade.put(nyckel, v instanceof TypedValue t ? t : Variables.untypedValue(v)));
    Avvisning fel = new Avvisning(k);
    Granskning.Resultat r = Granskning.granska(k, typade, andra::get, true, fel);
    return new Utfall(r, fel.fel());
  }

  static Map<String, Object> samrad(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>(Map.of("samradDatum", "2026-03-10", "polisenhet", "LPO Järva", "polisKontakt", "K",
        "riskniva", "HOG", "samradUtfall", "STODJER"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void everyShippedFormIsReadAsAContract() throws IOException {
    try (var files = Files.list(Path.of("processes"))) {
      List<Path> forms = files.filter(p -> p.toString().endsWith(".form")).toList();
      assertThat(forms).hasSizeGreaterThan(15);
      for (Path p : forms) {
        Formkontrakt k = Formkontrakt.las(Files.readString(p, StandardCharsets.UTF_8));
        assertThat(p.getFileName().toString()).isEqualTo(k.id() + ".form");
        assertThat(k.falt()).as(k.id()).isNotEmpty();
      }
    }
    Formkontrakt plan = form("genomforandeplan");
    assertThat(plan.falt("planposter").typ()).isEqualTo(Typ.RADER);
    assertThat(plan.falt("planposter").rader()).extracting(Formkontrakt.Falt::nyckel)
        .containsExactly("insats", "utforare", "startdatum", "manadskostnad");
    assertThat(form("samrad-polis").etikett("samradDatum")).isEqualTo("Datum för samrådet");
  }

  @Test
  void aValidSubmissionIsTyped() throws IOException {
    Utfall u = granska("samrad-polis", samrad("samradKommentar", "Bra"));
    assertThat(u.fel()).isEmpty();
    assertThat(u.resultat().varden()).containsEntry("samradDatum", LocalDate.of(2026, 3, 10)).containsEntry("riskniva", "HOG");
    assertThat(u.resultat().synligaInskickade()).contains("samradKommentar");
  }

  @Test
  void typesAreStrict() throws IOException {
    assertThat(granska("aktualisering", Map.of("motiverad", "ja")).fel())
        .contains("Fältet 'Personen är motiverad till förändring' ska vara ja eller nej (true eller false).");
    assertThat(granska("samrad-polis", samrad("polisenhet", true)).fel()).containsExactly("Fältet 'Polisenhet' ska vara text.");
    assertThat(granska("samrad-polis", samrad("samradDatum", Variables.dateValue(new java.util.Date()))).fel())
        .containsExactly("Fältet 'Datum för samrådet' ska vara ett datum skrivet ÅÅÅÅ-MM-DD.");
    assertThat(granska("samrad-polis", samrad("polisenhet", Variables.objectValue(List.of("x")).create())).fel())
        .containsExactly("Fältet 'Polisenhet' har en värdetyp som formuläret inte tar emot.");
  }

  @Test
  void anImpossibleDateIsRefusedNotRolledOver() throws IOException {
    for (String datum : List.of("2026-02-30", "2026-13-01", "2026-2-1", "01/02/2026", "2026-02-01T10:00")) {
      assertThat(granska("samrad-polis", samrad("samradDatum", datum)).fel()).as(datum)
          .containsExactly("Fältet 'Datum för samrådet' ska vara ett datum (ÅÅÅÅ-MM-DD) som finns i kalendern.");
    }
    assertThat(granska("samrad-polis", samrad("samradDatum", "2028-02-29")).fel()).isEmpty();
  }

  @Test
  void requiredLengthAndOptions() throws IOException {
    Map<String, Object> utan = samrad();
    utan.remove("polisenhet");
    assertThat(granska("samrad-polis", utan).fel()).containsExactly("Fältet 'Polisenhet' måste anges.");
    assertThat(granska("samrad-polis", samrad("polisenhet", "   ")).fel()).containsExactly("Fältet 'Polisenhet' måste anges.");
    assertThat(granska("samrad-polis", samrad("polisenhet", "x".repeat(201))).fel()).containsExactly("Fältet 'Polisenhet' får vara högst 200 tecken.");
    assertThat(granska("samrad-polis", samrad("polisenhet", "x".repeat(200))).fel()).isEmpty();
    assertThat(granska("samrad-polis", samrad("riskniva", "EXTREM")).fel())
        .containsExactly("Fältet 'Hot- och riskbedömning' har ett värde som inte finns bland alternativen.");
    assertThat(granska("polisens-rad", Map.of("polisensRadBekraftad", false)).fel())
        .containsExactly("Fältet 'Jag har tagit del av polisens rekommendation' måste kryssas i.");
  }

  @Test
  void aFollowUpCadenceMustBeOneOfTheFormsOptions() throws IOException {
    Map<String, Object> b = new LinkedHashMap<>(Map.of("mal", "m", "efterfragadeInsatser", SpinValues.jsonValue("[\"KRISSTOD\"]").create(),
        "periodStart", "2026-03-01", "periodSlut", "2027-03-01", "uppfoljningsintervall", "P1D", "kontaktHemkommun", "a",
        "kontaktMottagandeKommun", "b", "boendeOrdnasAvHemkommunen", true));
    assertThat(granska("uppdragsbeskrivning", b).fel()).containsExactly("Fältet 'Uppföljningsintervall' har ett värde som inte finns bland alternativen.");
    b.put("uppfoljningsintervall", "P6W");
    assertThat(granska("uppdragsbeskrivning", b).fel()).isEmpty();
  }

  @Test
  void checklistsAreStrictJsonOfTheFormsOptions() throws IOException {
    Map<String, Object> b = new LinkedHashMap<>(Map.of("beslutsdatum", "2026-03-01", "beslutsfattare", "C", "samradMedMottagandeKommun", true));
    b.put("beslutadeInsatser", SpinValues.jsonValue("[\"KRISSTOD\",\"BOENDE\"]").create());
    assertThat(granska("beslut-om-insatser", b).fel()).containsExactly("Fältet 'Beslutade insatser' innehåller något som inte finns i förteckningen.");
    b.put("beslutadeInsatser", SpinValues.jsonValue("[\"KRISSTOD\"").create());
    assertThat(granska("beslut-om-insatser", b).fel()).containsExactly("Fältet 'Beslutade insatser' kunde inte läsas: värdet är inte giltig JSON.");
    b.put("beslutadeInsatser", SpinValues.jsonValue("[]").create());
    assertThat(granska("beslut-om-insatser", b).fel()).containsExactly("Fältet 'Beslutade insatser' måste ha minst ett val.");
    b.put("beslutadeInsatser", SpinValues.jsonValue("[\"KRISSTOD\",\"KONTAKTPERSON\"]").create());
    assertThat(granska("beslut-om-insatser", b).fel()).isEmpty();
    assertThat(granska("beslut-om-insatser", b).resultat().varden()).containsEntry("beslutadeInsatser", List.of("KRISSTOD", "KONTAKTPERSON"));
  }

  @Test
  void aDynamicListIsCheckedRowByRow() throws IOException {
    String ok = "{\"insats\":\"KRISSTOD\",\"utforare\":\"Malmö stad\",\"startdatum\":\"2026-03-01\",\"manadskostnad\":3000.5}";
    Utfall bra = granska("genomforandeplan", Map.of("planposter", SpinValues.jsonValue("[" + ok + "]").create()));
    assertThat(bra.fel()).isEmpty();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rader = (List<Map<String, Object>>) bra.resultat().varden().get("planposter");
    assertThat(rader.get(0)).containsEntry("startdatum", LocalDate.of(2026, 3, 1)).containsEntry("manadskostnad", new BigDecimal("3000.5"));

    String fel = "{\"insats\":\"HALSO\",\"utforare\":\"Region\",\"startdatum\":\"2026-02-30\",\"manadskostnad\":\"100\",\"namn\":\"X\"}";
    assertThat(granska("genomforandeplan", Map.of("planposter", SpinValues.jsonValue("[" + ok + "," + fel + "]").create())).fel())
        .containsExactlyInAnyOrder(
            "Insatser i planen, rad 2: fältet 'namn' finns inte i formuläret och kan inte tas emot.",
            "Insatser i planen, rad 2: fältet 'Insats' har ett värde som inte finns bland alternativen.",
            "Insatser i planen, rad 2: fältet 'Startdatum' ska vara ett datum (ÅÅÅÅ-MM-DD) som finns i kalendern.",
            "Insatser i planen, rad 2: fältet 'Beräknad månadskostnad (kr)' ska vara ett tal.");
    String negativ = ok.replace("3000.5", "-1");
    assertThat(granska("genomforandeplan", Map.of("planposter", SpinValues.jsonValue("[" + negativ + "]").create())).fel())
        .containsExactly("Insatser i planen, rad 1: fältet 'Beräknad månadskostnad (kr)' ska vara minst 0.");
    String decimaler = ok.replace("3000.5", "1.234");
    assertThat(granska("genomforandeplan", Map.of("planposter", SpinValues.jsonValue("[" + decimaler + "]").create())).fel())
        .containsExactly("Insatser i planen, rad 1: fältet 'Beräknad månadskostnad (kr)' får ha högst 2 decimaler.");
  }

  @Test
  void aHiddenFieldIsNotRequiredAndItsValueIsNotKept() throws IOException {
    // tillhörighet HEMKOMMUNEN hides 'overlamnasTill': not required, and a value sent anyway is dropped
    Utfall u = granska("tillhorighetsutredning", Map.of("tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "m",
        "overlamnasTill", "malmo"));
    assertThat(u.fel()).isEmpty();
    assertThat(u.resultat().synligaInskickade()).containsExactlyInAnyOrder("tillhorighet", "tillhorighetMotivering");
    assertThat(u.resultat().varden()).doesNotContainKey("overlamnasTill");
    // visible: required
    assertThat(granska("tillhorighetsutredning", Map.of("tillhorighet", "ANNAN_PARTSKOMMUN", "tillhorighetMotivering", "m")).fel())
        .containsExactly("Fältet 'Kommun som ärendet överlämnas till' måste anges.");
    // a checkbox condition: the police's answer is required only when a register check was asked for
    Map<String, Object> uppf = new LinkedHashMap<>(Map.of("uppfoljningsdatum", "2026-03-01", "bedomning", "b", "registerslagning", false));
    assertThat(granska("uppfoljning", uppf).fel()).isEmpty();
    uppf.put("registerslagning", true);
    assertThat(granska("uppfoljning", uppf).fel()).containsExactly("Fältet 'Polisens svar på registerslagningen' måste anges.");
  }

  @Test
  void aKeyTheFormDoesNotHaveIsRefusedAndNamedButNeverItsValue() throws IOException {
    assertThat(granska("samrad-polis", samrad("namn", "Anna Andersson", "personnummer", "19811218-9876")).fel())
        .containsExactly("Fältet 'namn' finns inte i formuläret och kan inte tas emot.",
            "Fältet 'personnummer' finns inte i formuläret och kan inte tas emot.")
        .noneMatch(m -> m.contains("Anna") || m.contains("9876"));
    assertThat(granska("samrad-polis", samrad("<script>" + "x".repeat(500), 1)).fel().get(0)).hasSizeLessThan(140).doesNotContain("<script>");
    assertThat(granska("samrad-polis", samrad("19811218-9876", 1)).fel().get(0)).doesNotContain("19811218", "9876");
  }

  @Test
  void optionsFromAVariableComeFromThatVariable() {
    String json = "{\"id\":\"v\",\"components\":[{\"type\":\"select\",\"key\":\"val\",\"label\":\"Val\",\"valuesKey\":\"alternativ\","
        + "\"validate\":{\"required\":true}}]}";
    Formkontrakt k = Formkontrakt.las(json);
    Map<String, Object> andra = Map.of("alternativ", List.of(Map.of("label", "A", "value", "a"), Map.of("label", "B", "value", "b")));
    Avvisning fel = new Avvisning(k);
    Granskning.granska(k, Map.of("val", Variables.stringValue("b")), andra::get, true, fel);
    assertThat(fel.fel()).isEmpty();
    Granskning.granska(k, Map.of("val", Variables.stringValue("c")), andra::get, true, fel);
    assertThat(fel.fel()).containsExactly("Fältet 'Val' har ett värde som inte finns bland alternativen.");
  }

  @Test
  void whatTheServerCannotEnforceFailsWhenTheFormIsRead() {
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=contains(b, \\\"x\\\")\"}}")))
        .hasMessageContaining("cannot evaluate '=contains(b");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=upper(b) = \\\"X\\\"\"}}")))
        .hasMessageContaining("the function upper() is not supported");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=b > 3\"}}")))
        .hasMessageContaining("'>' is not supported");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"datetime\",\"key\":\"a\",\"subtype\":\"datetime\"}")))
        .hasMessageContaining("subtype 'date'");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"filepicker\",\"key\":\"a\"}"))).hasMessageContaining("'filepicker'");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"validationType\":\"email\"}}")))
        .hasMessageContaining("validationType");
    assertThatThrownBy(() -> Formkontrakt.las(provform("{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"textarea\",\"key\":\"a\"}")))
        .hasMessageContaining("used by two fields");
  }

  private static String provform(String components) {
    return "{\"id\":\"prov\",\"components\":[" + components + "]}";
  }

  @Test
  void theFeelSubsetEvaluatesAsFormJsDoes() {
    Map<String, Object> v = new java.util.HashMap<>(Map.of("a", "X", "b", true, "n", new BigDecimal("2")));
    assertThat(Villkor.tolka("=a != \"X\"").galler(v::get)).isFalse();
    assertThat(Villkor.tolka("=a = \"X\" and b = true").galler(v::get)).isTrue();
    assertThat(Villkor.tolka("=a = \"Y\" or not(b = false)").galler(v::get)).isTrue();
    assertThat(Villkor.tolka("=c != true").galler(v::get)).as("unset is not true").isTrue();
    assertThat(Villkor.tolka("=c = null").galler(v::get)).isTrue();
    assertThat(Villkor.tolka("=(n = 2)").galler(v::get)).isTrue();
    assertThatThrownBy(() -> Villkor.tolka("a = 1")).hasMessageContaining("must start with '='");
    assertThatThrownBy(() -> Villkor.tolka("=a = ")).hasMessageContaining("ends too early");
  }

  @Test
  void aRefusalListsEveryProblemAsOneSwedishMessage() throws IOException {
    Avvisning fel = new Avvisning(form("samrad-polis"));
    fel.falt("samradDatum", "kan inte ligga i framtiden.");
    fel.falt("polisenhet", "måste anges.");
    assertThatThrownBy(fel::kontrollera).isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Uppgifterna kunde inte sparas. Fältet 'Datum för samrådet' kan inte ligga i framtiden. Fältet 'Polisenhet' måste anges.");
  }
}
