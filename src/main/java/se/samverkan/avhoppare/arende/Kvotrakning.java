package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.KvotOchBalans;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The agreement's figures (§2, §4) from recorded facts: per agreement version, sent and received per
 * municipality and the from→to balance, counted from accepted requests (see {@link ArendeRepository#flyttar}).
 * Aggregate only: no case is identifiable from what this returns to a caller outside this package.
 *
 * <p>Which version an assignment counts against is decided once, when the receiving municipality
 * accepts the request: the version in force on that day (Europe/Stockholm), or, if none is in force
 * then, the case's own version (bound by its start date at intake).
 */
@Component
public class Kvotrakning {

  private final ArendeRepository repository;
  private final AvtalRegister avtal;
  private final Organisation organisation;

  public Kvotrakning(ArendeRepository repository, AvtalRegister avtal, Organisation organisation) {
    this.repository = repository;
    this.avtal = avtal;
    this.organisation = organisation;
  }

  /** Quota and balance of one agreement version. */
  public KvotOchBalans kvotOchBalans(String avtalsversion) {
    Avtalsversion version = avtal.version(avtalsversion)
        .orElseThrow(() -> new IllegalArgumentException("no agreement version " + avtalsversion));
    return new KvotOchBalans(version, organisation.kommuner().stream().map(Kommun::id).toList(), repository.flyttar(avtalsversion));
  }

  /** Quota and balance of every agreement version, oldest first. */
  public List<KvotOchBalans> allaVersioner() {
    return avtal.versioner().stream().map(v -> kvotOchBalans(v.id())).toList();
  }

  /** The version a request accepted on {@code datum} counts against. */
  public Avtalsversion versionVidAccept(Arende arende, LocalDate datum) {
    return avtal.findVersionInForce(datum).orElseGet(() -> avtal.version(arende.avtalsversion()).orElseThrow());
  }
}
