package se.samverkan.avhoppare.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.arende.ArendeTestCases;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/** The identity of a real case: the home municipality's caseworkers only, every access logged. */
@H2IntegrationTest
class IdentitetResourceTest {

  static final String ANNA = "{\"namn\":\"Anna Testsson\",\"personnummer\":\"198112189876\",\"skyddsniva\":\"SKYDDAD_FOLKBOKFORING\"}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  String referens;

  @BeforeEach
  void aStockholmCase() {
    ProcessInstance pi = ArendeTestCases.startaStockholmsArende(engine);
    referens = pi.getBusinessKey();
  }

  private Http as(String group) {
    String user = TestAccounts.uniqueId("u");
    return new Http(port).basic(user, TestAccounts.createUser(engine.getIdentityService(), user, group));
  }

  @Test
  void theHomeCaseworkerRegistersAndReadsTheIdentity() throws Exception {
    Http caseworker = as("stockholm-handlaggare");
    String path = "/api/arenden/" + referens + "/identitet";
    assertThat(caseworker.get(path).statusCode()).isEqualTo(404);

    HttpResponse<String> bad = caseworker.putJson(path, "{\"namn\":\"Anna\",\"personnummer\":\"19811218-9875\",\"skyddsniva\":\"INGEN\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Fältet 'Personnummer' har fel kontrollsiffra.").doesNotContain("9875");

    HttpResponse<String> saved = caseworker.putJson(path, ANNA);
    assertThat(saved.statusCode()).isEqualTo(200);
    HttpResponse<String> read = caseworker.get(path);
    assertThat(read.body()).contains("Anna Testsson", "19811218-9876", "Skyddad folkbokföring");
    assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");

    assertThat(jdbc.queryForList("select concat(atgard, ' ', status) from atkomstlogg where yta = 'identitet' and arende = ? "
        + "order by id", String.class, referens)).containsExactly("LASNING 404", "ANDRING 400", "ANDRING 200", "LASNING 200");
  }

  @Test
  void everyoneElseGetsTheSameNotFoundAsForACaseThatDoesNotExist() throws Exception {
    as("stockholm-handlaggare").putJson("/api/arenden/" + referens + "/identitet", ANNA);
    HttpResponse<String> missing = as("stockholm-handlaggare").get("/api/arenden/AVH-1999-9999/identitet");
    for (String group : new String[] {"malmo-handlaggare", "malmo-chef", "stockholm-chef", "processagare"}) {
      Http other = as(group);
      HttpResponse<String> read = other.get("/api/arenden/" + referens + "/identitet");
      assertThat(read.statusCode()).as(group).isEqualTo(404);
      assertThat(read.body()).as(group).isEqualTo(missing.body()).doesNotContain("Anna");
      assertThat(other.putJson("/api/arenden/" + referens + "/identitet", ANNA.replace("Anna", "Eve")).statusCode()).isEqualTo(404);
    }
    assertThat(new Http(port).get("/api/arenden/" + referens + "/identitet").statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from atkomstlogg where yta = 'identitet' and arende = ? and status = 404",
        Integer.class, referens)).isEqualTo(8);
  }
}
