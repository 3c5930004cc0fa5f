package se.samverkan.avhoppare.avtal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.avhoppare.organisation.Organisation;

@Configuration(proxyBeanMethods = false)
class AvtalConfiguration {

  @Bean
  AvtalRegister avtalRegister(AvtalProperties properties, Organisation organisation) {
    return new AvtalRegister(
        properties.getVersioner().stream().map(AvtalProperties.Version::toAvtalsversion).toList(),
        id -> organisation.part(id).isPresent());
  }
}
