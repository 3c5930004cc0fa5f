package se.samverkan.avhoppare.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import se.samverkan.avhoppare.organisation.Roll;

/**
 * Spring Security guards only the actuator: {@code /actuator/health} answers anyone with the bare
 * status; details, metrics and Prometheus need HTTP Basic as a member of {@code camunda-admin},
 * checked against Camunda's identity service (one user store for the whole service). Every other
 * path is guarded by Camunda's own authentication and is not matched by this chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActuatorSecurityConfiguration {

  static final String ACTUATOR_ROLE = "ACTUATOR";

  @Bean
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .anyRequest().hasRole(ACTUATOR_ROLE))
        .httpBasic(basic -> basic.realmName("avhoppare-utbyte"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
          throw new BadCredentialsException("Bad credentials");
        }
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId).toList();
        List<SimpleGrantedAuthority> authorities = groups.contains(Roll.ADMIN_GRUPP)
            ? List.of(new SimpleGrantedAuthority("ROLE_" + ACTUATOR_ROLE))
            : List.of();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }
}
