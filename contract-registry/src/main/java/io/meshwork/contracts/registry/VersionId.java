package io.meshwork.contracts.registry;

import java.util.Locale;

/** A version path segment: 1..2^31-1, or "latest" / -1 for the newest live version. */
public record VersionId(int number) {

  public static final VersionId LATEST = new VersionId(-1);

  public boolean isLatest() {
    return number == -1;
  }

  public static VersionId parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.toLowerCase(Locale.ROOT).equals("latest") || value.equals("-1")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return new VersionId(number);
      }
    } catch (NumberFormatException invalid) {
      // falls through to the Confluent error
    }
    throw RegistryException.invalidVersion(text);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : Integer.toString(number);
  }
}
