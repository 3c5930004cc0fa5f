package se.samverkan.avhoppare.security.attack;

import java.util.List;

/**
 * The requests an attacker of one municipality tries against another's case, relative to an engine
 * API root ({@code /engine-rest} or the webapps' {@code /camunda/api/engine/engine/default}).
 * Placeholders: {pi} process instance, {task}, {bk} business key (the case reference), {secret} a
 * variable value, {job}, {incident}, {var} a variable instance id, {hvar} its history id,
 * {filter} a task filter the attacker may use, {me} the attacker's user id, {victim} a Malmö caseworker.
 */
final class Attacks {

  private Attacks() {}

  /** Reads by id guessing, by query parameters, by filters and by history. */
  static final List<String> READS = List.of(
      "GET /task/{task}",
      "GET /task/{task}/variables",
      "GET /task/{task}/variables/hemlig",
      "GET /task/{task}/localVariables",
      "GET /task/{task}/form-variables",
      "GET /task/{task}/form",
      "GET /task/{task}/deployed-form",
      "GET /task/{task}/identity-links",
      "GET /task/{task}/comment",
      "GET /task/{task}/attachment",
      "GET /task?processInstanceId={pi}&maxResults=10",
      "GET /task?tenantIdIn=malmo&maxResults=10",
      "GET /task?candidateGroup=malmo-handlaggare&maxResults=10",
      "GET /task?processInstanceBusinessKey={bk}&maxResults=10",
      "POST /task?maxResults=10 {\"processInstanceBusinessKey\":\"{bk}\"}",
      "POST /task?maxResults=10 {\"orQueries\":[{\"tenantIdIn\":[\"malmo\"]}]}",
      "POST /task?maxResults=10 {\"processVariables\":[{\"name\":\"hemlig\",\"operator\":\"eq\",\"value\":\"{secret}\"}]}",
      "GET /task/count?tenantIdIn=malmo",
      "POST /filter/{filter}/list?maxResults=10 {\"tenantIdIn\":[\"malmo\"]}",
      "POST /filter/{filter}/count {\"processInstanceBusinessKey\":\"{bk}\"}",
      "GET /process-instance/{pi}",
      "GET /process-instance/{pi}/variables",
      "GET /process-instance/{pi}/variables/hemlig",
      "GET /process-instance/{pi}/activity-instances",
      "GET /process-instance?businessKey={bk}&maxResults=10",
      "GET /process-instance?tenantIdIn=malmo&maxResults=10",
      "GET /process-instance?variables=hemlig_eq_{secret}&maxResults=10",
      "GET /process-instance/count?tenantIdIn=malmo",
      "GET /execution/{pi}",
      "GET /execution/{pi}/localVariables",
      "GET /execution?processInstanceId={pi}&maxResults=10",
      "GET /variable-instance?processInstanceIdIn={pi}&maxResults=10",
      "GET /variable-instance?variableValues=hemlig_eq_{secret}&maxResults=10",
      "GET /variable-instance/{var}",
      "GET /variable-instance/{var}/data",
      "GET /history/process-instance/{pi}",
      "GET /history/process-instance?processInstanceBusinessKey={bk}&maxResults=10",
      "GET /history/process-instance?tenantIdIn=malmo&maxResults=10",
      "GET /history/variable-instance?processInstanceId={pi}&maxResults=10",
      "GET /history/variable-instance?variableValue={secret}&variableName=hemlig&maxResults=10",
      "GET /history/variable-instance/{hvar}",
      "GET /history/task?processInstanceId={pi}&maxResults=10",
      "GET /history/task?processInstanceBusinessKey={bk}&maxResults=10",
      "GET /history/activity-instance?processInstanceId={pi}&maxResults=10",
      "GET /history/detail?processInstanceId={pi}&maxResults=10",
      "GET /history/user-operation?processInstanceId={pi}&maxResults=10",
      "GET /history/identity-link-log?taskId={task}&maxResults=10",
      "GET /history/incident?processInstanceId={pi}&maxResults=10",
      "GET /incident?processInstanceId={pi}&maxResults=10",
      "GET /incident/{incident}",
      "GET /job?processInstanceId={pi}&maxResults=10",
      "GET /job/{job}",
      "GET /job/{job}/stacktrace",
      "GET /event-subscription?processInstanceId={pi}&maxResults=10",
      // who works in the other municipality, and what they may do
      "GET /user?memberOfGroup=malmo-handlaggare&maxResults=10",
      "GET /group?member={victim}&maxResults=10",
      "GET /user/{victim}/profile",
      "GET /tenant?userMember={victim}&maxResults=10",
      "GET /authorization?groupIdIn=malmo-chef&maxResults=10");

  /** Changes: work, variables, state, messages, batches, jobs. */
  static final List<String> WRITES = List.of(
      "POST /task/{task}/claim {\"userId\":\"{me}\"}",
      "POST /task/{task}/assignee {\"userId\":\"{me}\"}",
      "POST /task/{task}/delegate {\"userId\":\"{me}\"}",
      "POST /task/{task}/identity-links {\"groupId\":\"stockholm-handlaggare\",\"type\":\"candidate\"}",
      "POST /task/{task}/complete {\"variables\":{}}",
      "POST /task/{task}/submit-form {\"variables\":{}}",
      "POST /task/{task}/resolve {\"variables\":{}}",
      "POST /task/{task}/comment/create {\"message\":\"intrång\"}",
      "PUT /task/{task}/variables/hemlig {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /task/{task}/variables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "DELETE /task/{task}/variables/hemlig",
      "DELETE /task/{task}",
      "PUT /process-instance/{pi}/variables/hemlig {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /process-instance/{pi}/variables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "DELETE /process-instance/{pi}/variables/hemlig",
      "PUT /process-instance/{pi}/suspended {\"suspended\":true}",
      "POST /process-instance/{pi}/modification {\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_Hemlig\"}]}",
      "DELETE /process-instance/{pi}",
      "POST /process-instance/delete {\"processInstanceIds\":[\"{pi}\"],\"deleteReason\":\"intrång\"}",
      "POST /process-instance/suspended-async {\"processInstanceIds\":[\"{pi}\"],\"suspended\":true}",
      "POST /process-instance/variables-async {\"processInstanceIds\":[\"{pi}\"],\"variables\":{\"hemlig\":{\"value\":\"ändrat\"}}}",
      "POST /execution/{pi}/localVariables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "POST /message {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "POST /message {\"messageName\":\"TestMeddelande\",\"processInstanceId\":\"{pi}\",\"tenantId\":\"malmo\"}",
      "PUT /job/{job}/retries {\"retries\":5}",
      "PUT /job/{job}/duedate {\"duedate\":\"2020-01-01T00:00:00.000+0100\"}",
      "POST /job/{job}/execute",
      "PUT /job/{job}/suspended {\"suspended\":true}",
      "DELETE /history/process-instance/{pi}",
      "PUT /incident/{incident}/annotation {\"annotation\":\"intrång\"}",
      // making oneself a member of the other municipality
      "PUT /group/malmo-handlaggare/members/{me}",
      "PUT /tenant/malmo/user-members/{me}",
      "PUT /tenant/malmo/group-members/stockholm-handlaggare",
      "POST /authorization/create {\"type\":1,\"permissions\":[\"ALL\"],\"groupId\":\"stockholm-handlaggare\",\"resourceType\":8,\"resourceId\":\"*\"}",
      "PUT /user/{victim}/credentials {\"password\":\"Intrang-1234!\",\"authenticatedUserPassword\":\"x\"}");

  /**
   * Ways round the process: messages, signals, conditions, starts other than the start form, variables set
   * from outside, task completion outside the form, tasks created or changed. Only the service does these;
   * every user is refused (403, Swedish), whatever their municipality. More placeholders: {arendeDef},
   * {uppdragDef}, {hemligtDef} process definition ids.
   */
  static final List<String> BYPASS = List.of(
      "POST /message {\"messageName\":\"ArendeOverlamnat\",\"businessKey\":\"{bk}\"}",
      "POST /message {\"messageName\":\"ArendeOverlamnat\",\"businessKey\":\"{bk}\",\"processVariables\":{\"hemkommun\":{\"value\":\"malmo\"}}}",
      "POST /message {\"messageName\":\"Uppdragsforfragan\",\"businessKey\":\"{bk}\",\"withoutTenantId\":true}",
      "POST /message {\"messageName\":\"TestMeddelande\",\"processInstanceId\":\"{pi}\"}",
      "POST /message {\"messageName\":\"TestMeddelande\",\"all\":true,\"resultEnabled\":true}",
      "POST //message {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "POST /message/ {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "POST /process-instance/message-async {\"messageName\":\"TestMeddelande\",\"processInstanceIds\":[\"{pi}\"]}",
      "POST /signal {\"name\":\"TestSignal\"}",
      "POST /condition {\"variables\":{\"hemlig\":{\"value\":\"x\"}}}",
      "POST /execution/{pi}/messageSubscriptions/TestMeddelande/trigger {}",
      "POST /execution/{pi}/signal {}",
      "POST /process-definition/key/uppdrag/start {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/key/uppdrag/submit-form {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/{uppdragDef}/start {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/{uppdragDef}/submit-form {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/key/arende/start {\"variables\":{}}",
      "POST /process-definition/key/arende/start {\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"UserTask_Uppdragsbeskrivning\"}]}",
      "POST /process-definition/{arendeDef}/start {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/key/arende/restart {\"processInstanceIds\":[\"{pi}\"],\"instructions\":[]}",
      "POST /process-definition/{hemligtDef}/start {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/key/attack_hemligt/tenant-id/malmo/start {\"businessKey\":\"{bk}\"}",
      "POST /process-definition/key/attack_hemligt/tenant-id/malmo/submit-form {\"businessKey\":\"{bk}\"}",
      "PUT /process-instance/{pi}/variables/hemlig {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /process-instance/{pi}/variables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "DELETE /process-instance/{pi}/variables/hemlig",
      "POST /process-instance/{pi}/modification {\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"EndEvent_Done\"}]}",
      "POST /process-instance/{pi}/modification-async {\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_Hemlig\"}]}",
      "POST /modification/execute {\"processDefinitionId\":\"{hemligtDef}\",\"processInstanceIds\":[\"{pi}\"],\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_Hemlig\"}]}",
      "POST /migration/execute {\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{hemligtDef}\",\"targetProcessDefinitionId\":\"{hemligtDef}\",\"instructions\":[]},\"processInstanceIds\":[\"{pi}\"]}",
      "POST /process-instance/variables-async {\"processInstanceIds\":[\"{pi}\"],\"variables\":{\"hemlig\":{\"value\":\"ändrat\"}}}",
      "PUT /execution/{pi}/localVariables/hemlig {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /execution/{pi}/localVariables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "DELETE /execution/{pi}/localVariables/hemlig",
      "PUT /task/{task}/variables/hemlig {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /task/{task}/variables {\"modifications\":{\"hemlig\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "DELETE /task/{task}/variables/hemlig",
      "PUT /task/{task}/localVariables/namn {\"value\":\"ändrat\",\"type\":\"String\"}",
      "POST /task/{task}/localVariables {\"modifications\":{\"namn\":{\"value\":\"ändrat\",\"type\":\"String\"}}}",
      "POST /task/{task}/complete {\"variables\":{\"hemlig\":{\"value\":\"ändrat\"}}}",
      "POST /task/{task}/complete {\"variables\":{},\"withVariablesInReturn\":true}",
      "POST /task/{task}/resolve {\"variables\":{}}",
      "POST /task/{task}/bpmnError {\"errorCode\":\"fel\"}",
      "POST /task/{task}/bpmnEscalation {\"escalationCode\":\"eskalering\"}",
      "POST /task/create {\"name\":\"Falsk uppgift\",\"candidateGroup\":\"malmo-handlaggare\",\"tenantId\":\"malmo\"}",
      "PUT /task/{task} {\"name\":\"Ändrad uppgift\",\"dueDate\":\"2020-01-01T00:00:00.000+0100\"}");

  static List<Attack> all() {
    return java.util.stream.Stream.of(READS, WRITES, BYPASS).flatMap(List::stream).map(Attack::parse).toList();
  }

  static List<Attack> bypass() {
    return BYPASS.stream().map(Attack::parse).toList();
  }
}
