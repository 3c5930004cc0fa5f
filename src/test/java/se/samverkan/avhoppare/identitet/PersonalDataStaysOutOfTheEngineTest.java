package se.samverkan.avhoppare.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PersonalDataScan;
import se.samverkan.avhoppare.support.SecretCase;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * A person's identity stored beside a running case reaches neither the engine's tables nor the log,
 * while the scan does find what the engine really holds (positive control).
 */
@H2IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataStaysOutOfTheEngineTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentitetVault vault;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void nameAndPersonnummerAreNowhereInTheEngineOrTheLog(CapturedOutput output) throws Exception {
    SecretCase kase = SecretCase.start(engine, "stockholm");
    String name = "Testperson " + UUID.randomUUID().toString().substring(0, 8);
    String pnr = "19811218-9876";
    vault.store(kase.businessKey(), "stockholm", PersonIdentitet.of(name, pnr, Skyddsniva.SKYDDAD_FOLKBOKFORING));
    String caseworker = TestAccounts.uniqueId("handlaggare");
    String pw = TestAccounts.createUser(engine.getIdentityService(), caseworker, "stockholm-handlaggare");
    new Http(port).basic(caseworker, pw).get("/engine-rest/task/" + kase.task().getId() + "/variables");
    engine.getTaskService().complete(kase.task().getId());

    assertThat(PersonalDataScan.tableCount(dataSource, "ACT_")).isGreaterThan(40);
    assertThat(PersonalDataScan.hits(dataSource, "ACT_", List.of(name, pnr, "198112189876"))).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "ATKOMSTLOGG", List.of(name, pnr))).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "PERSON_IDENTITET", List.of(name, pnr, "Testperson"))).isEmpty();
    assertThat(output.getAll()).doesNotContain(name, pnr);

    // positive control: the scan finds a value the engine does hold, in runtime and in history
    assertThat(PersonalDataScan.hits(dataSource, "ACT_", List.of(kase.secret())))
        .anyMatch(hit -> hit.startsWith("ACT_HI_VARINST"));
  }
}
