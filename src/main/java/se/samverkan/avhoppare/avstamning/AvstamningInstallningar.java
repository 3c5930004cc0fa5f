package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When a §8 reconciliation proposes an equalisation ({@code avhoppare.avstamning} in application.yaml):
 * the deviation from an equal split must be strictly more than {@code troskelAndel} of the pair's
 * total <em>and</em> strictly more than {@code lagstaBelopp} kronor.
 */
@Component
@ConfigurationProperties("avhoppare.avstamning")
public class AvstamningInstallningar {

  /** Share of the pair's total costs (0–1): a deviation up to this is not "av betydelse" (§8). */
  private BigDecimal troskelAndel = new BigDecimal("0.10");
  /** Kronor: a deviation up to this is never worth an equalisation. */
  private BigDecimal lagstaBelopp = new BigDecimal("5000");

  public Kostnadsavstamning.Troskel troskel() {
    return new Kostnadsavstamning.Troskel(troskelAndel, lagstaBelopp);
  }

  public BigDecimal getTroskelAndel() {
    return troskelAndel;
  }

  public void setTroskelAndel(BigDecimal troskelAndel) {
    this.troskelAndel = troskelAndel;
  }

  public BigDecimal getLagstaBelopp() {
    return lagstaBelopp;
  }

  public void setLagstaBelopp(BigDecimal lagstaBelopp) {
    this.lagstaBelopp = lagstaBelopp;
  }
}
