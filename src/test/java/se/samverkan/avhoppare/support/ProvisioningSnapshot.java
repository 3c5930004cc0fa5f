package se.samverkan.avhoppare.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Everything the provisioning owns, as sorted text lines with database ids: two equal snapshots
 * mean nothing was created, changed or replaced in between. Users created by tests are left out.
 */
public final class ProvisioningSnapshot {

  private ProvisioningSnapshot() {}

  public static List<String> take(ProcessEngine engine) {
    TreeSet<String> lines = new TreeSet<>();
    var identity = engine.getIdentityService();
    for (Tenant tenant : identity.createTenantQuery().list()) {
      lines.add("tenant " + tenant.getId() + " " + tenant.getName());
      identity.createGroupQuery().memberOfTenant(tenant.getId()).list()
          .forEach(g -> lines.add("tenant-group " + tenant.getId() + " " + g.getId()));
    }
    for (Group group : identity.createGroupQuery().list()) {
      lines.add("group " + group.getId() + " " + group.getName() + " " + group.getType());
    }
    for (Authorization a : engine.getAuthorizationService().createAuthorizationQuery().list()) {
      if (a.getGroupId() != null) {
        lines.add("authorization " + a.getId() + " " + a.getAuthorizationType() + " " + a.getGroupId() + " "
            + a.getResourceType() + ":" + a.getResourceId() + " " + Arrays.toString(a.getPermissions(
                org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(a.getResourceType()))));
      }
    }
    engine.getFilterService().createFilterQuery().list()
        .forEach(f -> lines.add("filter " + f.getId() + " " + f.getName()));
    return new ArrayList<>(lines);
  }
}
