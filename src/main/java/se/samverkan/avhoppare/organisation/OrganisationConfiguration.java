package se.samverkan.avhoppare.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

  @Bean
  Organisation organisation(OrganisationProperties properties) {
    return Organisation.from(properties);
  }
}
