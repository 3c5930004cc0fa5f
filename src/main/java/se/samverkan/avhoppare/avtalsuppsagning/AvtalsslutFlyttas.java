package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * After a §11 notice, running assignments to or from that municipality get the agreement's end
 * earlier ({@code ${flyttaAvtalsslut}}, run asynchronously by the job executor, which sees every
 * municipality's instances): their recorded version end moves to the notice's last day and their
 * waiting version-end timer moves to the start of the day after, where the existing decision
 * ("Besluta om uppdraget när avtalet upphör") follows.
 */
@Component("flyttaAvtalsslut")
public class AvtalsslutFlyttas implements JavaDelegate {

  /** The version-end timer in the home case (arende.bpmn). */
  public static final String AVTALSSLUT_TIMER = "CatchEvent_Avtalsslut";

  private final AvtalsuppsagningRepository repository;

  public AvtalsslutFlyttas(AvtalsuppsagningRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String version = (String) execution.getVariable("avtalsversion");
    String kommun = (String) execution.getVariable("uppsagandeKommun");
    LocalDate sistaDag = repository.uppsagning(version, kommun).orElseThrow().sistaDag();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    Date upphor = Date.from(sistaDag.plusDays(1).atStartOfDay(AvtalsuppsagningRepository.ZONE).toInstant());
    int flyttade = 0;
    for (AvtalsuppsagningRepository.Berord b : repository.pagaende(version, kommun, sistaDag)) {
      repository.flyttaAvtalsslut(b.arende(), sistaDag);
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey("arende").processInstanceBusinessKey(b.arende())
          .active().list()) {
        for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId(AVTALSSLUT_TIMER).timers().list()) {
          if (job.getDuedate() == null || job.getDuedate().after(upphor)) {
            management.setJobDuedate(job.getId(), upphor);
          }
        }
      }
      flyttade++;
    }
    execution.setVariable("flyttadeUppdrag", flyttade);
  }
}
