package se.samverkan.avhoppare.felsvar;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The input guard in front of every API, after authentication and the access log. */
@Configuration(proxyBeanMethods = false)
class FelsvarConfiguration {

  @Bean
  FilterRegistrationBean<Indatavakt> indatavakt() {
    FilterRegistrationBean<Indatavakt> bean = new FilterRegistrationBean<>(new Indatavakt());
    bean.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    bean.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 35);
    bean.setName("indatavakt");
    return bean;
  }
}
