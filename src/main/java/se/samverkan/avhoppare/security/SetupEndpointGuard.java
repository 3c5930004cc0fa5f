package se.samverkan.avhoppare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup API ({@code /camunda/api/admin/setup/…}) for good.
 *
 * <p>In 7.24.0 CE the setup endpoint creates an administrator whenever the {@code camunda-admin}
 * group has no direct user member, for example after members were moved into another group. Our
 * administrator is created from the environment at start-up, so the endpoint has no legitimate use.
 */
public class SetupEndpointGuard extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
    if (path.startsWith("/camunda/api/admin/setup")) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Installationsvägen är avstängd: administratörer skapas från miljön.");
      return;
    }
    chain.doFilter(request, response);
  }
}
