package se.samverkan.avhoppare.felsvar;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverkan.avhoppare.security.JsonErrors;

/**
 * Refuses, with a Swedish 400, request parameters no API can use and that would otherwise reach the
 * database as an error: paging that is not a whole number ≥ 0 ({@code firstResult}, {@code maxResults}),
 * and parameter names or values longer than any id, key or search the service has. Runs inside the
 * access log, so the refusal is logged.
 */
public class Indatavakt extends OncePerRequestFilter {

  static final int MAX_PARAMETER = 4000;
  private static final Pattern HELTAL = Pattern.compile("\\d{1,9}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null) {
      for (String del : query.split("&")) {
        int i = del.indexOf('=');
        String namn = i < 0 ? del : del.substring(0, i);
        String varde = i < 0 ? "" : del.substring(i + 1);
        if (namn.length() > 200 || varde.length() > MAX_PARAMETER) {
          JsonErrors.write(response, 400, "InvalidRequestException", "En parameter i adressen är för lång.");
          return;
        }
        if ((namn.equals("firstResult") || namn.equals("maxResults")) && !HELTAL.matcher(varde).matches()) {
          JsonErrors.write(response, 400, "InvalidRequestException",
              "Parametrarna 'firstResult' och 'maxResults' ska vara heltal, minst 0.");
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
