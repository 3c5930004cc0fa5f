package se.samverkan.avhoppare.arende;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Handelse;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Verkstallighet;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The running assignment's steps on both sides (§7–§13). The home municipality owns the follow-ups
 * and the timers; whichever side decides an ending records it, and the home municipality's "avsluta"
 * step tells the receiving one, unless the receiving one ended the assignment itself. Every message
 * that must arrive once carries an id: a repeat changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class Genomforande {

  private final ArendeRepository arenden;
  private final VerkstallighetRepository repository;
  private final Meddelanden meddelanden;
  private final Organisation organisation;

  private final Uppdragsavslut avslut;

  public Genomforande(ArendeRepository arenden, VerkstallighetRepository repository, Meddelanden meddelanden, Organisation organisation,
      Uppdragsavslut avslut) {
    this.avslut = avslut;
    this.arenden = arenden;
    this.repository = repository;
    this.meddelanden = meddelanden;
    this.organisation = organisation;
  }

  private String namn(String kommun) {
    return organisation.namn(kommun);
  }

  @Bean
  ExecutionListener verkstallighetStart(AvtalRegister avtal, ProcessInstallningar installningar) {
    return execution -> {
      String referens = execution.getProcessBusinessKey();
      Arende a = arenden.hamta(referens);
      VerkstallighetRepository.Beskrivning b = repository.beskrivning(referens);
      ZonedDateTime nu = VerkstallighetRepository.nu().atZoneSameInstant(ProcessInstallningar.ZONE);
      ZonedDateTime start = b.periodStart().atStartOfDay(ProcessInstallningar.ZONE);
      if (start.isBefore(nu)) {
        start = nu;
      }
      // the version the assignment counts against, recorded when the request was accepted (not the free-typed start date)
      Avtalsversion version = avtal.version(arenden.senastAccepterad(referens).map(ArendeRepository.AccepteradForfragan::avtalsversion)
          .orElse(a.avtalsversion())).orElseThrow();
      repository.starta(referens, a.mottagandeKommun(), nu.toOffsetDateTime(), b.periodSlut(), version.slut(), b.intervall(),
          ProcessInstallningar.plus(start, installningar.getForstaUppfoljning()));
      arenden.status(referens, ArendeRepository.Status.VERKSTALLIGHET, null);
    };
  }

  @Bean
  JavaDelegate begarRapport() {
    return execution -> {
      String referens = execution.getProcessBusinessKey();
      int omgang = repository.nyOmgang(referens);
      Verkstallighet v = repository.hamta(referens);
      execution.setVariable(ArendeProcess.VAR_UPPFOLJNING_OMGANG, omgang);
      execution.setVariable("uppfoljningsintervall", v.intervall());
      execution.setVariable(ArendeProcess.VAR_UPPFOLJNINGSRAPPORT, "Mottagande kommun har ännu inte rapporterat till uppföljning " + omgang + ".");
      Arende a = arenden.hamta(referens);
      meddelanden.skickaEnGang(a, a.hemkommun(), v.mottagandeKommun(), ArendeProcess.MSG_RAPPORT_BEGARD,
          Map.of(ArendeProcess.VAR_UPPFOLJNING_OMGANG, omgang), "rapport-begard:" + referens + ":" + v.mottagandeKommun() + ":" + omgang);
    };
  }

  @Bean
  JavaDelegate skickaRapport() {
    return execution -> {
      String referens = execution.getProcessBusinessKey();
      String kommun = execution.getTenantId();
      Arende a = arenden.hamta(referens);
      VerkstallighetRepository.Rapport r = repository.senasteRapport(referens, kommun);
      String deltar = switch (r.deltar()) {
        case "JA" -> "personen deltar i insatserna";
        case "DELVIS" -> "personen deltar delvis i insatserna";
        default -> "personen deltar inte i insatserna";
      };
      meddelanden.skickaEnGang(a, kommun, a.hemkommun(), ArendeProcess.MSG_RAPPORT,
          Map.of(ArendeProcess.VAR_UPPFOLJNINGSRAPPORT, namn(kommun) + " rapporterar till uppföljning " + r.omgang() + ": " + deltar + ". "
              + r.rapport()), "rapport:" + referens + ":" + kommun + ":" + r.omgang());
    };
  }

  /** Tells the other side of the running assignment, at once and once, what this side just reported. */
  private JavaDelegate meddelaAndraSidan(String typ, String franHem, String franMottagande, String variabel,
      BiFunction<Arende, Handelse, String> text) {
    return execution -> {
      Arende a = arenden.hamta(execution.getProcessBusinessKey());
      String kommun = execution.getTenantId();
      boolean hem = kommun.equals(a.hemkommun());
      Handelse h = repository.senasteHandelse(a.referens(), kommun, typ);
      meddelanden.skickaEnGang(a, kommun, hem ? a.mottagandeKommun() : a.hemkommun(),
          hem ? franHem : franMottagande, Map.of(variabel, text.apply(a, h)), typ.toLowerCase() + ":" + h.id());
    };
  }

  @Bean
  JavaDelegate meddelaUppsagning() {
    return meddelaAndraSidan("UPPSAGNING", ArendeProcess.MSG_UPPSAGNING_FRAN_HEM, ArendeProcess.MSG_UPPSAGNING_FRAN_MOTTAGANDE,
        "uppsagningSammanfattning", (a, h) -> namn(h.kommun()) + " har sagt upp uppdraget i ärende " + a.referens() + " enligt §12 ("
            + Genomforandevalidering.UPPSAGNINGSSKAL.get(h.kategori()) + (h.beskrivning() == null ? "" : ": " + h.beskrivning())
            + "). " + Handelseanmalan.uppsagningDatum(h) + " Stöd och uppföljning fortsätter till dess.");
  }

  @Bean
  JavaDelegate meddelaBarn() {
    return meddelaAndraSidan("BARN", ArendeProcess.MSG_BARN_FRAN_HEM, ArendeProcess.MSG_BARN_FRAN_MOTTAGANDE, "barnSammanfattning",
        (a, h) -> namn(h.kommun()) + " anmälde " + h.datum() + " att barn har kommit in i bilden i ärende " + a.referens()
            + (h.beskrivning() == null ? "" : ": " + h.beskrivning()) + ". Klarlägg genast ansvaret enligt socialtjänstlagen (§4).");
  }

  @Bean
  JavaDelegate meddelaAvtalsslut(AvtalRegister avtal) {
    return execution -> {
      Arende a = arenden.hamta(execution.getProcessBusinessKey());
      Verkstallighet v = repository.hamta(a.referens());
      String text = avtal.version(a.avtalsversion()).orElseThrow().namn() + " gällde till och med " + v.avtalsversionSlut()
          + ". Uppdraget i ärende " + a.referens() + " är planerat till och med " + v.planeratSlut()
          + ". Besluta om uppdraget ska fullföljas enligt avtalets villkor eller avslutas (§4). Avslutar någon av kommunerna upphör det.";
      execution.setVariable("avtalsslutSammanfattning", text);
      meddelanden.skickaEnGang(a, a.hemkommun(), v.mottagandeKommun(), ArendeProcess.MSG_AVTALSSLUT,
          Map.of("avtalsslutSammanfattning", text), "avtalsslut:" + a.referens() + ":" + v.mottagandeKommun());
    };
  }

  /** Home side: routes on the recorded ending and tells the receiving municipality, unless it ended the assignment itself. */
  @Bean
  JavaDelegate avslutaUppdrag() {
    return execution -> {
      Arende a = arenden.hamta(execution.getProcessBusinessKey());
      Uppdragsavslut.Registrerat r = avslut.registrerat(execution, a.referens()).orElseThrow(() -> new IllegalStateException(
          "case " + a.referens() + " reached the end of its assignment without a recorded reason"));
      execution.setVariable(ArendeProcess.VAR_AVSLUTSTYP, r.typ());
      execution.setVariable(ArendeProcess.VAR_AVSLUTSORSAK, r.orsak());
      String mottagande = a.mottagandeKommun();
      if (!mottagande.equals(r.avslutadAv())) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(ArendeProcess.VAR_AVSLUTSTYP, r.typ());
        vars.put(ArendeProcess.VAR_AVSLUTSORSAK, r.orsak());
        meddelanden.skickaEnGang(a, a.hemkommun(), mottagande, ArendeProcess.MSG_UPPDRAG_AVSLUTAT, vars,
            "avslut:" + a.referens() + ":" + mottagande + ":" + r.meddelandeNyckel());
      }
    };
  }

  /** Receiving side: released by force majeure (§13); records it and tells the home municipality without delay. */
  @Bean
  JavaDelegate meddelaForceMajeure() {
    return avslutaSjalv("FORCE_MAJEURE", Avslutstyp.FORCE_MAJEURE, ArendeProcess.MSG_FORCE_MAJEURE,
        (kommun, h) -> kommun + " är befriad från uppdraget genom force majeure (§13), anmält " + h.datum() + ": " + h.beskrivning());
  }

  /** Receiving side: does not complete the assignment when the agreement version has ended (§4). */
  @Bean
  JavaDelegate begarAvslut() {
    return avslutaSjalv("AVTALSSLUT_BESLUT", Avslutstyp.AVTALSVERSION_UPPHORT, ArendeProcess.MSG_AVSLUT_BEGART,
        (kommun, h) -> "Avtalsversionen upphörde och " + kommun + " fullföljer inte uppdraget (§4): " + h.beskrivning());
  }

  /**
   * The receiving municipality ends the assignment itself: records the reason (from the event it just
   * reported) and tells the home municipality, which records the same reason and does not send back.
   */
  private JavaDelegate avslutaSjalv(String handelsetyp, Avslutstyp typ, String meddelande, BiFunction<String, Handelse, String> orsak) {
    return execution -> {
      Arende a = arenden.hamta(execution.getProcessBusinessKey());
      String kommun = execution.getTenantId();
      String text = orsak.apply(namn(kommun), repository.senasteHandelse(a.referens(), kommun, handelsetyp));
      repository.uppdragAvslut(execution.getProcessInstanceId(), typ.name(), text);
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put(ArendeProcess.VAR_AVSLUTSTYP, typ.name());
      vars.put(ArendeProcess.VAR_AVSLUTSORSAK, text);
      meddelanden.skickaEnGang(a, kommun, a.hemkommun(), meddelande, vars, "avslut:" + a.referens() + ":" + kommun + ":" + typ);
    };
  }

  /** Home side: the receiving municipality ended the assignment; its message carried the reason. */
  @Bean
  ExecutionListener avslutMottaget() {
    return execution -> {
      String referens = execution.getProcessBusinessKey();
      avslut.registrera(execution, referens, (String) execution.getVariable(ArendeProcess.VAR_AVSLUTSTYP),
          (String) execution.getVariable(ArendeProcess.VAR_AVSLUTSORSAK), arenden.hamta(referens).mottagandeKommun());
    };
  }

  /** Home side: the notice week is over (§12); the home municipality's timer ends the assignment for both. */
  @Bean
  ExecutionListener uppsagningstidenUte() {
    return execution -> {
      String referens = execution.getProcessBusinessKey();
      Handelse h = repository.uppsagning(referens).orElseThrow();
      avslut.registrera(execution, referens, Avslutstyp.UPPSAGT.name(), "Uppsagt enligt §12 av " + namn(h.kommun()) + " ("
          + Genomforandevalidering.UPPSAGNINGSSKAL.get(h.kategori()) + "). Skriftlig uppsägning skickad " + h.datum() + " och mottagen "
          + h.mottagen() + "; uppdraget upphörde vid utgången av " + Handelseanmalan.sistaDag(h) + ".", execution.getTenantId());
    };
  }
}
