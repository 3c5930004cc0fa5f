package se.samverkan.avhoppare.identitet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.support.TestAccounts;

class IdentitetCipherTest {

  private final IdentitetKeys keys = IdentitetKeys.parse("a:" + key() + ",b:" + key(), "b");
  private final PersonIdentitet anna = PersonIdentitet.of("Anna Andersson", "19811218-9876", Skyddsniva.FINGERADE_PERSONUPPGIFTER);

  private static String key() {
    return Base64.getEncoder().encodeToString(TestAccounts.randomBytes(32));
  }

  @Test
  void roundTripWithAFreshNonceEachTime() {
    String aad = IdentitetCipher.aad("AVH-1", "stockholm", "b");
    IdentitetCipher.Sealed one = IdentitetCipher.seal(keys.active(), aad, IdentitetCipher.encode(anna));
    IdentitetCipher.Sealed two = IdentitetCipher.seal(keys.active(), aad, IdentitetCipher.encode(anna));
    assertThat(one.nonce()).isNotEqualTo(two.nonce());
    assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    assertThat(new String(one.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Anna", "9876");
    assertThat(IdentitetCipher.decode(IdentitetCipher.open(keys.active(), aad, one.nonce(), one.ciphertext()))).isEqualTo(anna);
  }

  @Test
  void aCiphertextMovedToAnotherCaseOrMunicipalityOrTamperedWithDoesNotDecrypt() {
    IdentitetCipher.Sealed sealed = IdentitetCipher.seal(keys.active(), IdentitetCipher.aad("AVH-1", "stockholm", "b"),
        IdentitetCipher.encode(anna));
    assertThatThrownBy(() -> IdentitetCipher.open(keys.active(), IdentitetCipher.aad("AVH-2", "stockholm", "b"),
        sealed.nonce(), sealed.ciphertext())).hasMessageContaining("failed authentication");
    assertThatThrownBy(() -> IdentitetCipher.open(keys.active(), IdentitetCipher.aad("AVH-1", "malmo", "b"),
        sealed.nonce(), sealed.ciphertext())).hasMessageContaining("failed authentication");
    byte[] tampered = sealed.ciphertext().clone();
    tampered[0] ^= 1;
    assertThatThrownBy(() -> IdentitetCipher.open(keys.active(), IdentitetCipher.aad("AVH-1", "stockholm", "b"),
        sealed.nonce(), tampered)).hasMessageContaining("failed authentication");
    assertThatThrownBy(() -> IdentitetCipher.open(keys.key("a"), IdentitetCipher.aad("AVH-1", "stockholm", "b"),
        sealed.nonce(), sealed.ciphertext())).hasMessageContaining("failed authentication");
  }

  @Test
  void keysAreCheckedWhenConfigured() {
    assertThatThrownBy(() -> IdentitetKeys.parse("a:" + Base64.getEncoder().encodeToString(new byte[16]), "a"))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> IdentitetKeys.parse("a:" + key(), "c")).hasMessageContaining("not among");
    assertThatThrownBy(() -> IdentitetKeys.parse("nonsense", null)).hasMessageContaining("id:base64");
    assertThat(IdentitetKeys.parse("a:" + key(), null).activeId()).isEqualTo("a");
    assertThat(keys.toString()).doesNotContain(Base64.getEncoder().encodeToString(keys.active().getEncoded()));
  }
}
