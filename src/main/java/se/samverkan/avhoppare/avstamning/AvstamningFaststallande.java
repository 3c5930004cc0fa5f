package se.samverkan.avhoppare.avstamning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the round both managers confirmed as the reconciliation's final, immutable result ({@code ${faststallAvstamning}}). */
@Component("faststallAvstamning")
public class AvstamningFaststallande implements JavaDelegate {

  private final AvstamningRepository repository;

  public AvstamningFaststallande(AvstamningRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    repository.faststall(repository.hamta(execution.getProcessInstanceId()));
  }
}
