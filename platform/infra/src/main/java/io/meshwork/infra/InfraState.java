package io.meshwork.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The state file a running supervisor publishes: endpoints and readiness of each server. Written
 * atomically (temp file + move) so readers never see half a file.
 */
public final class InfraState {

  public static final String FILE_NAME = "state.properties";

  private final Properties values;

  private InfraState(Properties values) {
    this.values = values;
  }

  public static InfraState empty() {
    return new InfraState(new Properties());
  }

  public static Optional<InfraState> read(Path profileDir) {
    Path file = profileDir.resolve(FILE_NAME);
    try (InputStream in = Files.newInputStream(file)) {
      Properties properties = new Properties();
      properties.load(in);
      return Optional.of(new InfraState(properties));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public synchronized InfraState put(String key, String value) {
    values.setProperty(key, value);
    return this;
  }

  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(values.getProperty(key));
  }

  public String require(String key) {
    return get(key).orElseThrow(() -> new IllegalStateException("Infra state has no " + key));
  }

  public boolean isReady(Component component) {
    return get(component.key() + ".ready").map(Boolean::parseBoolean).orElse(false);
  }

  public Optional<String> failure() {
    return get("failure");
  }

  public Optional<Long> supervisorPid() {
    return get("supervisor.pid").map(Long::parseLong);
  }

  public boolean supervisorAlive() {
    return supervisorPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
  }

  public synchronized void write(Path profileDir) {
    Path tmp = profileDir.resolve(FILE_NAME + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      values.store(out, "Meshwork infrastructure state; written by the supervisor, do not edit");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + tmp, e);
    }
    try {
      Files.move(
          tmp,
          profileDir.resolve(FILE_NAME),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + FILE_NAME, e);
    }
  }
}
