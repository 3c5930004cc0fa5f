package se.samverkan.avhoppare.security.accesslog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.config.EngineAuthentication;

/**
 * Finds which case an API request concerns, from the ids in its path or its query parameters:
 * the process instance, its case reference (business key) and its municipality (tenant). Looks
 * through history too, so an ended case or an attempt at another municipality's case is still
 * attributed to it. Runs as the service: the log must name the case even when the user may not.
 */
@Component
public class CaseResolver {

  /** Collection sub-resources that are not ids. */
  private static final Set<String> NOT_IDS = Set.of("count", "create", "report", "delete", "suspended", "suspended-async",
      "variables-async", "job-retries", "message-async", "correlation-async", "statistics", "key", "deleteHistoricProcessInstances",
      "set-removal-time", "history-cleanup", "cleanable-process-instance-report", "duration-report");

  public record CaseRef(String processInstanceId, String businessKey, String tenantId) {}

  private final ProcessEngine engine;

  public CaseResolver(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * @param path the path below the API's engine root, e.g. {@code task/123/variables}
   */
  public Optional<CaseRef> resolve(String path, Map<String, String[]> params) {
    return EngineAuthentication.asService(engine.getIdentityService(), () -> find(path, params));
  }

  private Optional<CaseRef> find(String path, Map<String, String[]> params) {
    List<String> s = List.of(path.replaceAll("^/+", "").split("/"));
    String pi = null;
    if (s.size() >= 3 && s.get(0).equals("history")) {
      pi = byId(s.get(1), s.get(2), true);
    } else if (s.size() >= 2) {
      pi = byId(s.get(0), s.get(1), false);
    }
    if (pi == null) {
      pi = first(params, "processInstanceId", "processInstanceIdIn", "processInstanceIds");
    }
    if (pi != null) {
      HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(pi).singleResult();
      return instance == null ? Optional.empty()
          : Optional.of(new CaseRef(pi, instance.getBusinessKey(), instance.getTenantId()));
    }
    String businessKey = first(params, "businessKey", "processInstanceBusinessKey");
    if (businessKey != null) {
      List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).listPage(0, 1);
      return instances.isEmpty() ? Optional.of(new CaseRef(null, businessKey, null))
          : Optional.of(new CaseRef(instances.get(0).getId(), businessKey, instances.get(0).getTenantId()));
    }
    return Optional.empty();
  }

  private String byId(String resource, String id, boolean history) {
    if (NOT_IDS.contains(id) || id.isBlank()) {
      return null;
    }
    if (history) {
      return switch (resource) {
        case "process-instance" -> id;
        case "task" -> historicTask(id);
        case "variable-instance" -> {
          HistoricVariableInstance v = engine.getHistoryService().createHistoricVariableInstanceQuery().variableId(id).singleResult();
          yield v == null ? null : v.getProcessInstanceId();
        }
        default -> null;
      };
    }
    return switch (resource) {
      case "process-instance" -> id;
      case "task" -> historicTask(id);
      case "execution" -> {
        Execution e = engine.getRuntimeService().createExecutionQuery().executionId(id).singleResult();
        yield e == null ? null : e.getProcessInstanceId();
      }
      case "variable-instance" -> {
        VariableInstance v = engine.getRuntimeService().createVariableInstanceQuery().variableId(id).singleResult();
        yield v == null ? null : v.getProcessInstanceId();
      }
      case "job" -> {
        Job j = engine.getManagementService().createJobQuery().jobId(id).singleResult();
        yield j == null ? null : j.getProcessInstanceId();
      }
      case "incident" -> {
        Incident i = engine.getRuntimeService().createIncidentQuery().incidentId(id).singleResult();
        yield i == null ? null : i.getProcessInstanceId();
      }
      default -> null;
    };
  }

  private String historicTask(String id) {
    HistoricTaskInstance t = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).singleResult();
    return t == null ? null : t.getProcessInstanceId();
  }

  private static String first(Map<String, String[]> params, String... names) {
    for (String name : names) {
      String[] values = params.get(name);
      if (values != null && values.length > 0 && !values[0].isBlank()) {
        return values[0].split(",")[0];
      }
    }
    return null;
  }
}
