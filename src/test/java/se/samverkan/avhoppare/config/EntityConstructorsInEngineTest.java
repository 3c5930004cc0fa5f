package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/** The engine builds its rows with {@link EntityConstructors.Factory}, and Tasklist's filters still load. */
@H2IntegrationTest
class EntityConstructorsInEngineTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;

  @Test
  void tasklistsFiltersAreBuiltByTheFactory() throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getSqlSessionFactory().getConfiguration().getObjectFactory())
        .isInstanceOf(EntityConstructors.Factory.class);

    String user = TestAccounts.uniqueId("handlaggare");
    String password = TestAccounts.createUser(identityService, user, "stockholm-handlaggare");
    Http tasklist = new Http(port).webappLogin("tasklist", user, password);
    long before = EntityConstructors.Factory.direct();
    HttpResponse<String> filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    assertThat(filters.body()).contains("\"name\":\"Min grupps uppgifter\"");
    assertThat(EntityConstructors.Factory.direct()).as("filter rows built through the kept constructor").isGreaterThan(before);
  }
}
