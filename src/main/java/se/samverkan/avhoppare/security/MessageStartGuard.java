package se.samverkan.avhoppare.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The process-definition-level guard behind {@link RouteAllowlist}: every message start event, of every
 * deployed process (the handover start of {@code arende}, the start of {@code uppdrag}, event subprocesses),
 * may be triggered only by the service itself, which sends messages without a user's authentication
 * (see {@code Meddelanden}) and records the disclosure. Needed because a caseworker's CREATE_INSTANCE on
 * {@code arende}, which the start form requires, would also let them correlate its message start event;
 * this holds whatever route a request takes, and for diagrams a process owner deploys later.
 */
@Component
public class MessageStartGuard extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "Ett ärende kan inte tas emot eller startas genom ett meddelande från en användare: "
      + "meddelanden mellan kommunerna skickas bara av tjänsten själv, som registrerar varje utlämnande.";

  private static final ExecutionListener ONLY_THE_SERVICE = execution -> {
    var commandContext = Context.getCommandContext();
    var authentication = commandContext == null ? null : commandContext.getAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      throw new AuthorizationException(MESSAGE);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
        if (startEvent.element("messageEventDefinition") != null) {
          activity.addListener(ExecutionListener.EVENTNAME_START, ONLY_THE_SERVICE);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
