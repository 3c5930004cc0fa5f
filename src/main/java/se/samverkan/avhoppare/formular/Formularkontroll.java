package se.samverkan.avhoppare.formular;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a form submission is accepted: the task's (or start event's)
 * own deployed Camunda Form is its contract, and the {@link FormularRegel}s attached to that form id
 * add the domain rules. Called by the engine itself (see {@link FormularPlugin}), so every client —
 * Tasklist, /engine-rest, the Java API — meets the same checks.
 */
@Component
public class Formularkontroll {

  private final Map<String, List<FormularRegel>> regler = new HashMap<>();
  private final Map<String, Formkontrakt> cache = new ConcurrentHashMap<>();

  public Formularkontroll(List<FormularRegel> allaRegler) {
    for (FormularRegel r : allaRegler) {
      for (String form : r.formular()) {
        regler.computeIfAbsent(form, k -> new java.util.ArrayList<>()).add(r);
      }
    }
  }

  /** The rules attached to a form id (for tests and documentation). */
  public List<FormularRegel> regler(String form) {
    return regler.getOrDefault(form, List.of());
  }

  // --- a submission: before any variable is set ---

  /** Checks a task's submitted form; returns what may be stored (the visible fields), or refuses. */
  VariableMap taEmot(TaskEntity task, VariableMap inskickat) {
    Formkontrakt kontrakt = kontrakt(task);
    return kontrakt == null ? inskickat : taEmot(kontrakt, inskickat, task, task.getExecution(), task.getTaskDefinitionKey());
  }

  /** Checks a start form's submission on the new (not yet started) instance. */
  VariableMap taEmotStart(ExecutionEntity instans, VariableMap inskickat) {
    Formkontrakt kontrakt = startkontrakt(instans.getProcessDefinition(), instans);
    String aktivitet = instans.getProcessDefinition().getInitial() == null ? null : instans.getProcessDefinition().getInitial().getId();
    return kontrakt == null ? inskickat : taEmot(kontrakt, inskickat, instans, instans, aktivitet);
  }

  private VariableMap taEmot(Formkontrakt kontrakt, VariableMap inskickat, VariableScope scope, DelegateExecution execution,
      String aktivitet) {
    Map<String, TypedValue> typade = new LinkedHashMap<>();
    for (String nyckel : inskickat.keySet()) {
      typade.put(nyckel, inskickat.getValueTyped(nyckel));
    }
    Avvisning fel = new Avvisning(kontrakt);
    Granskning.Resultat r = Granskning.granska(kontrakt, typade, scope::getVariable, true, fel);
    Inlamning in = new Inlamning(kontrakt, r.varden(), scope, execution, aktivitet);
    regler(kontrakt.id()).forEach(regel -> regel.kontrollera(in, fel));
    fel.kontrollera();
    VariableMap ut = Variables.createVariables();
    r.synligaInskickade().forEach(k -> ut.putValueTyped(k, inskickat.getValueTyped(k)));
    return ut;
  }

  // --- completion: the values are set, in the same transaction ---

  /** At a task's completion: re-reads the form's values, checks them and the rules, then lets the rules record. */
  public void slutfor(DelegateTask task) {
    Formkontrakt kontrakt = kontrakt((TaskEntity) task);
    if (kontrakt != null) {
      slutfor(kontrakt, task, task.getExecution(), task.getTaskDefinitionKey());
    }
  }

  /** At the start event of an instance started with its start form. */
  public void slutforStart(DelegateExecution execution) {
    ExecutionEntity e = (ExecutionEntity) execution;
    Formkontrakt kontrakt = startkontrakt(e.getProcessDefinition(), e);
    if (kontrakt == null) {
      return;
    }
    // started without the form (e.g. POST …/start): only the form's keys and the initiator may be on the instance
    Object initiator = e.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    if (initiator == null && e.getActivity() != null) {
      initiator = e.getActivity().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    }
    Avvisning fel = new Avvisning(kontrakt);
    for (String namn : e.getVariableNamesLocal()) {
      if (kontrakt.falt(namn) == null && !namn.equals(initiator)) {
        fel.lagg(namn, "Fältet '" + Granskning.saker(namn) + "' finns inte i formuläret och kan inte tas emot.");
      }
    }
    fel.kontrollera();
    slutfor(kontrakt, execution, execution, execution.getCurrentActivityId());
  }

  private void slutfor(Formkontrakt kontrakt, VariableScope scope, DelegateExecution execution, String aktivitet) {
    Map<String, TypedValue> lagrade = new LinkedHashMap<>();
    for (String nyckel : kontrakt.nycklar()) {
      TypedValue v = scope.getVariableTyped(nyckel, false);
      if (v != null) {
        lagrade.put(nyckel, v);
      }
    }
    Avvisning fel = new Avvisning(kontrakt);
    Granskning.Resultat r = Granskning.granska(kontrakt, lagrade, scope::getVariable, false, fel);
    Inlamning in = new Inlamning(kontrakt, r.varden(), scope, execution, aktivitet);
    List<FormularRegel> formensRegler = regler(kontrakt.id());
    formensRegler.forEach(regel -> regel.kontrollera(in, fel));
    fel.kontrollera();
    formensRegler.forEach(regel -> regel.verkstall(in));
    if (!formensRegler.isEmpty()) {
      Set<String> kvar = new HashSet<>();
      formensRegler.forEach(regel -> kvar.addAll(regel.processvariabler()));
      for (String nyckel : kontrakt.nycklar()) {
        if (!kvar.contains(nyckel)) {
          scope.removeVariable(nyckel);
        }
      }
    }
  }

  // --- reading the deployed form ---

  Formkontrakt kontrakt(TaskEntity task) {
    TaskDefinition def = task.getTaskDefinition();
    if (def == null || def.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    ProcessDefinitionEntity process = task.getProcessDefinition();
    return las(def.getCamundaFormDefinitionKey(), def.getCamundaFormDefinitionBinding(), def.getCamundaFormDefinitionVersion(),
        process.getDeploymentId(), process.getTenantId(), task);
  }

  Formkontrakt startkontrakt(ProcessDefinitionEntity process, VariableScope scope) {
    FormDefinition def = process.getStartFormDefinition();
    if (def == null || def.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    return las(def.getCamundaFormDefinitionKey(), def.getCamundaFormDefinitionBinding(), def.getCamundaFormDefinitionVersion(),
        process.getDeploymentId(), process.getTenantId(), scope);
  }

  private Formkontrakt las(Expression nyckelUttryck, String bindning, Expression versionUttryck, String deployment, String tenant,
      VariableScope scope) {
    String nyckel = String.valueOf(nyckelUttryck.getValue(scope));
    CommandContext cc = Context.getCommandContext();
    CamundaFormDefinitionEntity def;
    if (bindning == null || DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(bindning)) {
      def = cc.getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(nyckel, tenant);
    } else if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(bindning)) {
      def = cc.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(deployment, nyckel);
    } else {
      Integer version = Integer.valueOf(String.valueOf(versionUttryck.getValue(scope)));
      def = cc.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(nyckel, version, tenant);
    }
    if (def == null) {
      throw new ProcessEngineException("Formuläret '" + nyckel + "' finns inte i driftsättningen; uppgiften kan inte kontrolleras.");
    }
    return cache.computeIfAbsent(def.getId(), id -> {
      ResourceEntity r = cc.getResourceManager().findResourceByDeploymentIdAndResourceName(def.getDeploymentId(), def.getResourceName());
      return Formkontrakt.las(new String(r.getBytes(), StandardCharsets.UTF_8));
    });
  }
}
