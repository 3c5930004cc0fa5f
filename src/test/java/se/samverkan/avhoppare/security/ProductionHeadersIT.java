package se.samverkan.avhoppare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;

/**
 * The production switches: the same environment variables an operator sets behind TLS. An *IT: its
 * properties make a second application context, and one JVM holds only one engine named "default".
 */
@H2IntegrationTest
@TestPropertySource(properties = {"AVHOPPARE_SECURE_COOKIES=true", "AVHOPPARE_HSTS_DISABLED=false"})
class ProductionHeadersIT {

  @LocalServerPort int port;

  @Test
  void hstsAndSecureCookiesAreOnWhenSwitchedOn() throws Exception {
    HttpResponse<String> page = new Http(port).get("/camunda/app/tasklist/");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
  }
}
