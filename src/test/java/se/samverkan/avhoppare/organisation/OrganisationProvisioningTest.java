package se.samverkan.avhoppare.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.ProvisioningSnapshot;
import se.samverkan.avhoppare.support.TestAccounts;

@H2IntegrationTest
class OrganisationProvisioningTest {

  @Autowired ProcessEngine engine;
  @Autowired OrganisationProvisioner provisioner;

  @Test
  void tenantsGroupsAndMembershipsExistAfterStartUp() {
    var identity = engine.getIdentityService();
    assertThat(identity.createTenantQuery().list()).extracting(t -> t.getId())
        .containsExactlyInAnyOrder("stockholm", "goteborg", "malmo");
    assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId()).contains(
        "stockholm-handlaggare", "stockholm-chef", "goteborg-handlaggare", "goteborg-chef",
        "malmo-handlaggare", "malmo-chef", "processagare", "camunda-admin");
    assertThat(identity.createTenantQuery().groupMember("malmo-handlaggare").list()).extracting(t -> t.getId())
        .containsExactly("malmo");
    assertThat(identity.createTenantQuery().groupMember("processagare").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
        .containsExactly(TestAccounts.ADMIN_USER);
  }

  @Test
  void noDemoUsersOutsideTheDemoMode() {
    assertThat(engine.getIdentityService().createUserQuery().userId("handlaggare.stockholm").count()).isZero();
  }

  @Test
  void eachRoleHasItsGrantsAndNoMore() {
    var auth = engine.getAuthorizationService();
    // caseworker: Tasklist, start a case, no Cockpit, no deployment
    assertThat(granted("stockholm-handlaggare", Resources.APPLICATION, "tasklist")).isNotNull();
    assertThat(granted("stockholm-handlaggare", Resources.APPLICATION, "cockpit")).isNull();
    assertThat(auth.isUserAuthorized("x", List.of("stockholm-handlaggare"), Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    assertThat(auth.isUserAuthorized("x", List.of("stockholm-handlaggare"), ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "arende")).isTrue();
    assertThat(auth.isUserAuthorized("x", List.of("stockholm-handlaggare"), ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, "arende")).isFalse();
    // manager: Cockpit, read instances and history, retry jobs, but not deploy or delete
    assertThat(granted("malmo-chef", Resources.APPLICATION, "cockpit")).isNotNull();
    for (var p : List.of(ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.RETRY_JOB)) {
      assertThat(auth.isUserAuthorized("x", List.of("malmo-chef"), p, Resources.PROCESS_DEFINITION, "arende")).as(p.getName()).isTrue();
    }
    assertThat(auth.isUserAuthorized("x", List.of("malmo-chef"), ProcessDefinitionPermissions.DELETE_INSTANCE,
        Resources.PROCESS_DEFINITION, "arende")).isFalse();
    assertThat(auth.isUserAuthorized("x", List.of("malmo-chef"), Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    // process owner: deploy and read definitions, no instances
    assertThat(auth.isUserAuthorized("x", List.of("processagare"), Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
    assertThat(auth.isUserAuthorized("x", List.of("processagare"), ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, "arende")).isFalse();
    // admin: everything
    assertThat(auth.isUserAuthorized("x", List.of("camunda-admin"), Permissions.ALL, Resources.USER)).isTrue();
  }

  private Authorization granted(String group, Resources resource, String resourceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
  }

  @Test
  void aSecondRunChangesNothing() {
    List<String> before = ProvisioningSnapshot.take(engine);
    assertThat(provisioner.provision()).isZero();
    assertThat(ProvisioningSnapshot.take(engine)).isEqualTo(before);
    assertThat(before).anyMatch(l -> l.startsWith("filter ") && l.endsWith(OrganisationProvisioner.FILTER_MINA));
  }

  @Test
  void aGrantThatDriftedIsSetBack() {
    Authorization grant = granted("goteborg-chef", Resources.PROCESS_DEFINITION, "*");
    grant.addPermission(ProcessDefinitionPermissions.DELETE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(grant);

    assertThat(provisioner.provision()).isEqualTo(1);
    assertThat(granted("goteborg-chef", Resources.PROCESS_DEFINITION, "*")
        .isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE)).isFalse();
    assertThat(provisioner.provision()).isZero();
  }
}
