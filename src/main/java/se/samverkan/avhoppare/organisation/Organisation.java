package se.samverkan.avhoppare.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The municipalities and parties of the exchange, read from configuration and checked once:
 * ids are lower-case tokens (they become tenant and group ids) and every party id is unique.
 */
public class Organisation {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  private final Map<String, Kommun> kommuner;
  private final Map<String, Part> parter;
  private final List<Kommun> ordning;

  public Organisation(List<Kommun> kommuner) {
    if (kommuner.isEmpty()) {
      throw new IllegalArgumentException("avhoppare.organisation.kommuner is empty: at least two municipalities are needed");
    }
    Map<String, Kommun> k = new LinkedHashMap<>();
    Map<String, Part> p = new LinkedHashMap<>();
    for (Kommun kommun : kommuner) {
      requireId(kommun.id(), "municipality");
      if (k.put(kommun.id(), kommun) != null) {
        throw new IllegalArgumentException("municipality " + kommun.id() + " is configured twice");
      }
      if (kommun.parter().isEmpty()) {
        throw new IllegalArgumentException("municipality " + kommun.id() + " has no parties (§1 committees)");
      }
      for (Part part : kommun.parter()) {
        requireId(part.id(), "party");
        if (p.put(part.id(), part) != null) {
          throw new IllegalArgumentException("party " + part.id() + " is configured twice");
        }
      }
    }
    this.kommuner = Map.copyOf(k);
    this.parter = Map.copyOf(p);
    this.ordning = List.copyOf(k.values());
  }

  public static Organisation from(OrganisationProperties properties) {
    List<Kommun> kommuner = new ArrayList<>();
    properties.getKommuner().forEach((id, config) -> {
      List<Part> parter = config.getParter().stream()
          .map(part -> new Part(part.getId(), part.getNamn(), id))
          .toList();
      kommuner.add(new Kommun(id, config.getNamn(), parter));
    });
    return new Organisation(kommuner);
  }

  private static void requireId(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " id '" + id + "' must match " + ID.pattern());
    }
  }

  /** All municipalities, in configuration order. */
  public List<Kommun> kommuner() {
    return ordning;
  }

  /** The municipality's name as caseworkers read it (the id if unknown). */
  public String namn(String kommunId) {
    return kommun(kommunId).map(Kommun::namn).orElse(kommunId);
  }

  public Optional<Kommun> kommun(String id) {
    return Optional.ofNullable(id).map(kommuner::get);
  }

  public Optional<Part> part(String id) {
    return Optional.ofNullable(id).map(parter::get);
  }
}
