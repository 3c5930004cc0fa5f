package se.samverkan.avhoppare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.config.AuthorizationSqlTuning;
import se.samverkan.avhoppare.organisation.OrganisationProvisioner;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * The task list query the performance fix rewrites (see {@code AuthorizationSql}) still returns exactly
 * the tasks each person may see, and nothing else, across the three municipalities — as Tasklist asks
 * for them (the filter "Min grupps uppgifter" over the webapp API, list and count) and as a client of
 * /engine-rest asks without any filter (where only the authorization and tenant checks decide). The
 * expected sets come from the identity links and tenants in the database, not from the engine's query.
 * Claiming or completing is refused outside the task's candidate group: a Stockholm caseworker cannot
 * take the Stockholm manager's task, Malmö's caseworker nothing of Stockholm's.
 */
@PostgresIntegrationTest
class TaskListVisibilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SORTED = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  record Person(String id, String kommun, String group, Http rest, Http tasklist) {}

  @Test
  void everyoneSeesExactlyTheirOwnTasksAndWorksOnlyTheirGroupsTasks() throws Exception {
    Map<String, Person> people = new HashMap<>();
    for (String kommun : List.of("stockholm", "goteborg", "malmo")) {
      for (String roll : List.of("handlaggare", "chef")) {
        people.put(kommun + "-" + roll, person(kommun, roll));
      }
    }
    Person sthlm = people.get("stockholm-handlaggare");
    Person sthlmChef = people.get("stockholm-chef");
    Person malmo = people.get("malmo-handlaggare");

    // two cases per municipality, each at its first caseworker task; one Stockholm case goes on to a
    // manager's task (the quota exception, or the reminder when the police consultation is late)
    Map<String, String> parts = Map.of("stockholm", "stockholm-jarva", "goteborg", "goteborg-nordost", "malmo", "malmo-asn");
    Map<String, List<String>> cases = new HashMap<>();
    for (String kommun : parts.keySet()) {
      Person caseworker = people.get(kommun + "-handlaggare");
      cases.put(kommun, List.of(startCase(caseworker, parts.get(kommun)), startCase(caseworker, parts.get(kommun))));
    }
    String chefTask = advanceToAManagersTask(sthlm, cases.get("stockholm").get(0));
    String ownTask = onlyTask(cases.get("stockholm").get(1));
    String malmoTask = onlyTask(cases.get("malmo").get(0));
    // one task claimed: the caseworker then also holds a grant of their own on it
    assertThat(sthlm.rest().postJson("/engine-rest/task/" + ownTask + "/claim", "{\"userId\":\"" + sthlm.id() + "\"}").statusCode())
        .isEqualTo(204);

    int open = jdbc.queryForObject("select count(*) from act_ru_task", Integer.class);
    assumeThat(open).as("open tasks in the shared test database (this test lists them all)").isLessThan(1000);

    long rewritesBefore = AuthorizationSqlTuning.rewrites();
    for (Person p : people.values()) {
      // Tasklist: the group filter, newest first, and its count
      Set<String> expected = candidateTasks(p.group(), p.kommun());
      assertThat(filterList(p)).as("%s's Tasklist filter", p.id()).isEqualTo(expected);
      assertThat(filterCount(p)).as("%s's Tasklist filter count", p.id()).isEqualTo(expected.size());

      // /engine-rest without any filter: the authorization and tenant checks alone
      Set<String> readable = p.group().endsWith("-chef")
          ? tenantTasks(p.kommun())               // managers read every task of their municipality
          : union(expected, assignedTo(p.id()));   // caseworkers their group's tasks and their own
      assertThat(restList(p)).as("%s's task list over /engine-rest", p.id()).isEqualTo(readable);
      assertThat(restCount(p)).as("%s's task count over /engine-rest", p.id()).isEqualTo(readable.size());
    }
    assertThat(AuthorizationSqlTuning.rewrites() - rewritesBefore).as("the queries ran in their rewritten form")
        .isGreaterThanOrEqualTo(4L * people.size());

    // the sets are what the municipalities' isolation says, not just what the engine returns
    assertThat(filterList(sthlm)).contains(ownTask).doesNotContain(chefTask, malmoTask);
    assertThat(filterList(sthlmChef)).contains(chefTask).doesNotContain(ownTask, malmoTask);
    assertThat(restList(sthlmChef)).contains(chefTask, ownTask).doesNotContain(malmoTask);
    assertThat(restList(malmo)).contains(malmoTask).doesNotContain(chefTask, ownTask);

    // claiming and completing outside the candidate group is refused, and changes nothing
    String claimSthlm = "{\"userId\":\"" + sthlm.id() + "\"}";
    assertThat(sthlm.rest().postJson("/engine-rest/task/" + chefTask + "/claim", claimSthlm).statusCode())
        .as("a Stockholm caseworker claims the Stockholm manager's task").isEqualTo(403);
    assertThat(sthlm.rest().postJson("/engine-rest/task/" + chefTask + "/complete", "{}").statusCode())
        .as("a Stockholm caseworker completes the Stockholm manager's task").isEqualTo(403);
    assertThat(sthlm.tasklist().postJson("/camunda/api/engine/engine/default/task/" + chefTask + "/complete", "{}").statusCode())
        .as("… through Tasklist's API").isEqualTo(403);
    String claimMalmo = "{\"userId\":\"" + malmo.id() + "\"}";
    for (String stockholmTask : List.of(ownTask, chefTask, onlyTask(cases.get("stockholm").get(1)))) {
      assertThat(malmo.rest().postJson("/engine-rest/task/" + stockholmTask + "/claim", claimMalmo).statusCode())
          .as("Malmö's caseworker claims a Stockholm task").isIn(403, 404);
      assertThat(malmo.rest().postJson("/engine-rest/task/" + stockholmTask + "/complete", "{}").statusCode())
          .as("Malmö's caseworker completes a Stockholm task").isIn(403, 404);
    }
    assertThat(sthlmChef.rest().postJson("/engine-rest/task/" + ownTask + "/complete", "{}").statusCode())
        .as("Stockholm's manager completes a caseworker's task").isEqualTo(403);
    Task chef = engine.getTaskService().createTaskQuery().taskId(chefTask).singleResult();
    assertThat(chef).as("the manager's task is still open").isNotNull();
    assertThat(chef.getAssignee()).isNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(ownTask).singleResult().getAssignee()).isEqualTo(sthlm.id());

    // and inside it, allowed
    assertThat(sthlmChef.rest().postJson("/engine-rest/task/" + chefTask + "/claim", "{\"userId\":\"" + sthlmChef.id() + "\"}")
        .statusCode()).isEqualTo(204);
  }

  private Person person(String kommun, String roll) throws Exception {
    String id = TestAccounts.uniqueId(roll);
    String group = kommun + "-" + roll;
    String password = TestAccounts.createUser(engine.getIdentityService(), id, group);
    return new Person(id, kommun, group, new Http(port).basic(id, password),
        new Http(port).webappLogin("tasklist", id, password));
  }

  private String startCase(Person caseworker, String part) throws Exception {
    HttpResponse<String> started = caseworker.rest().postJson("/engine-rest/process-definition/key/arende/submit-form", vars(
        "part", part, "malgrupp", "AVHOPPARE", "kriminelltSammanhang", "DESTRUKTIV_MILJO", "hotbild", "KONKRET",
        "motiverad", true, "ansvarForBarn", false, "samtycke", true, "samtyckeDatum", "2026-02-01", "startdatum", "2026-02-01"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).get("id").asText();
  }

  /** Drives a Stockholm case through its real steps until a task for Stockholm's managers is open. */
  private String advanceToAManagersTask(Person caseworker, String arende) throws Exception {
    submit(caseworker, onlyTask(arende), vars("tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm"));
    submit(caseworker, onlyTask(arende), vars("mottagandeKommun", "malmo"));
    Task chef = managersTask(arende);
    if (chef == null) {
      // within the quota: the police consultation is open; its reminder for the managers falls due
      Job reminder = engine.getManagementService().createJobQuery().processInstanceId(arende).timers().list().stream()
          .filter(job -> "BoundaryEvent_SamradHemPaminnelse".equals(
              engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
          .findFirst().orElseThrow();
      engine.getManagementService().executeJob(reminder.getId());
      chef = managersTask(arende);
    }
    assertThat(chef).as("a task for stockholm-chef").isNotNull();
    return chef.getId();
  }

  private Task managersTask(String arende) {
    return engine.getTaskService().createTaskQuery().processInstanceId(arende).taskCandidateGroup("stockholm-chef").singleResult();
  }

  private String onlyTask(String arende) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(arende)
        .taskCandidateGroupLike("%-handlaggare").includeAssignedTasks().list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).getId();
  }

  private static void submit(Person p, String task, String body) throws Exception {
    HttpResponse<String> response = p.rest().postJson("/engine-rest/task/" + task + "/submit-form", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  // the expected sets, from the database's identity links and tenants

  private Set<String> candidateTasks(String group, String tenant) {
    return new HashSet<>(jdbc.queryForList("select distinct t.id_ from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_"
        + " where i.type_ = 'candidate' and i.group_id_ = ? and t.tenant_id_ = ?", String.class, group, tenant));
  }

  private Set<String> tenantTasks(String tenant) {
    return new HashSet<>(jdbc.queryForList("select id_ from act_ru_task where tenant_id_ = ?", String.class, tenant));
  }

  private Set<String> assignedTo(String user) {
    return new HashSet<>(jdbc.queryForList("select id_ from act_ru_task where assignee_ = ?", String.class, user));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  // what the person gets

  private String filterId(Person p) throws Exception {
    JsonNode filters = JSON.readTree(p.tasklist().get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50").body());
    for (JsonNode f : filters) {
      if (OrganisationProvisioner.FILTER_GRUPP.equals(f.get("name").asText())) {
        return f.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + OrganisationProvisioner.FILTER_GRUPP + " for " + p.id());
  }

  private Set<String> filterList(Person p) throws Exception {
    HttpResponse<String> r = p.tasklist().postJson("/camunda/api/engine/engine/default/filter/" + filterId(p)
        + "/list?firstResult=0&maxResults=1000", SORTED);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ids(JSON.readTree(r.body()));
  }

  private long filterCount(Person p) throws Exception {
    HttpResponse<String> r = p.tasklist().postJson("/camunda/api/engine/engine/default/filter/" + filterId(p) + "/count", SORTED);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("count").asLong();
  }

  private Set<String> restList(Person p) throws Exception {
    HttpResponse<String> r = p.rest().get("/engine-rest/task?sortBy=created&sortOrder=desc&firstResult=0&maxResults=1000");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ids(JSON.readTree(r.body()));
  }

  private long restCount(Person p) throws Exception {
    return JSON.readTree(p.rest().get("/engine-rest/task/count").body()).get("count").asLong();
  }

  private static Set<String> ids(JsonNode tasks) {
    Set<String> ids = new HashSet<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).as("no task listed twice").hasSize(tasks.size());
    return ids;
  }

  private static String vars(Object... kv) throws Exception {
    var variables = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      variables.putObject((String) kv[i]).putPOJO("value", kv[i + 1]);
    }
    return JSON.writeValueAsString(JSON.createObjectNode().set("variables", variables));
  }
}
