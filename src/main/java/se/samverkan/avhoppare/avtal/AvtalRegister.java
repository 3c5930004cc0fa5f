package se.samverkan.avhoppare.avtal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The agreement versions, answering which one is in force on a date. Versions are data
 * (configuration), never code; this class checks them once when built: no two overlap and every
 * party is known.
 */
public class AvtalRegister {

  private final List<Avtalsversion> versioner;

  /**
   * @param kandPart tells whether a party id is one of the organisation's parties
   */
  public AvtalRegister(List<Avtalsversion> versioner, Predicate<String> kandPart) {
    if (versioner.isEmpty()) {
      throw new IllegalArgumentException("avhoppare.avtal.versioner is empty: no case could ever start");
    }
    List<Avtalsversion> sorted = versioner.stream().sorted(Comparator.comparing(Avtalsversion::start)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      Avtalsversion previous = sorted.get(i - 1);
      Avtalsversion next = sorted.get(i);
      if (!next.start().isAfter(previous.slut())) {
        throw new IllegalArgumentException("agreement versions " + previous.id() + " (" + previous.period()
            + ") and " + next.id() + " (" + next.period() + ") overlap");
      }
    }
    for (Avtalsversion version : sorted) {
      if (version.parter().size() < 2) {
        throw new IllegalArgumentException("agreement version " + version.id() + " needs at least two parties");
      }
      for (String part : version.parter()) {
        if (!kandPart.test(part)) {
          throw new IllegalArgumentException("agreement version " + version.id() + " names unknown party " + part);
        }
      }
    }
    this.versioner = sorted;
  }

  /** All versions, oldest first. */
  public List<Avtalsversion> versioner() {
    return versioner;
  }

  public Optional<Avtalsversion> findVersionInForce(LocalDate datum) {
    return versioner.stream().filter(v -> v.omfattar(datum)).findFirst();
  }

  /**
   * The version in force on the date.
   *
   * @throws UtanforAvtalException with a Swedish message listing the periods that do exist
   */
  public Avtalsversion versionInForce(LocalDate datum) {
    if (datum == null) {
      throw new UtanforAvtalException("Startdatum saknas: ange det datum ärendet aktualiserades.");
    }
    return findVersionInForce(datum).orElseThrow(() -> new UtanforAvtalException(
        "Startdatum " + datum + " ligger utanför alla avtalsversioner. Avtalet gäller "
            + versioner.stream().map(v -> v.namn() + " " + v.period()).collect(Collectors.joining(" och "))
            + ". Ett ärende kan bara aktualiseras inom en avtalsperiod."));
  }

  public Optional<Avtalsversion> version(String id) {
    return versioner.stream().filter(v -> v.id().equals(id)).findFirst();
  }
}
