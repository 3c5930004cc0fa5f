package se.samverkan.avhoppare.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Contention between people never becomes a server error.
 *
 * <p>A user's command (an authenticated request: a form submitted, a task claimed) that loses an
 * optimistic-locking race is run again, in a new transaction, a few times: the first transaction was
 * rolled back whole (engine and our own tables), so a retry is safe, and it sees what the other
 * request committed. This is what lets both police consultations, submitted at the same moment, be
 * accepted although they meet at one parallel join: the retried one finds the other already arrived.
 * When two people complete the same task, the late one finds the task gone (directly, on the retry, or
 * through the refused grant the completed task no longer has): 404. If the race is still
 * lost after the last attempt: 409. Both with a Swedish message ({@link RaceLostException}). A form
 * submission that fails on executions another request restructured meanwhile (a stale read under READ
 * COMMITTED, seen as an engine error) is likewise run again; refusals (validation, authorization) are not.
 *
 * <p>Only outermost commands of an authenticated user: the job executor has its own optimistic-locking
 * handling (it retries jobs and must see the engine's exception), and the service's own calls without a
 * user are nested in a user's command or run by the job executor.
 */
@Component
public class RaceOutcomes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RaceOutcomes.class);

  private volatile int attempts;
  private ProcessEngineConfigurationImpl configuration;

  public RaceOutcomes(@Value("${avhoppare.samtidighet.forsok:4}") int attempts) {
    this.attempts = Math.max(1, attempts);
  }

  /** How many times a user's command runs at most when it loses an optimistic-locking race. */
  public int attempts() {
    return attempts;
  }

  /** For measurements (the concurrency test compares with a single attempt). */
  public void setAttempts(int attempts) {
    this.attempts = Math.max(1, attempts);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<CommandInterceptor> list = configuration.getCustomPreCommandInterceptorsTxRequired() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    list.add(0, new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(list);
  }

  private boolean userRequest() {
    var identity = configuration.getIdentityService();
    var authentication = identity == null ? null : identity.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null;
  }

  final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null || !userRequest()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException e) {
          if (attempt >= attempts) {
            LOG.info("{} lost a race {} time(s); answered 409", command.getClass().getSimpleName(), attempt);
            throw RaceLostException.conflict(e);
          }
          LOG.debug("{} lost a race (attempt {}); running it again", command.getClass().getSimpleName(), attempt);
          pause(attempt);
        } catch (AuthorizationException e) {
          // the winner's completion removed the task and, with it, the candidates' grants on it
          if (taskGone(e)) {
            throw RaceLostException.taskGone(e);
          }
          throw e;
        } catch (TaskAlreadyClaimedException e) {
          throw RaceLostException.alreadyClaimed(e);
        } catch (NullValueException e) {
          if (e.getMessage() != null && e.getMessage().startsWith("Cannot find task with id")) {
            throw RaceLostException.taskGone(e);
          }
          throw e;
        } catch (ProcessEngineException e) {
          // a stale read: another request's commit restructured this instance's executions while this one was
          // loading them lazily (observed on PostgreSQL when the other municipality's message started an event
          // subprocess: a NullPointerException in the engine, "cannot signal execution …: it has no current
          // activity"). Everything was rolled back, so run again on fresh data; a real fault fails the same way.
          if (attempt >= attempts || !submitsAForm(command) || !staleRead(e)) {
            throw e;
          }
          LOG.info("{} failed on data changed meanwhile (attempt {}); running it again", command.getClass().getSimpleName(), attempt);
          pause(attempt);
        }
      }
    }
  }

  private static boolean submitsAForm(Command<?> command) {
    return command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd || command instanceof SubmitStartFormCmd;
  }

  /**
   * Whether a failure may come from data another request changed meanwhile: any engine failure but a refusal
   * (a form's validation, an authorization, a bad request), which would only be refused again.
   */
  private static boolean staleRead(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof AuthorizationException
          || cause instanceof BadUserRequestException) {
        return false;
      }
    }
    return true;
  }

  /** Whether the authorization refused names a task that no longer exists (looked up as the service). */
  private boolean taskGone(AuthorizationException e) {
    List<String> tasks = e.getMissingAuthorizations() == null ? List.of() : e.getMissingAuthorizations().stream()
        .filter(m -> Resources.TASK.resourceName().equals(m.getResourceType()) && m.getResourceId() != null)
        .map(m -> m.getResourceId()).distinct().toList();
    if (tasks.isEmpty()) {
      return false;
    }
    var identity = configuration.getIdentityService();
    return EngineAuthentication.asService(identity, () -> tasks.stream()
        .allMatch(id -> configuration.getTaskService().createTaskQuery().taskId(id).count() == 0));
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
