package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The rules of the implementation phase's forms on both sides (§7–§13), as {@link Uppgiftsvalidering}
 * has those of the earlier steps: the form's own contract is checked first; these add what the form
 * cannot say and record accepted answers in our tables (only routing facts stay as variables).
 */
public final class Genomforandevalidering {

  static final Map<String, String> UPPSAGNINGSSKAL = Map.of(
      "KAN_INTE_MEDVERKA", "personen kan inte förmås att medverka i insatserna",
      "POLISEN_OLAMPLIGT", "polisen bedömer att genomförandet är olämpligt",
      "ANNAT_SARSKILT_SKAL", "annat särskilt skäl");
  static final Map<String, String> UTFALL = Map.of(
      "MALEN_UPPNADDA", "målen är uppnådda", "DELVIS_UPPNADDA", "målen är delvis uppnådda", "EJ_UPPNADDA", "målen är inte uppnådda");

  private Genomforandevalidering() {}

  static LocalDate idag() {
    return Uppgiftsvalidering.idag();
  }

  @Component
  static class Uppfoljning implements FormularRegel {
    private final VerkstallighetRepository repository;

    Uppfoljning(VerkstallighetRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("uppfoljning");
    }

    @Override
    public void verkstall(Inlamning in) {
      String referens = in.referens();
      boolean registerslagning = in.jaNej("registerslagning");
      repository.uppfoljning(referens, repository.oppenOmgang(referens), in.datum("uppfoljningsdatum"), in.text("bedomning"),
          registerslagning, in.text("registerslagningSvar"), in.text("registerslagningKommentar"), in.text("nyttIntervall"));
    }
  }

  @Component
  static class Slutuppfoljning implements FormularRegel {
    private final VerkstallighetRepository repository;

    Slutuppfoljning(VerkstallighetRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("slutuppfoljning");
    }

    @Override
    public void verkstall(Inlamning in) {
      String referens = in.referens();
      LocalDate datum = in.datum("uppfoljningsdatum");
      String utfall = in.text("utfall");
      repository.slutuppfoljning(referens, datum, utfall, in.text("bedomning"));
      repository.avslut(referens, Avslutstyp.PLANERAT_SLUT.name(), "Avslutat enligt plan " + repository.hamta(referens).planeratSlut()
          + " efter slutuppföljning " + datum + ": " + UTFALL.get(utfall) + ".", in.kommun());
    }
  }

  @Component
  static class BarnIBilden implements FormularRegel {
    private final VerkstallighetRepository repository;

    BarnIBilden(VerkstallighetRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("barn-i-bilden");
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.handelse(in.referens(), in.kommun(), "BARN_KLARLAGT", idag(), null, null, in.text("ansvarKlarlagt"), null);
    }
  }

  /** When the agreement version ends: either side may end the assignment; at home that ends the case. */
  @Component
  static class BeslutAvtalsslut implements FormularRegel {
    private final VerkstallighetRepository repository;
    private final Organisation organisation;

    BeslutAvtalsslut(VerkstallighetRepository repository, Organisation organisation) {
      this.repository = repository;
      this.organisation = organisation;
    }

    @Override
    public Set<String> formular() {
      return Set.of("beslut-avtalsslut");
    }

    @Override
    public void verkstall(Inlamning in) {
      String beslut = in.text(ArendeProcess.VAR_AVTALSSLUT_BESLUT);
      String motivering = in.text("avtalsslutMotivering");
      repository.handelse(in.referens(), in.kommun(), "AVTALSSLUT_BESLUT", idag(), beslut, null, motivering, null);
      if ("AVSLUTA".equals(beslut) && ArendeProcess.KEY.equals(in.processnyckel())) {
        repository.avslut(in.referens(), Avslutstyp.AVTALSVERSION_UPPHORT.name(), "Avtalsversionen upphörde och "
            + organisation.namn(in.kommun()) + " fullföljer inte uppdraget (§4): " + motivering, in.kommun());
      }
    }

    @Override
    public Set<String> processvariabler() {
      return Set.of(ArendeProcess.VAR_AVTALSSLUT_BESLUT);
    }
  }

  @Component
  static class RapportUppfoljning implements FormularRegel {
    private final VerkstallighetRepository repository;

    RapportUppfoljning(VerkstallighetRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("rapport-uppfoljning");
    }

    @Override
    public void verkstall(Inlamning in) {
      Object omgang = in.variabel(ArendeProcess.VAR_UPPFOLJNING_OMGANG);
      repository.rapport(in.referens(), in.kommun(), omgang instanceof Number n ? n.intValue() : 0, in.text("deltar"), in.text("rapport"));
    }
  }
}
