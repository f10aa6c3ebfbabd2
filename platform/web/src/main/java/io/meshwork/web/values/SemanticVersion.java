package io.meshwork.web.values;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MAJOR.MINOR.PATCH(-pre)(+build); ordering ignores build metadata, pre-releases sort first. */
public record SemanticVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<SemanticVersion> {

  private static final Pattern FORMAT =
      Pattern.compile(
          "^(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
              + "(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$");

  public static SemanticVersion parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a semantic version: " + text));
  }

  public static Optional<SemanticVersion> tryParse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemanticVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            m.group(4) == null ? "" : m.group(4)));
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, other.patch);
    }
    if (c == 0) {
      if (preRelease.isEmpty() != other.preRelease.isEmpty()) {
        return preRelease.isEmpty() ? 1 : -1;
      }
      c = preRelease.compareTo(other.preRelease);
    }
    return c;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
