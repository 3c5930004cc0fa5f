package se.samverkan.avhoppare.avstamning;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Roll;

/**
 * The §8 reconciliation process ({@code processes/avstamning.bpmn}), read by the diagram as
 * {@code ${avstamning.…(execution)}}. An instance concerns one pair of municipalities and one
 * period and has no tenant: each side's manager gets a task in their own group
 * ({@code <kommun>-chef}); the groups come from the first calculation round in our table, never
 * from a variable a submission could change. Only aggregate money is in its variables.
 */
@Component("avstamning")
public class AvstamningProcess {

  public static final String KEY = "avstamning";
  /** The monthly check that starts a reconciliation for every ended half-year (same diagram). */
  public static final String KONTROLL_KEY = "avstamningskontroll";
  public static final String MESSAGE_HALVAR = "Avstamning_Halvar";
  public static final String TASK_BEKRAFTA_A = "UserTask_BekraftaKommunA";
  public static final String TASK_BEKRAFTA_B = "UserTask_BekraftaKommunB";
  public static final String TASK_KORRIGERA = "UserTask_KorrigeraUnderlag";

  public static final String VAR_AVTALSVERSION = "avtalsversion";
  public static final String VAR_KOMMUN_A = "kommunA";
  public static final String VAR_KOMMUN_B = "kommunB";
  public static final String VAR_PERIOD_START = "periodStart";
  public static final String VAR_PERIOD_SLUT = "periodSlut";
  public static final String VAR_BEGARD_AV = "begardAv";

  public static final String BEKRAFTAR = "BEKRAFTAR";
  public static final String BESTRIDER = "BESTRIDER";

  private final AvstamningRepository repository;

  public AvstamningProcess(AvstamningRepository repository) {
    this.repository = repository;
  }

  /** Candidate group of municipality A's managers. */
  public String chefA(DelegateExecution execution) {
    return Roll.CHEF.gruppFor(repository.hamta(execution.getProcessInstanceId()).kommunA());
  }

  /** Candidate group of municipality B's managers. */
  public String chefB(DelegateExecution execution) {
    return Roll.CHEF.gruppFor(repository.hamta(execution.getProcessInstanceId()).kommunB());
  }

  /** Both managers confirmed the current round. */
  public boolean bekraftadAvBada(DelegateExecution execution) {
    AvstamningRepository.Omgang o = repository.hamta(execution.getProcessInstanceId());
    return BEKRAFTAR.equals(o.svarA()) && BEKRAFTAR.equals(o.svarB());
  }

  /** The user doing this (a task completion or a start), for the record. */
  static String anvandare() {
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }

  /** The municipalities whose managers the user is one of. */
  static List<String> chefFor(List<Kommun> kommuner) {
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    if (auth == null || auth.getGroupIds() == null) {
      return List.of();
    }
    return kommuner.stream().map(k -> k.id()).filter(k -> auth.getGroupIds().contains(Roll.CHEF.gruppFor(k)))
        .toList();
  }
}
