package se.samverkan.avhoppare.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

@H2IntegrationTest
class IdentitetVaultTest {

  @Autowired IdentitetVault vault;
  @Autowired JdbcTemplate jdbc;

  @Test
  void storedOnlyEncryptedAndReadBackForTheRightCaseAndMunicipality() {
    String arende = "AVH-" + UUID.randomUUID();
    PersonIdentitet anna = PersonIdentitet.of("Anna Andersson", "19811218-9876", Skyddsniva.SKYDDAD_FOLKBOKFORING);
    vault.store(arende, "stockholm", anna);

    assertThat(vault.read(arende, "stockholm")).contains(anna);
    assertThat(vault.read(arende, "malmo")).isEmpty();
    byte[] stored = jdbc.queryForObject("select chiffer from person_identitet where arende = ?", byte[].class, arende);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Anna", "Andersson", "9876", "SKYDDAD");

    PersonIdentitet changed = PersonIdentitet.of("Anna Berg", "19811218-9876", Skyddsniva.SKYDDAD_FOLKBOKFORING);
    vault.store(arende, "stockholm", changed);
    assertThat(vault.read(arende, "stockholm")).contains(changed);
    assertThat(jdbc.queryForObject("select count(*) from person_identitet where arende = ?", Integer.class, arende)).isOne();
  }

  @Test
  void rotationReEncryptsEverythingUnderTheNewKeySoTheOldOneCanGo() {
    String arende = "AVH-" + UUID.randomUUID();
    PersonIdentitet anna = PersonIdentitet.of("Anna Andersson", "19811218-9876", Skyddsniva.INGEN);
    vault.store(arende, "goteborg", anna);

    String newKey = "ny:" + Base64.getEncoder().encodeToString(TestAccounts.randomBytes(32));
    IdentitetVault rotated = new IdentitetVault(jdbc, IdentitetKeys.parse(TestAccounts.IDENTITY_KEYS + "," + newKey, "ny"));
    assertThat(rotated.rotate()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("select nyckel_id from person_identitet where arende = ?", String.class, arende)).isEqualTo("ny");
    assertThat(rotated.rotate()).isZero();

    IdentitetVault newKeyOnly = new IdentitetVault(jdbc, IdentitetKeys.parse(newKey, "ny"));
    assertThat(newKeyOnly.read(arende, "goteborg")).contains(anna);
  }
}
