package se.samverkan.avhoppare.uppdrag;

/** The receiving municipality's assignment process: its key, element ids and variables. */
public final class UppdragProcess {

  public static final String KEY = "uppdrag";

  public static final String TASK_BESVARA = "UserTask_BesvaraForfragan";
  public static final String TASK_GENOMFORANDEPLAN = "UserTask_Genomforandeplan";

  public static final String END_AVBOJD = "EndEvent_Avbojd";
  public static final String END_PLAN_UPPRATTAD = "EndEvent_PlanUpprattad";

  public static final String VAR_SVAR = "svar";
  public static final String VAR_FORFRAGAN = "forfraganSammanfattning";
  public static final String VAR_UPPDRAG = "uppdragSammanfattning";

  private UppdragProcess() {}
}
