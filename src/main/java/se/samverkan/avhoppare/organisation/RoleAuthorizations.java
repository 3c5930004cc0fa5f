package se.samverkan.avhoppare.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do, and no more. Tasks need no grant here: Camunda grants a task's candidate
 * groups READ and TASK_WORK on that task when it is created, and the tenant check limits every
 * query to the user's own municipality.
 *
 * <ul>
 *   <li>caseworker: Tasklist; start a home case ({@code arende}); read the definitions of both
 *       processes (name and diagram of their tasks' process, no instances); read the task filters.
 *   <li>manager: Cockpit and Tasklist; read definitions, instances, tasks and history of their own
 *       municipality (the tenant check), retry failed jobs; start a §8 reconciliation and record a
 *       §11 notice (processes without tenant, holding no case data).
 *   <li>process owner: Cockpit; deploy and read definitions (shared, without tenant).
 *   <li>administrator: everything (Camunda's admin group).
 * </ul>
 */
public final class RoleAuthorizations {

  /** Key of the home municipality's case process: the one process a caseworker starts. */
  public static final String ARENDE_PROCESS = "arende";
  /** The managers' processes: §8 reconciliation and §11 notice of the agreement. */
  public static final String AVSTAMNING_PROCESS = "avstamning";
  public static final String AVTALSUPPSAGNING_PROCESS = "avtalsuppsagning";

  /** Key of the receiving municipality's assignment process (its instances are started by the service). */
  public static final String UPPDRAG_PROCESS = "uppdrag";

  private RoleAuthorizations() {}

  public static List<Grant> forOrganisation(Organisation organisation, List<String> filterIds) {
    List<Grant> grants = new ArrayList<>();
    for (Kommun kommun : organisation.kommuner()) {
      String handlaggare = kommun.grupp(Roll.HANDLAGGARE);
      grants.add(new Grant(handlaggare, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(handlaggare, Resources.PROCESS_DEFINITION, ARENDE_PROCESS,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(handlaggare, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      // the receiving side's tasks belong to uppdrag: Tasklist shows its name and diagram (the shared
      // definition only; its instances stay unreadable, as do arende's)
      grants.add(new Grant(handlaggare, Resources.PROCESS_DEFINITION, UPPDRAG_PROCESS, ProcessDefinitionPermissions.READ));

      String chef = kommun.grupp(Roll.CHEF);
      grants.add(new Grant(chef, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      grants.add(new Grant(chef, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(chef, Resources.PROCESS_DEFINITION, ANY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.RETRY_JOB));
      grants.add(new Grant(chef, Resources.DEPLOYMENT, ANY, Permissions.READ));
      // §8 reconciliation on demand and §11 notice of the agreement: started by managers only
      grants.add(new Grant(chef, Resources.PROCESS_DEFINITION, AVSTAMNING_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(chef, Resources.PROCESS_DEFINITION, AVTALSUPPSAGNING_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(chef, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

      for (String filterId : filterIds) {
        grants.add(new Grant(handlaggare, Resources.FILTER, filterId, Permissions.READ));
        grants.add(new Grant(chef, Resources.FILTER, filterId, Permissions.READ));
      }
    }
    String processagare = Roll.PROCESSAGARE_GRUPP;
    grants.add(new Grant(processagare, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(processagare, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
    grants.add(new Grant(processagare, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(processagare, Resources.DECISION_DEFINITION, ANY, Permissions.READ));

    for (Resource resource : Resources.values()) {
      grants.add(new Grant(Roll.ADMIN_GRUPP, resource, ANY, Permissions.ALL));
    }
    return grants;
  }
}
