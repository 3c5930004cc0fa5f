package se.samverkan.avhoppare.organisation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** One authorization the service provisions: a group is granted these permissions on a resource. */
public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {

  public Set<String> permissionNames() {
    return Arrays.stream(permissions).map(Permission::getName).collect(Collectors.toSet());
  }

  @Override
  public String toString() {
    return groupId + " " + resource.resourceName() + ":" + resourceId + " " + permissionNames();
  }
}
