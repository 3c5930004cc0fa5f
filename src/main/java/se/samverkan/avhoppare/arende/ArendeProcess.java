package se.samverkan.avhoppare.arende;

/** The home municipality's case process: its key, element ids, messages and routing variables. */
public final class ArendeProcess {

  public static final String KEY = "arende";

  // messages
  public static final String MSG_OVERLAMNAT = "ArendeOverlamnat";
  public static final String MSG_UPPDRAGSFORFRAGAN = "Uppdragsforfragan";
  public static final String MSG_ACCEPTERAD = "ForfraganAccepterad";
  public static final String MSG_AVBOJD = "ForfraganAvbojd";
  public static final String MSG_UPPDRAG_BESLUTAT = "UppdragBeslutat";
  public static final String MSG_PLAN_KLAR = "GenomforandeplanKlar";
  public static final String MSG_RAPPORT_BEGARD = "UppfoljningsrapportBegard";
  public static final String MSG_RAPPORT = "Uppfoljningsrapport";
  public static final String MSG_UPPSAGNING_FRAN_HEM = "UppsagningFranHemkommunen";
  public static final String MSG_UPPSAGNING_FRAN_MOTTAGANDE = "UppsagningFranMottagandeKommun";
  public static final String MSG_BARN_FRAN_HEM = "BarnIBildenFranHemkommunen";
  public static final String MSG_BARN_FRAN_MOTTAGANDE = "BarnIBildenFranMottagandeKommun";
  public static final String MSG_AVTALSSLUT = "AvtalsversionenUpphor";
  public static final String MSG_UPPDRAG_AVSLUTAT = "UppdragAvslutat";
  public static final String MSG_AVSLUT_BEGART = "UppdragAvslutasAvMottagandeKommun";
  public static final String MSG_FORCE_MAJEURE = "ForceMajeure";

  // user tasks
  public static final String TASK_TA_EMOT_OVERLAMNAT = "UserTask_TaEmotOverlamnat";
  public static final String TASK_TILLHORIGHET = "UserTask_Tillhorighetsutredning";
  public static final String TASK_POLISENS_RAD = "UserTask_BekraftaPolisensRad";
  public static final String TASK_VALJ_KOMMUN = "UserTask_ValjMottagandeKommun";
  public static final String TASK_KVOTUNDANTAG = "UserTask_GodkannUndantag";
  public static final String TASK_SAMRAD_HEM = "UserTask_SamradPolisHem";
  public static final String TASK_SAMRAD_MOTTAGANDE = "UserTask_SamradPolisMottagande";
  public static final String TASK_PAMINNELSE_HEM = "UserTask_PaminnelseSamradHem";
  public static final String TASK_PAMINNELSE_MOTTAGANDE = "UserTask_PaminnelseSamradMottagande";
  public static final String TASK_POLISSKYDD = "UserTask_Polisskydd";
  public static final String TASK_SAMRAD_AVRADER = "UserTask_SamradAvrader";
  public static final String TASK_PAMINN_SVAR = "UserTask_PaminnSvar";
  public static final String TASK_FORFRAGAN_AVBOJD = "UserTask_ForfraganAvbojd";
  public static final String TASK_UPPDRAGSBESKRIVNING = "UserTask_Uppdragsbeskrivning";
  public static final String TASK_BESLUT = "UserTask_BeslutOmInsatser";
  public static final String TASK_UPPFOLJNING = "UserTask_Uppfoljning";
  public static final String TASK_HANDELSE = "UserTask_HandelseHem";
  public static final String TASK_BARN = "UserTask_BarnHem";
  public static final String TASK_BARN_FRAN_MOTTAGANDE = "UserTask_BarnFranMottagande";
  public static final String TASK_UPPSAGNING_MOTTAGEN = "UserTask_UppsagningMottagenHem";
  public static final String TASK_BESLUT_AVTALSSLUT = "UserTask_BeslutAvtalsslut";
  public static final String TASK_SLUTUPPFOLJNING = "UserTask_Slutuppfoljning";
  public static final String TASK_FORCE_MAJEURE = "UserTask_ForceMajeure";

  // end events: each names its outcome
  public static final String END_UTANFOR_AVTALET = "EndEvent_UtanforAvtalet";
  public static final String END_OVERLAMNAT = "EndEvent_Overlamnat";
  public static final String END_EJ_I_MALGRUPP = "EndEvent_EjIMalgrupp";
  public static final String END_POLISEN_AVRADER = "EndEvent_PolisenAvrader";
  public static final String END_INGEN_MOTTAGARE = "EndEvent_IngenMottagare";
  public static final String END_AVSLUTAT_ENLIGT_PLAN = "EndEvent_AvslutatEnligtPlan";
  public static final String END_UPPSAGT = "EndEvent_Uppsagt";
  public static final String END_AVBRUTET = "EndEvent_Avbrutet";
  public static final String END_AVTALSVERSION_UPPHORT = "EndEvent_AvtalsversionUpphort";
  public static final String END_FORCE_MAJEURE = "EndEvent_ForceMajeure";

  public static final String ERROR_EJ_I_MALGRUPP = "EJ_I_MALGRUPP";

  // routing variables: references and the facts gateways route on, nothing about the person
  public static final String VAR_REFERENS = "arendeReferens";
  public static final String VAR_HEMKOMMUN = "hemkommun";
  public static final String VAR_AVTALSVERSION = "avtalsversion";
  public static final String VAR_HOTBILD = "hotbild";
  public static final String VAR_TILLHORIGHET = "tillhorighet";
  public static final String VAR_OVERLAMNAS_TILL = "overlamnasTill";
  public static final String VAR_MOTTAGANDE_KOMMUN = "mottagandeKommun";
  public static final String VAR_KVOTOVERSIKT = "kvotoversikt";
  public static final String VAR_KVOT_OVERSKRIDEN = "kvotOverskriden";
  public static final String VAR_UNDANTAG_GODKANT = "undantagGodkant";
  public static final String VAR_SAMRAD_HEM_STODJER = "samradHemStodjer";
  public static final String VAR_SAMRAD_MOTTAGANDE_STODJER = "samradMottagandeStodjer";
  public static final String VAR_FORTSATTNING = "fortsattning";
  public static final String VAR_AVSLUTSORSAK = "avslutsorsak";
  public static final String VAR_OVERLAMNAT_FRAN = "overlamnatFran";
  public static final String VAR_HANDELSE = "handelse";
  public static final String VAR_AVSLUTSTYP = "avslutstyp";
  public static final String VAR_AVTALSSLUT_BESLUT = "avtalsslutBeslut";
  public static final String VAR_UPPFOLJNING_OMGANG = "uppfoljningOmgang";
  public static final String VAR_UPPFOLJNINGSRAPPORT = "uppfoljningsrapport";

  private ArendeProcess() {}
}
