package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.common.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The names a dataset's PostgreSQL resources get: its table, its roles, the schema's lock. */
final class PostgresNames {

  private PostgresNames() {}

  static String qualified(StorageTarget.Postgres target, String name) {
    return Identifiers.quote(target.schema()) + "." + Identifiers.quote(name);
  }

  static String tableUri(StorageTarget.Postgres target, String name) {
    return "postgres://" + target.database() + "/" + target.schema() + "/" + name;
  }

  static String ownerRole(String domain) {
    return domain + "_owner";
  }

  /** {@code <domain>_<name>_reader}, shortened with a hash to PostgreSQL's 63 characters. */
  static String readerRole(String domain, String name) {
    String role = domain + "_" + name + "_reader";
    if (role.length() <= 63) {
      return role;
    }
    try {
      String hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(role.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 10);
      return role.substring(0, 63 - 18) + "_" + hash + "_reader";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name of the advisory lock that orders changes to one schema across sessions. */
  static String lockName(String schema) {
    return "meshwork.schema:" + schema;
  }
}
