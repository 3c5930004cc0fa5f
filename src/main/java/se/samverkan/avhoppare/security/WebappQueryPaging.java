package se.samverkan.avhoppare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded queries ({@code queryMaxResultsLimit}), but Cockpit and Tasklist ask
 * some lists without {@code maxResults} — Cockpit's dashboard lists the process definitions that way,
 * and every user saw "Kommunikationsfel (400)" there. For the webapps' own engine API only
 * ({@code /camunda/api/engine/...}), a GET without {@code maxResults} gets the limit as its page size;
 * {@code /engine-rest} clients still pass {@code maxResults} themselves, as documented. Counts and
 * single resources ignore the parameter.
 */
class WebappQueryPaging extends OncePerRequestFilter {

  private final int limit;

  WebappQueryPaging(int limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equalsIgnoreCase(request.getMethod()) || request.getParameter("maxResults") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Paged(request, String.valueOf(limit)), response);
  }

  private static final class Paged extends HttpServletRequestWrapper {
    private final String maxResults;

    Paged(HttpServletRequest request, String maxResults) {
      super(request);
      this.maxResults = maxResults;
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString();
      return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + maxResults;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? maxResults : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
      map.put("maxResults", new String[] {maxResults});
      return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return "maxResults".equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
    }
  }
}
