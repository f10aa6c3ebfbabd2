package io.meshwork.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Generated credentials of one profile (Keycloak admin, service-account client secrets, S3 keys).
 * Created on first use with owner-only permissions and kept beside the data they protect; never
 * part of the work tree.
 */
public final class Secrets {

  /** Confidential clients of the realm; their secrets reach Keycloak as import placeholders. */
  public static final List<String> SERVICE_CLIENTS =
      List.of("catalog", "provisioning", "lineage", "governance", "contracts", "pipelines");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Properties values;

  private Secrets(Properties values) {
    this.values = values;
  }

  public static Secrets loadOrCreate(Path profileDir) {
    Path file = profileDir.resolve("secrets.properties");
    Properties properties = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          properties.load(in);
        }
      }
      boolean changed = putIfAbsent(properties, "keycloak.admin-password");
      for (String client : SERVICE_CLIENTS) {
        changed |= putIfAbsent(properties, "client-secret." + client);
      }
      changed |= putIfAbsent(properties, "s3.secret-key");
      if (properties.putIfAbsent("s3.access-key", "meshwork") == null) {
        changed = true;
      }
      if (changed) {
        Files.createDirectories(profileDir);
        Path tmp = profileDir.resolve("secrets.properties.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp)) {
          properties.store(out, "Generated local credentials; never commit");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Secrets(properties);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }

  public String get(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("No secret " + key);
    }
    return value;
  }

  public String clientSecret(String client) {
    return get("client-secret." + client);
  }

  /** Environment variables that resolve the realm file's placeholders. */
  public Map<String, String> realmPlaceholders() {
    Map<String, String> env = new TreeMap<>();
    for (String client : SERVICE_CLIENTS) {
      env.put("MESHWORK_CLIENT_SECRET_" + client.toUpperCase(Locale.ROOT), clientSecret(client));
    }
    return env;
  }

  private static boolean putIfAbsent(Properties properties, String key) {
    if (properties.containsKey(key)) {
      return false;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    properties.setProperty(key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return true;
  }
}
