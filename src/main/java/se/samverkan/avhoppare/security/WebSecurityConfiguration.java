package se.samverkan.avhoppare.security;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of Camunda's own surfaces. Order matters: the guards against the two
 * known 7.24.0 flaws run first, then HTTP Basic authentication of the engine REST API (Camunda's
 * own filter, which also sets the authenticated user and groups for the authorization check).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  static final String[] ENGINE_REST = {"/engine-rest/*"};
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
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.addUrlPatterns(ENGINE_REST);
    bean.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    bean.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    bean.setName("engineRestAuthentication");
    return bean;
  }
}
