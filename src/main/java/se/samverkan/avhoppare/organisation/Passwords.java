package se.samverkan.avhoppare.organisation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Generates passwords that satisfy Camunda's default password policy. */
final class Passwords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "!#%+-=?@";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  static String generate() {
    List<Character> chars = new ArrayList<>();
    String all = UPPER + LOWER + DIGITS + SPECIAL;
    for (String set : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
      chars.add(set.charAt(RANDOM.nextInt(set.length())));
    }
    while (chars.size() < 20) {
      chars.add(all.charAt(RANDOM.nextInt(all.length())));
    }
    Collections.shuffle(chars, RANDOM);
    StringBuilder sb = new StringBuilder();
    chars.forEach(sb::append);
    return sb.toString();
  }
}
