package se.samverkan.avhoppare.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.avhoppare.identitet.IdentitetResource;
import se.samverkan.avhoppare.oversikt.OversiktResource;
import se.samverkan.avhoppare.oversikt.SessionOrBasicAuthenticationProvider;
import se.samverkan.avhoppare.security.accesslog.LoggkontrollResource;

/**
 * The service's own API under {@code /api}, beside Camunda's: a Jersey servlet (the JAX-RS stack the
 * engine REST API already uses) behind the same HTTP Basic authentication as {@code /engine-rest},
 * so login throttling and the user's groups and tenants are Camunda's.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  ServletRegistrationBean<ServletContainer> avhoppareApi() {
    ResourceConfig config = new ResourceConfig();
    // classes, not instances: jersey-spring6 hands Jersey these @Component singletons from Spring (registered as
    // instances, Jersey warned at every start that they "will be ignored" as providers)
    config.registerClasses(LoggkontrollResource.class, IdentitetResource.class, OversiktResource.class);
    ServletRegistrationBean<ServletContainer> bean = new ServletRegistrationBean<>(new ServletContainer(config), "/api/*");
    bean.setName("avhoppareApi");
    bean.setLoadOnStartup(1);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = WebSecurityConfiguration.basicAuthentication("apiAuthentication", "/api");
    // the managers' overview may also be read with the Cockpit session (GET only, that path only)
    bean.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SessionOrBasicAuthenticationProvider.class.getName());
    return bean;
  }
}
