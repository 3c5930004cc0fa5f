package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * The engine builds its rows with {@link EntityConstructors.Factory} and renders its SQL through {@link
 * OgnlReadMethods.Accessor}, and Tasklist still lists its filters and their tasks.
 */
@H2IntegrationTest
class MyBatisTuningInEngineTest {

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

  @Test
  void taskQueriesAreRenderedThroughTheAccessorWhichResolvesEachNameOnce() throws Exception {
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(OgnlReadMethodsTest.accessor());
    String user = TestAccounts.uniqueId("handlaggare");
    String password = TestAccounts.createUser(identityService, user, "stockholm-handlaggare");
    Http tasklist = new Http(port).webappLogin("tasklist", user, password);
    HttpResponse<String> filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
    Matcher filter = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"Min grupps uppgifter\"")
        .matcher(filters.body());
    assertThat(filter.find()).as(filters.body()).isTrue();
    String list = "/camunda/api/engine/engine/default/filter/" + filter.group(1) + "/list?firstResult=0&maxResults=15";
    String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    HttpResponse<String> first = tasklist.postJson(list, body, "application/hal+json");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    OgnlReadMethods.Accessor accessor = OgnlReadMethodsTest.accessor();
    long lookups = accessor.lookups(TaskQueryImpl.class);
    assertThat(lookups).as("the task query's names were resolved through the accessor").isPositive();
    HttpResponse<String> second = tasklist.postJson(list, body, "application/hal+json");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(accessor.lookups(TaskQueryImpl.class)).as("the same list again: every name already resolved").isEqualTo(lookups);
  }
}
