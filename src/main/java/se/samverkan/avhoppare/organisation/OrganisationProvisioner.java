package se.samverkan.avhoppare.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start-up and idempotently, the tenants, groups, memberships, authorizations and
 * task filters the organisation needs, the administrator, and (demo mode only) the demo users.
 * A second run changes nothing: what exists and matches is left alone; a grant whose permissions
 * drifted from the declaration is set back. Passwords of existing users are never touched.
 */
@Component
public class OrganisationProvisioner implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationProvisioner.class);

  /** Task filters every caseworker and manager sees in Tasklist, by name. */
  public static final String FILTER_MINA = "Mina uppgifter";
  public static final String FILTER_GRUPP = "Min grupps uppgifter";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final ProcessEngine processEngine;
  private final Organisation organisation;
  private final AccountProperties accounts;

  public OrganisationProvisioner(ProcessEngine processEngine, Organisation organisation, AccountProperties accounts) {
    this.processEngine = processEngine;
    this.identityService = processEngine.getIdentityService();
    this.authorizationService = processEngine.getAuthorizationService();
    this.filterService = processEngine.getFilterService();
    this.organisation = organisation;
    this.accounts = accounts;
  }

  @Override
  public void afterSingletonsInstantiated() {
    provision();
  }

  /** Runs the whole provisioning; returns how many things it created or corrected (0 on a re-run). */
  public synchronized int provision() {
    if (!accounts.getDemo().isEnabled() && !accounts.getAdmin().isConfigured()) {
      throw new MissingAdminCredentialsException();
    }
    int changes = 0;
    changes += provisionTenantsAndGroups();
    List<String> filterIds = provisionFilters();
    for (Grant grant : RoleAuthorizations.forOrganisation(organisation, filterIds)) {
      changes += ensureGrant(grant);
    }
    Map<String, String> newPasswords = new LinkedHashMap<>();
    changes += provisionAdmin(newPasswords);
    if (accounts.getDemo().isEnabled()) {
      changes += provisionDemoUsers(newPasswords);
    }
    printOnce(newPasswords);
    LOG.info("Organisation provisioned: {} municipalities, {} changes", organisation.kommuner().size(), changes);
    return changes;
  }

  private int provisionTenantsAndGroups() {
    int changes = 0;
    for (Kommun kommun : organisation.kommuner()) {
      changes += ensureTenant(kommun.id(), kommun.namn());
      for (Roll roll : Roll.values()) {
        String groupId = kommun.grupp(roll);
        changes += ensureGroup(groupId, roll.benamning() + " " + kommun.namn(), Groups.GROUP_TYPE_WORKFLOW);
        changes += ensureGroupTenantMembership(groupId, kommun.id());
      }
    }
    changes += ensureGroup(Roll.PROCESSAGARE_GRUPP, "Processägare", Groups.GROUP_TYPE_WORKFLOW);
    changes += ensureGroup(Roll.ADMIN_GRUPP, "Administratörer", Groups.GROUP_TYPE_SYSTEM);
    return changes;
  }

  private int ensureTenant(String id, String name) {
    Tenant tenant = identityService.createTenantQuery().tenantId(id).singleResult();
    if (tenant == null) {
      tenant = identityService.newTenant(id);
      tenant.setName(name);
      identityService.saveTenant(tenant);
      return 1;
    }
    if (!name.equals(tenant.getName())) {
      tenant.setName(name);
      identityService.saveTenant(tenant);
      return 1;
    }
    return 0;
  }

  private int ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      return 1;
    }
    if (!name.equals(group.getName()) || !type.equals(group.getType())) {
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      return 1;
    }
    return 0;
  }

  private int ensureGroupTenantMembership(String groupId, String tenantId) {
    if (identityService.createTenantQuery().groupMember(groupId).tenantId(tenantId).count() > 0) {
      return 0;
    }
    identityService.createTenantGroupMembership(tenantId, groupId);
    return 1;
  }

  private List<String> provisionFilters() {
    List<String> ids = new ArrayList<>();
    TaskQuery mina = processEngine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
    ids.add(ensureFilter(FILTER_MINA, "Uppgifter tilldelade mig", -10, mina));
    TaskQuery grupp = processEngine.getTaskService().createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    ids.add(ensureFilter(FILTER_GRUPP, "Uppgifter för mina grupper, tilldelade eller inte", 0, grupp));
    return ids;
  }

  private String ensureFilter(String name, String description, int priority, TaskQuery query) {
    Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
    return filter.getId();
  }

  private int ensureGrant(Grant grant) {
    List<Authorization> existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .list();
    if (existing.isEmpty()) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      authorization.setPermissions(grant.permissions());
      authorizationService.saveAuthorization(authorization);
      return 1;
    }
    Authorization authorization = existing.get(0);
    Set<String> current = permissionNames(authorization, grant);
    if (!current.equals(grant.permissionNames())) {
      authorization.setPermissions(grant.permissions());
      authorizationService.saveAuthorization(authorization);
      return 1;
    }
    return 0;
  }

  private static Set<String> permissionNames(Authorization authorization, Grant grant) {
    Permission[] all = org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(
        grant.resource().resourceType());
    Set<String> names = java.util.Arrays.stream(authorization.getPermissions(all))
        .map(Permission::getName).collect(Collectors.toSet());
    if (grant.permissionNames().contains("ALL") && authorization.isEveryPermissionGranted()) {
      return Set.of("ALL");
    }
    names.remove("NONE");
    return names;
  }

  private int provisionAdmin(Map<String, String> newPasswords) {
    AccountProperties.Admin admin = accounts.getAdmin();
    String userId = admin.isConfigured() ? admin.getUser() : "admin";
    int changes = 0;
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      String password = admin.isConfigured() ? admin.getPassword() : Passwords.generate();
      createUser(userId, "Administratör", "", password);
      if (!admin.isConfigured()) {
        newPasswords.put(userId, password);
      }
      changes++;
    }
    changes += ensureMembership(userId, Roll.ADMIN_GRUPP);
    return changes;
  }

  private int provisionDemoUsers(Map<String, String> newPasswords) {
    int changes = 0;
    for (Kommun kommun : organisation.kommuner()) {
      for (Roll roll : Roll.values()) {
        String userId = roll.suffix() + "." + kommun.id();
        changes += ensureDemoUser(userId, roll.benamning(), kommun.namn(), kommun.grupp(roll), newPasswords);
      }
    }
    changes += ensureDemoUser("processagare", "Processägare", "Demo", Roll.PROCESSAGARE_GRUPP, newPasswords);
    return changes;
  }

  private int ensureDemoUser(String userId, String firstName, String lastName, String groupId,
      Map<String, String> newPasswords) {
    int changes = 0;
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      String configured = accounts.getDemo().getPassword();
      String password = configured != null && !configured.isBlank() ? configured : Passwords.generate();
      createUser(userId, firstName, lastName, password);
      if (configured == null || configured.isBlank()) {
        newPasswords.put(userId, password);
      }
      changes++;
    }
    changes += ensureMembership(userId, groupId);
    return changes;
  }

  private void createUser(String userId, String firstName, String lastName, String password) {
    User user = identityService.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(password);
    identityService.saveUser(user);
  }

  private int ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
      return 0;
    }
    identityService.createMembership(userId, groupId);
    return 1;
  }

  /**
   * Generated passwords are shown once, on the console, when the account is created; they are not
   * written through the logging system and never shown again (only their hash is stored).
   */
  @SuppressWarnings("java:S106")
  private static void printOnce(Map<String, String> newPasswords) {
    if (newPasswords.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("\n==== New accounts (shown once; change them in Admin or set AVHOPPARE_DEMO_PASSWORD) ====\n");
    newPasswords.forEach((user, password) -> sb.append(String.format("  %-24s %s%n", user, password)));
    sb.append("==========================================================================================\n");
    System.out.print(sb);
    System.out.flush();
  }
}
