package se.samverkan.avhoppare.arende;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Real cases for tests outside this package (security, identity): a started Stockholm case. */
public final class ArendeTestCases {

  private ArendeTestCases() {}

  public static ProcessInstance startaStockholmsArende(ProcessEngine engine) {
    ProcessInstance pi = new ArendeFixture(engine).starta("stockholm", ArendeFixture.aktualisering());
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
  }

  /**
   * A Stockholm case the receiving municipality has accepted: it counts in both municipalities' quota
   * and balance for the 2026 agreement (the browser test uses two of them to reach the quota).
   */
  public static ProcessInstance accepteratStockholmsArende(ProcessEngine engine, String mottagare) {
    ArendeFixture fixture = new ArendeFixture(engine);
    ProcessInstance pi = fixture.starta("stockholm", ArendeFixture.aktualisering());
    fixture.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN",
        "tillhorighetMotivering", "Folkbokförd i Stockholm");
    fixture.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", mottagare);
    if (fixture.task(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG) != null) {
      fixture.gor(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "GODKANN", "undantagMotivering", "Test");
    }
    fixture.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, ArendeFixture.samrad("STODJER"));
    fixture.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, ArendeFixture.samrad("STODJER"));
    fixture.polisskydd(pi); // the consultations assess a high threat: the police protection step comes first
    ProcessInstance uppdrag = fixture.uppdrag(fixture.referens(pi));
    fixture.gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    return pi;
  }
}
