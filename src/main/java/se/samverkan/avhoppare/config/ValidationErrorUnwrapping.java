package se.samverkan.avhoppare.config;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a refused form reach the client as what it is. The engine wraps an exception thrown by a task
 * listener (ENGINE-03051), and /engine-rest answers a wrapped one with 500; unwrapped, a
 * {@link FormFieldValidationException} is a 400 with our Swedish message, on every task completion.
 * Runs outside the transaction, so the rollback has happened: the task stays open. Likewise a tenant
 * check's refusal of another municipality's instance (ENGINE-13034) is an authorization refusal, 403.
 */
@Component
public class ValidationErrorUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(withUnwrapper(configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  private static java.util.List<CommandInterceptor> withUnwrapper(java.util.List<CommandInterceptor> existing) {
    java.util.List<CommandInterceptor> list = existing == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(existing);
    list.add(0, new Unwrapper());
    return list;
  }

  /** The engine's message code when the tenant check refuses an instance, task or job. */
  static final String TENANT_CHECK = "ENGINE-13034";

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (AuthorizationException e) {
        throw e;
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException validation) {
            throw validation;
          }
        }
        if (e.getClass() == ProcessEngineException.class && e.getMessage() != null && e.getMessage().startsWith(TENANT_CHECK)) {
          // another municipality's instance: a refusal (403), not a server error (500)
          throw new AuthorizationException(e.getMessage());
        }
        throw e;
      }
    }
  }
}
