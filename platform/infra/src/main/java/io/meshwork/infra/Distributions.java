package io.meshwork.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Server distributions Maven resolved into the local repository while building this module (see its
 * pom): their paths are recorded in {@code meshwork-infra-artifacts.properties}.
 */
final class Distributions {

  private final Properties artifacts;
  private final Path distDir;

  Distributions(Path distDir) {
    this.distDir = distDir;
    this.artifacts = new Properties();
    try (InputStream in =
        Distributions.class.getResourceAsStream("/meshwork-infra-artifacts.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "meshwork-infra-artifacts.properties missing: build platform/infra");
      }
      artifacts.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String keycloakVersion() {
    return require("keycloak.version");
  }

  Path keycloakZip() {
    return Path.of(require("keycloak.zip"));
  }

  Path s3proxyJar() {
    return Path.of(require("s3proxy.jar"));
  }

  /** Unpacks the Keycloak distribution once; later calls (from any profile) reuse it. */
  Path keycloakHome() throws IOException {
    Path home = distDir.resolve("keycloak-" + keycloakVersion());
    if (Files.exists(home.resolve("bin/kc.sh"))) {
      return home;
    }
    try (Lock ignored = lock()) {
      if (Files.exists(home.resolve("bin/kc.sh"))) {
        return home;
      }
      Path staging = distDir.resolve("keycloak-" + keycloakVersion() + ".unpacking");
      deleteRecursively(staging);
      unzip(keycloakZip(), staging);
      // The zip has one top folder, keycloak-<version>/.
      Path top = staging.resolve("keycloak-" + keycloakVersion());
      try (var scripts = Files.list(top.resolve("bin"))) {
        scripts
            .filter(p -> p.toString().endsWith(".sh"))
            .forEach(p -> p.toFile().setExecutable(true));
      }
      Files.move(top, home);
      deleteRecursively(staging);
      return home;
    }
  }

  /** A file lock across processes: the test and the local supervisor may unpack at once. */
  Lock lock() throws IOException {
    Files.createDirectories(distDir);
    FileChannel channel =
        FileChannel.open(
            distDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.lock();
    return () -> {
      lock.release();
      channel.close();
    };
  }

  interface Lock extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  private String require(String key) {
    String value = artifacts.getProperty(key);
    if (value == null || value.contains("${")) {
      throw new IllegalStateException("Artifact " + key + " unresolved: rebuild platform/infra");
    }
    return value;
  }

  private static void unzip(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("Zip entry outside target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
