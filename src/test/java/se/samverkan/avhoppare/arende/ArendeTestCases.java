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
}
