package io.meshwork.contracts.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The warehouse server's JDBC URL with a dataset's database in place of its own. */
final class WarehouseUrls {

  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/[^?]*)?(\\?.*)?$");
  private static final Pattern DATABASE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]{0,62}$");

  private WarehouseUrls() {}

  static String of(String serverUrl, String database) {
    Matcher matcher = URL.matcher(serverUrl);
    if (!matcher.matches() || database == null || !DATABASE.matcher(database).matches()) {
      throw new IllegalArgumentException("not a PostgreSQL server URL or database name");
    }
    return matcher.group(1) + "/" + database + (matcher.group(2) == null ? "" : matcher.group(2));
  }
}
