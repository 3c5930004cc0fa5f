package se.samverkan.avhoppare.avtal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Quota and balance within one agreement version (§2, §4): how many cases each municipality has
 * sent and received, and how many went from one municipality to another. Past the quota a manager may
 * approve an exception: the quota is a goal.
 *
 * <p>The figures count recorded facts only: an accepted request ({@link Flytt}), in the version in
 * force on the day it was accepted. A case counts once as sent by its home municipality, however many
 * receiving municipalities it went to; each receiving municipality that accepted it counts it once as
 * received, and keeps that count when the assignment later ends (force majeure, notice) and the case
 * goes on elsewhere. A municipality that has not (yet) accepted counts nothing.
 */
public final class KvotOchBalans {

  /** An accepted request: a case from its home municipality to a receiving one that accepted it. */
  public record Flytt(String arende, String hemkommun, String mottagandeKommun) {}

  public record Siffror(int skickade, int mottagna) {}

  /** Cases sent from one municipality to another in the version. */
  public record Balans(String fran, String till, int antal) {}

  private final Avtalsversion version;
  private final List<String> kommuner;
  private final Map<String, Siffror> perKommun = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> franTill = new TreeMap<>();

  public KvotOchBalans(Avtalsversion version, List<String> kommuner, List<Flytt> flyttar) {
    this.version = version;
    this.kommuner = List.copyOf(kommuner);
    for (String kommun : kommuner) {
      int skickade = distinkta(flyttar.stream().filter(f -> f.hemkommun().equals(kommun)).map(Flytt::arende).collect(Collectors.toSet()));
      int mottagna = distinkta(flyttar.stream().filter(f -> f.mottagandeKommun().equals(kommun)).map(Flytt::arende)
          .collect(Collectors.toSet()));
      perKommun.put(kommun, new Siffror(skickade, mottagna));
    }
    for (String fran : kommuner) {
      Map<String, Integer> rad = new TreeMap<>();
      for (String till : kommuner) {
        if (!fran.equals(till)) {
          rad.put(till, distinkta(flyttar.stream().filter(f -> f.hemkommun().equals(fran) && f.mottagandeKommun().equals(till))
              .map(Flytt::arende).collect(Collectors.toSet())));
        }
      }
      franTill.put(fran, rad);
    }
  }

  private static int distinkta(Set<String> arenden) {
    return arenden.size();
  }

  public Avtalsversion version() {
    return version;
  }

  /** The municipalities counted, in the order given. */
  public List<String> kommuner() {
    return kommuner;
  }

  public Siffror siffror(String kommun) {
    return perKommun.getOrDefault(kommun, new Siffror(0, 0));
  }

  /** Cases sent from {@code fran} to {@code till} (accepted there) in this version. */
  public int balans(String fran, String till) {
    return franTill.getOrDefault(fran, Map.of()).getOrDefault(till, 0);
  }

  /** Every ordered pair of different municipalities with its count, zeros included. */
  public List<Balans> balans() {
    return franTill.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream().map(t -> new Balans(e.getKey(), t.getKey(),
        t.getValue()))).toList();
  }

  /** True when one more case from home to receiving goes past either municipality's quota. */
  public boolean overskrids(String hemkommun, String mottagandeKommun) {
    return siffror(hemkommun).skickade() + 1 > version.kvot().skickade()
        || siffror(mottagandeKommun).mottagna() + 1 > version.kvot().mottagna();
  }

  /** The figures as Swedish text for the caseworker's form. */
  public String sammanfattning(Map<String, String> kommunnamn) {
    StringBuilder sb = new StringBuilder("Kvot och balans i " + version.namn() + " (högst " + version.kvot().skickade()
        + " skickade och " + version.kvot().mottagna() + " mottagna ärenden per kommun; ett ärende räknas när mottagande kommun "
        + "har accepterat förfrågan):");
    perKommun.forEach((kommun, s) -> sb.append("\n- ").append(kommunnamn.getOrDefault(kommun, kommun)).append(": ")
        .append(s.skickade()).append(" skickade, ").append(s.mottagna()).append(" mottagna"));
    return sb.toString();
  }
}
