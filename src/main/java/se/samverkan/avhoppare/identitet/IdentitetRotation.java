package se.samverkan.avhoppare.identitet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Key rotation at start-up: identities still encrypted under an older key are re-encrypted under
 * the active one. To rotate, add the new key to {@code AVHOPPARE_IDENTITET_NYCKLAR}, make it active,
 * restart; once the log says nothing is left, remove the old key and restart again.
 */
@Component
class IdentitetRotation implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitetRotation.class);
  private final IdentitetVault vault;
  private final IdentitetKeys keys;

  IdentitetRotation(IdentitetVault vault, IdentitetKeys keys) {
    this.vault = vault;
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    int rotated = vault.rotate();
    if (rotated > 0) {
      LOG.info("Re-encrypted {} personal identities under key '{}'; older keys are no longer needed", rotated, keys.activeId());
    }
  }
}
