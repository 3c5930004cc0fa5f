package se.samverkan.avhoppare.oversikt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * HTTP Basic for {@code /api}, as before; in addition a read ({@code GET}) of the managers' overview
 * ({@code /api/oversikt…}) without a Basic header is accepted with the user already logged in to the
 * webapps (the Cockpit plugin's request), with the user, groups and tenants that login holds. No
 * other path and no other method accepts the session, so nothing that changes data can be driven
 * by the session cookie.
 */
public class SessionOrBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  /** The overview's paths below /api, exactly (the container's decoded, normalised path: no "..", no ";"). */
  static final java.util.Set<String> OVERSIKT = java.util.Set.of("/oversikt", "/oversikt.csv");

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader("Authorization") == null && "GET".equals(request.getMethod()) && "/api".equals(request.getServletPath())
        && OVERSIKT.contains(request.getPathInfo())) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        Authentication a = auths == null ? null : auths.getAuthenticationForProcessEngine(engine.getName());
        if (a instanceof UserAuthentication u && u.getIdentityId() != null) {
          AuthenticationResult result = AuthenticationResult.successful(u.getIdentityId());
          result.setGroups(u.getGroupIds());
          result.setTenants(u.getTenantIds());
          return result;
        }
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
