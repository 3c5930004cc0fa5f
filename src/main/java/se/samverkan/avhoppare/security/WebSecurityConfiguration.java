package se.samverkan.avhoppare.security;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import se.samverkan.avhoppare.security.accesslog.AccessLog;
import se.samverkan.avhoppare.security.accesslog.AccessLogFilter;
import se.samverkan.avhoppare.security.accesslog.CaseResolver;

/**
 * The servlet filters in front of Camunda's own surfaces. Order matters: the guards against the two
 * known 7.24.0 flaws run first, then HTTP Basic authentication of the engine REST API (Camunda's
 * own filter, which also sets the authenticated user and groups for the authorization check).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  static final String[] ALL_APIS = {"/engine-rest/*", "/camunda/api/*"};

  @Bean
  FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard() {
    FilterRegistrationBean<SetupEndpointGuard> bean = new FilterRegistrationBean<>(new SetupEndpointGuard());
    bean.addUrlPatterns("/camunda/*");
    bean.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    bean.setName("setupEndpointGuard");
    return bean;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
    FilterRegistrationBean<QueryExpressionGuard> bean = new FilterRegistrationBean<>(new QueryExpressionGuard());
    bean.addUrlPatterns(ALL_APIS);
    bean.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    bean.setName("queryExpressionGuard");
    return bean;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engineRestAuthentication", "/engine-rest");
  }

  /** Camunda's HTTP Basic filter: sets the user, groups and tenants for the engine's checks. */
  static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name, String prefix) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.addUrlPatterns(prefix + "/*");
    bean.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    bean.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix);
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    bean.setName(name);
    return bean;
  }

  /** Inside the REST authentication (a higher order runs later), so the user is known when it logs. */
  @Bean
  FilterRegistrationBean<AccessLogFilter> accessLogFilter(ProcessEngine engine, CaseResolver resolver, AccessLog log) {
    FilterRegistrationBean<AccessLogFilter> bean = new FilterRegistrationBean<>(new AccessLogFilter(engine, resolver, log));
    bean.addUrlPatterns(ALL_APIS);
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    bean.setName("accessLogFilter");
    return bean;
  }

  /** The webapps' list requests without a page size get the engine's limit (see WebappQueryPaging); after the guards and the log. */
  @Bean
  FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(
      @org.springframework.beans.factory.annotation.Value("${camunda.bpm.generic-properties.properties.queryMaxResultsLimit:2000}") int limit) {
    FilterRegistrationBean<WebappQueryPaging> bean = new FilterRegistrationBean<>(new WebappQueryPaging(limit));
    bean.addUrlPatterns("/camunda/api/engine/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 40); // inside the access log: it records what the user sent
    bean.setName("webappQueryPaging");
    return bean;
  }

  /** Inside the access log (a higher order runs later), so every refusal is logged with its 403. */
  @Bean
  FilterRegistrationBean<RouteAllowlist> routeAllowlist(ProcessEngine engine) {
    FilterRegistrationBean<RouteAllowlist> bean = new FilterRegistrationBean<>(new RouteAllowlist(engine));
    bean.addUrlPatterns(ALL_APIS);
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 35);
    bean.setName("routeAllowlist");
    return bean;
  }
}
