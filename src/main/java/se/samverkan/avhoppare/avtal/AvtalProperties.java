package se.samverkan.avhoppare.avtal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Agreement versions as configured under {@code avhoppare.avtal.versioner}. */
@ConfigurationProperties("avhoppare.avtal")
public class AvtalProperties {

  private List<Version> versioner = new ArrayList<>();

  public List<Version> getVersioner() {
    return versioner;
  }

  public void setVersioner(List<Version> versioner) {
    this.versioner = versioner;
  }

  public static class Version {
    private String id;
    private String namn;
    private LocalDate start;
    private int langdManader;
    private int kvotSkickade;
    private int kvotMottagna;
    private Set<Malgrupp> malgrupper = new LinkedHashSet<>();
    private Set<String> parter = new LinkedHashSet<>();

    public Avtalsversion toAvtalsversion() {
      return new Avtalsversion(id, namn, start, langdManader, new Kvot(kvotSkickade, kvotMottagna), malgrupper, parter);
    }

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

    public LocalDate getStart() {
      return start;
    }

    public void setStart(LocalDate start) {
      this.start = start;
    }

    public int getLangdManader() {
      return langdManader;
    }

    public void setLangdManader(int langdManader) {
      this.langdManader = langdManader;
    }

    public int getKvotSkickade() {
      return kvotSkickade;
    }

    public void setKvotSkickade(int kvotSkickade) {
      this.kvotSkickade = kvotSkickade;
    }

    public int getKvotMottagna() {
      return kvotMottagna;
    }

    public void setKvotMottagna(int kvotMottagna) {
      this.kvotMottagna = kvotMottagna;
    }

    public Set<Malgrupp> getMalgrupper() {
      return malgrupper;
    }

    public void setMalgrupper(Set<Malgrupp> malgrupper) {
      this.malgrupper = malgrupper;
    }

    public Set<String> getParter() {
      return parter;
    }

    public void setParter(Set<String> parter) {
      this.parter = parter;
    }
  }
}
