package se.samverkan.avhoppare.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipalities and their parties (§1 committees), as configured under
 * {@code avhoppare.organisation}. Order is kept as written in the configuration.
 */
@ConfigurationProperties("avhoppare.organisation")
public class OrganisationProperties {

  private Map<String, KommunConfig> kommuner = new LinkedHashMap<>();

  public Map<String, KommunConfig> getKommuner() {
    return kommuner;
  }

  public void setKommuner(Map<String, KommunConfig> kommuner) {
    this.kommuner = kommuner;
  }

  public static class KommunConfig {
    private String namn;
    private List<PartConfig> parter = new ArrayList<>();

    public String getNamn() {
      return namn;
    }

    public void setNamn(String namn) {
      this.namn = namn;
    }

    public List<PartConfig> getParter() {
      return parter;
    }

    public void setParter(List<PartConfig> parter) {
      this.parter = parter;
    }
  }

  public static class PartConfig {
    private String id;
    private String namn;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getNamn() {
      return namn;
    }

    public void setNamn(String namn) {
      this.namn = namn;
    }
  }
}
