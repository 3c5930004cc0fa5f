package se.samverkan.avhoppare.avtal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quota and balance within one agreement version (§2, §4): how many cases each municipality has
 * sent and received. Past the quota a manager may approve an exception: the quota is a goal.
 */
public final class KvotOchBalans {

  /** A counted assignment: from a home municipality to a receiving one. */
  public record Flytt(String hemkommun, String mottagandeKommun) {}

  public record Siffror(int skickade, int mottagna) {}

  private final Avtalsversion version;
  private final Map<String, Siffror> perKommun = new LinkedHashMap<>();
  private final List<Flytt> flyttar;

  public KvotOchBalans(Avtalsversion version, List<String> kommuner, List<Flytt> flyttar) {
    this.version = version;
    this.flyttar = List.copyOf(flyttar);
    for (String kommun : kommuner) {
      int skickade = (int) flyttar.stream().filter(f -> f.hemkommun().equals(kommun)).count();
      int mottagna = (int) flyttar.stream().filter(f -> f.mottagandeKommun().equals(kommun)).count();
      perKommun.put(kommun, new Siffror(skickade, mottagna));
    }
  }

  public Siffror siffror(String kommun) {
    return perKommun.getOrDefault(kommun, new Siffror(0, 0));
  }

  /** The balance from one municipality to another: assignments sent from {@code hemkommun} to {@code mottagandeKommun}. */
  public int antal(String hemkommun, String mottagandeKommun) {
    return (int) flyttar.stream().filter(f -> f.hemkommun().equals(hemkommun) && f.mottagandeKommun().equals(mottagandeKommun)).count();
  }

  /** True when one more case from home to receiving goes past either municipality's quota. */
  public boolean overskrids(String hemkommun, String mottagandeKommun) {
    return siffror(hemkommun).skickade() + 1 > version.kvot().skickade()
        || siffror(mottagandeKommun).mottagna() + 1 > version.kvot().mottagna();
  }

  /** The figures as Swedish text for the caseworker's form. */
  public String sammanfattning(Map<String, String> kommunnamn) {
    StringBuilder sb = new StringBuilder("Kvot och balans i " + version.namn() + " (högst " + version.kvot().skickade()
        + " skickade och " + version.kvot().mottagna() + " mottagna ärenden per kommun):");
    perKommun.forEach((kommun, s) -> sb.append("\n- ").append(kommunnamn.getOrDefault(kommun, kommun)).append(": ")
        .append(s.skickade()).append(" skickade, ").append(s.mottagna()).append(" mottagna"));
    return sb.toString();
  }
}
