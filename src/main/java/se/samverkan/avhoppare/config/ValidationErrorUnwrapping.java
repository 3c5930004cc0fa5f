package se.samverkan.avhoppare.config;

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
 * Runs outside the transaction, so the rollback has happened: the task stays open.
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

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException validation) {
            throw validation;
          }
        }
        throw e;
      }
    }
  }
}
