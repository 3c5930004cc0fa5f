package se.samverkan.avhoppare.uppdrag;

/** The receiving municipality's assignment process: its key, element ids and variables. */
public final class UppdragProcess {

  public static final String KEY = "uppdrag";

  public static final String TASK_BESVARA = "UserTask_BesvaraForfragan";
  public static final String TASK_GENOMFORANDEPLAN = "UserTask_Genomforandeplan";

  public static final String TASK_HANDELSE = "UserTask_HandelseMottagande";
  public static final String TASK_BARN = "UserTask_BarnMottagande";
  public static final String TASK_BARN_FRAN_HEM = "UserTask_BarnFranHem";
  public static final String TASK_RAPPORT = "UserTask_RapportUppfoljning";
  public static final String TASK_UPPSAGNING_MOTTAGEN = "UserTask_UppsagningMottagen";
  public static final String TASK_BESLUT_AVTALSSLUT = "UserTask_BeslutAvtalsslutMottagande";

  public static final String END_AVBOJD = "EndEvent_Avbojd";
  /** Ended by the home municipality's message, with its recorded reason. */
  public static final String END_UPPDRAG_AVSLUTAT = "EndEvent_UppdragAvslutat";
  /** Ended by the receiving municipality itself (force majeure, or not completing when the agreement version ends). */
  public static final String END_AVSLUTAT_AV_MOTTAGANDE = "EndEvent_AvslutatAvMottagande";

  public static final String VAR_SVAR = "svar";
  public static final String VAR_FORFRAGAN = "forfraganSammanfattning";
  public static final String VAR_UPPDRAG = "uppdragSammanfattning";

  private UppdragProcess() {}
}
