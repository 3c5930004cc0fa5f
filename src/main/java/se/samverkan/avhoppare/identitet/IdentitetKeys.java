package se.samverkan.avhoppare.identitet;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption keys for personal identities: {@code AVHOPPARE_IDENTITET_NYCKLAR} as
 * {@code id:base64,id:base64} (each 32 random bytes) and {@code AVHOPPARE_IDENTITET_AKTIV_NYCKEL}
 * naming the one new data is encrypted with. Older keys stay listed until {@link IdentitetVault#rotate()}
 * has re-encrypted everything under the active one.
 */
public final class IdentitetKeys {

  private final Map<String, SecretKey> keys;
  private final String active;

  public IdentitetKeys(Map<String, SecretKey> keys, String active) {
    if (!keys.containsKey(active)) {
      throw new IllegalArgumentException("the active identity key '" + active + "' is not among the configured keys");
    }
    this.keys = Map.copyOf(keys);
    this.active = active;
  }

  public static IdentitetKeys parse(String spec, String active) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no identity keys configured");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,32}")) {
        throw new IllegalArgumentException("identity keys must be written id:base64,id:base64");
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("identity key '" + parts[0] + "' is not valid base64");
      }
      if (raw.length != 32) {
        throw new IllegalArgumentException("identity key '" + parts[0] + "' must be 32 bytes (AES-256), not " + raw.length);
      }
      keys.put(parts[0], new SecretKeySpec(raw, "AES"));
    }
    String chosen = active == null || active.isBlank() ? keys.keySet().iterator().next() : active.strip();
    return new IdentitetKeys(keys, chosen);
  }

  public String activeId() {
    return active;
  }

  public SecretKey active() {
    return keys.get(active);
  }

  public SecretKey key(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException("identity key '" + id + "' is no longer configured: the data it encrypted cannot be read");
    }
    return key;
  }

  @Override
  public String toString() {
    return "IdentitetKeys[" + keys.keySet() + ", active=" + active + "]";
  }
}
