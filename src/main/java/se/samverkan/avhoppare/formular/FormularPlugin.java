package se.samverkan.avhoppare.formular;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link Formularkontroll} into the engine for every user task and process start event that has
 * a Camunda Form ({@code camunda:formRef}), in any diagram deployed now or later:
 * <ul>
 * <li>the form handler checks a submission before any variable is set, so a refused value is never
 * stored, not even in history (the refusal also rolls the transaction back);</li>
 * <li>a completion (start) listener re-checks what was set (whatever API set it) and lets the form's
 * rules record the data; a task that already names {@code ${uppgiftsvalidering}} (the start event
 * {@code ${aktualiseringListener}}) gets no second one;</li>
 * <li>every {@code .form} in a deployment is read as a contract when it is deployed or loaded at
 * start-up: a form with something the server cannot enforce (an unsupported expression or field
 * type) fails the deployment with the reason, instead of being half-checked.</li>
 * </ul>
 */
@Component
public class FormularPlugin extends AbstractProcessEnginePlugin {

  static final String UPPGIFTSLYSSNARE = "${uppgiftsvalidering}";
  static final String STARTLYSSNARE = "${aktualiseringListener}";

  private final ObjectProvider<Formularkontroll> kontroll;

  public FormularPlugin(ObjectProvider<Formularkontroll> kontroll) {
    this.kontroll = kontroll;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> lyssnare = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    lyssnare.add(new Tolkning());
    configuration.setCustomPostBPMNParseListeners(lyssnare);
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new FormularDeployer());
    configuration.setCustomPreDeployers(deployers);
  }

  /** Reads every form of a deployment as a contract; an unenforceable form fails the deployment. */
  static final class FormularDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (deployment.getResources() == null) {
        return;
      }
      for (ResourceEntity r : deployment.getResources().values()) {
        if (r.getName() != null && r.getName().endsWith(".form")) {
          try {
            Formkontrakt.las(new String(r.getBytes(), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw new OgiltigtFormularException("Formuläret " + r.getName() + " kan inte driftsättas: servern kan inte kontrollera det ("
                + e.getMessage() + ").");
          }
        }
      }
    }
  }

  private final class Tolkning extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      TaskDefinition def = behavior.getTaskDefinition();
      if (def.getCamundaFormDefinitionKey() == null) {
        return;
      }
      def.setTaskFormHandler(new KontrolleradUppgift(def.getTaskFormHandler()));
      List<TaskListener> befintliga = def.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
      boolean harRedan = befintliga != null && befintliga.stream()
          .anyMatch(l -> l instanceof DelegateExpressionTaskListener d && UPPGIFTSLYSSNARE.equals(d.getExpressionText()));
      if (!harRedan) {
        def.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> kontroll.getObject().slutfor(task));
      }
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
      if (process.getStartFormDefinition() == null || process.getStartFormDefinition().getCamundaFormDefinitionKey() == null) {
        return;
      }
      process.setStartFormHandler(new KontrolleradStart(process.getStartFormHandler()));
      ActivityImpl start = process.getInitial();
      if (start == null) {
        return;
      }
      List<DelegateListener<?>> befintliga = start.getListeners(ExecutionListener.EVENTNAME_START) == null ? List.of()
          : new ArrayList<>(start.getListeners(ExecutionListener.EVENTNAME_START));
      boolean harRedan = befintliga.stream()
          .anyMatch(l -> l instanceof DelegateExpressionExecutionListener d && STARTLYSSNARE.equals(d.getExpressionText()));
      if (!harRedan) {
        start.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> kontroll.getObject().slutforStart(e));
      }
    }
  }

  private final class KontrolleradUppgift implements TaskFormHandler {
    private final TaskFormHandler inre;

    KontrolleradUppgift(TaskFormHandler inre) {
      this.inre = inre;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return inre.createTaskForm(task);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
      inre.parseConfiguration(element, deployment, process, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      inre.submitFormVariables(kontroll.getObject().taEmot((TaskEntity) scope, properties), scope);
    }
  }

  private final class KontrolleradStart implements StartFormHandler {
    private final StartFormHandler inre;

    KontrolleradStart(StartFormHandler inre) {
      this.inre = inre;
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity process) {
      return inre.createStartFormData(process);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
      inre.parseConfiguration(element, deployment, process, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      inre.submitFormVariables(kontroll.getObject().taEmotStart((ExecutionEntity) scope, properties), scope);
    }
  }
}
