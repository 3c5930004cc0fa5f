package se.samverkan.avhoppare.avtal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.OrganisationProperties;
import se.samverkan.avhoppare.support.ShippedConfiguration;

/** Which agreement version is in force, on the versions as shipped in application.yaml. */
class AvtalRegisterTest {

  private final Organisation organisation =
      Organisation.from(ShippedConfiguration.bind("avhoppare.organisation", OrganisationProperties.class));
  private final AvtalRegister register = new AvtalRegister(
      ShippedConfiguration.bind("avhoppare.avtal", AvtalProperties.class).getVersioner().stream()
          .map(AvtalProperties.Version::toAvtalsversion).toList(),
      id -> organisation.part(id).isPresent());

  @Test
  void lastDayOf2025IsUnderThe2025Version() {
    Avtalsversion version = register.versionInForce(LocalDate.of(2025, 12, 31));
    assertThat(version.id()).isEqualTo("avtal-2025");
    assertThat(version.start()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(version.slut()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void firstDayOf2026IsUnderThe2026Version() {
    Avtalsversion version = register.versionInForce(LocalDate.of(2026, 1, 1));
    assertThat(version.id()).isEqualTo("avtal-2026");
    assertThat(version.langdManader()).isEqualTo(24);
  }

  @Test
  void lastDayOf2027IsStillUnderThe2026Version() {
    assertThat(register.versionInForce(LocalDate.of(2027, 12, 31)).id()).isEqualTo("avtal-2026");
  }

  @Test
  void firstDayOf2028IsRefusedWithAClearSwedishMessage() {
    assertThatThrownBy(() -> register.versionInForce(LocalDate.of(2028, 1, 1)))
        .isInstanceOf(UtanforAvtalException.class)
        .hasMessageContaining("2028-01-01")
        .hasMessageContaining("utanför alla avtalsversioner")
        .hasMessageContaining("2026-01-01–2027-12-31");
    assertThat(register.findVersionInForce(LocalDate.of(2028, 1, 1))).isEmpty();
  }

  @Test
  void aDateBeforeTheFirstVersionIsRefused() {
    assertThatThrownBy(() -> register.versionInForce(LocalDate.of(2024, 12, 31))).isInstanceOf(UtanforAvtalException.class);
  }

  @Test
  void aMissingDateIsRefusedWithAMessage() {
    assertThatThrownBy(() -> register.versionInForce(null)).hasMessageContaining("Startdatum saknas");
  }

  @Test
  void bothVersionsHaveTheAgreedQuotaTargetGroupsAndAllEightParties() {
    for (Avtalsversion version : register.versioner()) {
      assertThat(version.kvot()).isEqualTo(new Kvot(2, 2));
      assertThat(version.malgrupper()).containsExactlyInAnyOrder(Malgrupp.AVHOPPARE, Malgrupp.SKYDDSPERSON);
      assertThat(version.parter()).hasSize(8).contains("malmo-asn", "goteborg-sydvast", "stockholm-farsta");
    }
  }

  @Test
  void overlappingVersionsAreRefused() {
    Avtalsversion a = version("a", LocalDate.of(2025, 1, 1), 12);
    Avtalsversion b = version("b", LocalDate.of(2025, 12, 31), 12);
    assertThatThrownBy(() -> new AvtalRegister(List.of(a, b), id -> true)).hasMessageContaining("overlap");
  }

  @Test
  void unknownPartiesAreRefused() {
    assertThatThrownBy(() -> new AvtalRegister(List.of(version("a", LocalDate.of(2025, 1, 1), 12)), id -> !id.equals("x")))
        .hasMessageContaining("unknown party x");
  }

  private static Avtalsversion version(String id, LocalDate start, int months) {
    return new Avtalsversion(id, id, start, months, new Kvot(2, 2), Set.of(Malgrupp.AVHOPPARE), Set.of("x", "y"));
  }
}
