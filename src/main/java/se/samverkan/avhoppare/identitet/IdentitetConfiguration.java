package se.samverkan.avhoppare.identitet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.avhoppare.organisation.AccountProperties;

/**
 * Identity keys come from the environment ({@code AVHOPPARE_IDENTITET_NYCKLAR},
 * {@code AVHOPPARE_IDENTITET_AKTIV_NYCKEL}). Only in the demo mode, when none is set, a key is
 * generated once into {@code ./data/identitet.key} (owner-only) beside the embedded database it
 * protects; outside the demo mode a missing key stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
class IdentitetConfiguration {

  @Bean
  IdentitetKeys identitetKeys(@Value("${avhoppare.identitet.nycklar:}") String spec,
      @Value("${avhoppare.identitet.aktiv-nyckel:}") String active,
      @Value("${avhoppare.identitet.demo-nyckelfil:./data/identitet.key}") Path demoKeyFile,
      AccountProperties accounts) {
    if (spec != null && !spec.isBlank()) {
      return IdentitetKeys.parse(spec, active);
    }
    if (!accounts.getDemo().isEnabled()) {
      throw new IllegalStateException("No identity encryption key: set AVHOPPARE_IDENTITET_NYCKLAR (id:base64 of 32 random "
          + "bytes, e.g. k1:$(head -c 32 /dev/urandom | base64)) and AVHOPPARE_IDENTITET_AKTIV_NYCKEL.");
    }
    return IdentitetKeys.parse("demo:" + demoKey(demoKeyFile), "demo");
  }

  private static String demoKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      String key = Base64.getEncoder().encodeToString(raw);
      Files.writeString(file, key);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file stays with the default permissions
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the demo identity key " + file, e);
    }
  }
}
