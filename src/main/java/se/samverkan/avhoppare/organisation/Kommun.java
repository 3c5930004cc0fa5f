package se.samverkan.avhoppare.organisation;

import java.util.List;

/** A municipality taking part in the exchange; its id is also its Camunda tenant id. */
public record Kommun(String id, String namn, List<Part> parter) {

  public Kommun {
    parter = List.copyOf(parter);
  }

  /** The Camunda group of this municipality's people in the given role, e.g. {@code malmo-chef}. */
  public String grupp(Roll roll) {
    return roll.gruppFor(id);
  }
}
