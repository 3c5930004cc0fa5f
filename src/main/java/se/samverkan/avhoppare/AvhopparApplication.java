package se.samverkan.avhoppare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The workflow service for the inter-municipal defector exchange. The Camunda engine, its webapps
 * (Cockpit, Tasklist, Admin) and its REST API run embedded in this Spring Boot application.
 *
 * <p>Spring Boot's generated in-memory user is switched off: it would log a password at start-up,
 * and every login here goes through Camunda's identity service.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class AvhopparApplication {

  public static void main(String[] args) {
    SpringApplication.run(AvhopparApplication.class, args);
  }
}
