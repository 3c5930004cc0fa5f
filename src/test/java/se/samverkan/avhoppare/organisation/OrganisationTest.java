package se.samverkan.avhoppare.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.support.ShippedConfiguration;

class OrganisationTest {

  @Test
  void theShippedOrganisationHasTheThreeCitiesAndTheirSection1Committees() {
    Organisation organisation = Organisation.from(ShippedConfiguration.bind("avhoppare.organisation", OrganisationProperties.class));
    assertThat(organisation.kommuner()).extracting(Kommun::id).containsExactly("stockholm", "goteborg", "malmo");
    assertThat(organisation.kommun("goteborg").orElseThrow().parter()).extracting(Part::namn)
        .containsExactly("Socialnämnden Nordost", "Socialnämnden Centrum", "Socialnämnden Sydväst", "Socialnämnden Hisingen");
    assertThat(organisation.kommun("stockholm").orElseThrow().parter()).hasSize(3);
    assertThat(organisation.part("malmo-asn").orElseThrow().kommunId()).isEqualTo("malmo");
    assertThat(organisation.kommun("malmo").orElseThrow().grupp(Roll.CHEF)).isEqualTo("malmo-chef");
  }

  @Test
  void idsThatCannotBeTenantOrGroupIdsAreRefused() {
    Part part = new Part("ok-part", "Nämnd", "x");
    assertThatThrownBy(() -> new Organisation(List.of(new Kommun("Bad Id", "X", List.of(part)))))
        .hasMessageContaining("Bad Id");
  }

  @Test
  void aPartyConfiguredTwiceIsRefused() {
    Part part = new Part("same", "Nämnd", "a");
    assertThatThrownBy(() -> new Organisation(List.of(new Kommun("aa", "A", List.of(part)), new Kommun("bb", "B", List.of(part)))))
        .hasMessageContaining("twice");
  }
}
