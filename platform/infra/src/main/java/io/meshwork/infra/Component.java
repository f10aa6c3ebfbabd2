package io.meshwork.infra;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The real servers the platform needs. */
public enum Component {
  POSTGRES,
  KAFKA,
  KEYCLOAK,
  S3;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Set<Component> parse(String csv) {
    Set<Component> result = EnumSet.noneOf(Component.class);
    for (String part : csv.split(",")) {
      if (!part.isBlank()) {
        result.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
      }
    }
    return result;
  }
}
