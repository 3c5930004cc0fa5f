package se.samverkan.avhoppare.avtal;

import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility under §4: who the agreement is for. Each unmet condition is one reason, in Swedish,
 * recorded on the case when it ends. The police handbook's advice against relocation when the
 * threat is latent is a warning (acknowledged by the caseworker), not a refusal.
 */
public final class Behorighetsbedomning {

  public enum KriminelltSammanhang { KRIMINELL_GRUPP, DESTRUKTIV_MILJO, INGET }

  public enum Hotbild { LATENT, KONKRET, INGEN }

  public record Uppgifter(Malgrupp malgrupp, KriminelltSammanhang sammanhang, Hotbild hotbild, boolean motiverad,
      boolean ansvarForBarn, boolean samtycke) {}

  private Behorighetsbedomning() {}

  /** The reasons the person is outside §4; empty when eligible under the given version. */
  public static List<String> skalAttAvsluta(Uppgifter u, Avtalsversion version) {
    List<String> skal = new ArrayList<>();
    if (u.malgrupp() == null || !version.omfattarMalgrupp(u.malgrupp())) {
      skal.add("Personen tillhör inte avtalets målgrupp (§4).");
    }
    if (u.sammanhang() == null || u.sammanhang() == KriminelltSammanhang.INGET) {
      skal.add("Personen ingår inte i en kriminell grupp eller kriminell destruktiv miljö (§4).");
    }
    if (u.hotbild() == null || u.hotbild() == Hotbild.INGEN) {
      skal.add("Det finns ingen latent eller konkret hotbild (§4).");
    }
    if (!u.motiverad()) {
      skal.add("Personen är inte motiverad till förändring (§4).");
    }
    if (u.ansvarForBarn()) {
      skal.add("Personen har ansvar för barn (§4).");
    }
    if (!u.samtycke()) {
      skal.add("Personen har inte samtyckt till informationsutbyte (§7).");
    }
    return skal;
  }

  /** The police handbook: relocation is not recommended unless the threat is high. */
  public static boolean kraverBekraftelseAvPolisensRad(Hotbild hotbild) {
    return hotbild == Hotbild.LATENT;
  }
}
