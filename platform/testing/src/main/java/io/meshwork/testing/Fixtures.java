package io.meshwork.testing;

import java.security.SecureRandom;

/** Generated names with a random suffix, so tests and repeated runs never collide. */
public final class Fixtures {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Fixtures() {}

  /** Lower-case letters and digits only: safe in every identifier the platform accepts. */
  public static String randomSuffix(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  /** A dataset name such as {@code customer_segments_k3x9q2}. */
  public static String newDatasetName() {
    return newName("dataset");
  }

  public static String newName(String prefix) {
    return prefix + "_" + randomSuffix(6);
  }
}
