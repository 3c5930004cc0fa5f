package se.samverkan.avhoppare.arende;

import java.time.LocalDate;

/** What the home municipality registered at intake: the facts §4 is judged on. No personal identity. */
public record Arende(String referens, String hemkommun, String part, String avtalsversion, String malgrupp,
    String kriminelltSammanhang, String hotbild, boolean motiverad, boolean ansvarForBarn, boolean samtycke,
    LocalDate samtyckeDatum, LocalDate startdatum, String mottagandeKommun, String status) {}
