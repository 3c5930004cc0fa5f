package se.samverkan.avhoppare.identitet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM (authenticated encryption, from the JDK) with a fresh 96-bit nonce per write. The case
 * reference, the home municipality and the key id are bound in as associated data: a ciphertext moved
 * to another case, or relabelled, fails authentication instead of decrypting.
 */
final class IdentitetCipher {

  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private IdentitetCipher() {}

  record Sealed(byte[] nonce, byte[] ciphertext) {}

  static Sealed seal(SecretKey key, String aad, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return new Sealed(nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  static byte[] open(SecretKey key, String aad, byte[] nonce, byte[] ciphertext) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("identity record failed authentication: tampered with, moved or wrong key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  static String aad(String arende, String hemkommun, String keyId) {
    return arende + "|" + hemkommun + "|" + keyId;
  }

  static byte[] encode(PersonIdentitet p) {
    byte[][] fields = {p.namn().getBytes(StandardCharsets.UTF_8), p.personnummer().getBytes(StandardCharsets.UTF_8),
        p.skyddsniva().name().getBytes(StandardCharsets.UTF_8)};
    ByteBuffer buffer = ByteBuffer.allocate(12 + fields[0].length + fields[1].length + fields[2].length);
    for (byte[] f : fields) {
      buffer.putInt(f.length).put(f);
    }
    return buffer.array();
  }

  static PersonIdentitet decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String[] fields = new String[3];
    for (int i = 0; i < 3; i++) {
      byte[] f = new byte[buffer.getInt()];
      buffer.get(f);
      fields[i] = new String(f, StandardCharsets.UTF_8);
    }
    return new PersonIdentitet(fields[0], fields[1], Skyddsniva.valueOf(fields[2]));
  }
}
