package io.meshwork.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The one way to bring the real servers up and down, used by the local run, the test run and CI.
 *
 * <pre>
 * run    --profile P   supervise the servers in the foreground until SIGTERM/SIGINT
 * start  --profile P   reuse the running servers, or start a detached supervisor; wait until ready
 * stop   --profile P   stop the supervisor and its servers
 * status --profile P   print the state
 * env    --profile P   print shell exports that point the services at the servers
 * </pre>
 */
public final class InfraMain {

  /** Bumped when the servers' setup changes in a way a running supervisor would not reflect. */
  private static final String SETUP_VERSION = "1";

  private InfraMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    Map<String, String> options = options(args);
    InfraProfile profile =
        InfraProfile.named(options.getOrDefault("profile", "local"), InfraProfile.defaultHome());
    Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
    Path realm = root.resolve("deploy/keycloak/meshwork-realm.json");
    int exit =
        switch (args[0]) {
          case "run" -> new Supervisor(profile, realm, fingerprint(realm)).run();
          case "start" ->
              start(
                  profile,
                  root,
                  realm,
                  Component.parse(options.getOrDefault("wait", "postgres,kafka,keycloak,s3")),
                  Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "420"))));
          case "stop" -> stop(profile);
          case "status" -> status(profile);
          case "env" -> env(profile);
          default -> {
            usage();
            yield 2;
          }
        };
    System.exit(exit);
  }

  private static int start(
      InfraProfile profile, Path root, Path realm, Set<Component> wanted, Duration timeout)
      throws Exception {
    String fingerprint = fingerprint(realm);
    Optional<InfraState> current = InfraState.read(profile.dir());
    if (current.isPresent() && current.get().supervisorAlive()) {
      if (current.get().get("fingerprint").orElse("").equals(fingerprint)) {
        return awaitReady(profile, wanted, timeout);
      }
      System.err.println("Infrastructure setup changed since it started; restarting it");
      stop(profile);
    }
    Files.createDirectories(profile.dir());
    Files.deleteIfExists(profile.dir().resolve(InfraState.FILE_NAME));
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xms64m", "-Xmx640m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(InfraMain.class.getName());
    command.addAll(List.of("run", "--profile", profile.name(), "--root", root.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(profile.dir().resolve("supervisor.log").toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.start();
    return awaitReady(profile, wanted, timeout);
  }

  private static int awaitReady(InfraProfile profile, Set<Component> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean sawSupervisor = false;
    while (System.nanoTime() < deadline) {
      Optional<InfraState> state = InfraState.read(profile.dir());
      if (state.isPresent()) {
        InfraState s = state.get();
        if (s.failure().isPresent()) {
          System.err.println("Infrastructure failed: " + s.failure().get());
          System.err.println(
              "Logs: "
                  + profile.dir().resolve("supervisor.log")
                  + ", "
                  + profile.dir().resolve("logs"));
          return 1;
        }
        sawSupervisor = true;
        if (wanted.stream().allMatch(s::isReady)) {
          return 0;
        }
        if (!s.supervisorAlive()) {
          System.err.println(
              "Infrastructure supervisor died; see " + profile.dir().resolve("supervisor.log"));
          return 1;
        }
      }
      Thread.sleep(200);
    }
    System.err.println(
        "Infrastructure not ready after "
            + timeout
            + (sawSupervisor ? "" : " (supervisor never wrote its state)")
            + "; see "
            + profile.dir().resolve("supervisor.log"));
    return 1;
  }

  private static int stop(InfraProfile profile) throws Exception {
    Optional<InfraState> state = InfraState.read(profile.dir());
    Optional<ProcessHandle> supervisor =
        state
            .flatMap(InfraState::supervisorPid)
            .flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive);
    if (supervisor.isEmpty()) {
      System.err.println("Infrastructure (" + profile.name() + ") is not running");
      return 0;
    }
    supervisor.get().destroy();
    try {
      supervisor.get().onExit().get(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      System.err.println("Supervisor did not stop in 90 s; killing it and its servers");
      supervisor.get().destroyForcibly();
      ChildProcess.killOrphan(state.get().get("keycloak.pid"), "keycloak");
      ChildProcess.killOrphan(state.get().get("s3.pid"), "s3proxy");
      PostgresServer.stopOrphan(profile.dir().resolve("postgres"));
    }
    System.err.println("Infrastructure (" + profile.name() + ") stopped");
    return 0;
  }

  private static int status(InfraProfile profile) {
    Optional<InfraState> state = InfraState.read(profile.dir());
    if (state.isEmpty() || !state.get().supervisorAlive()) {
      System.out.println(profile.name() + ": not running");
      return 3;
    }
    System.out.println(
        profile.name()
            + ": running (supervisor pid "
            + state.get().supervisorPid().orElseThrow()
            + ")");
    for (Component component : EnumSet.allOf(Component.class)) {
      System.out.println(
          "  " + component.key() + ": " + (state.get().isReady(component) ? "ready" : "starting"));
    }
    return 0;
  }

  /** Shell exports for the services and scripts: only for servers that are ready. */
  private static int env(InfraProfile profile) {
    Optional<InfraState> found = InfraState.read(profile.dir());
    if (found.isEmpty() || !found.get().supervisorAlive()) {
      System.err.println("Infrastructure (" + profile.name() + ") is not running");
      return 3;
    }
    InfraState state = found.get();
    Secrets secrets = Secrets.loadOrCreate(profile.dir());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MESHWORK_INFRA_PROFILE", profile.name());
    env.put("MESHWORK_INFRA_DIR", profile.dir().toString());
    if (state.isReady(Component.POSTGRES)) {
      env.put("MESHWORK_POSTGRES_PORT", state.require("postgres.port"));
      env.put("QUARKUS_DATASOURCE_JDBC_URL", state.require("postgres.jdbc-url"));
      env.put("QUARKUS_DATASOURCE_USERNAME", state.require("postgres.user"));
      env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    }
    if (state.isReady(Component.KAFKA)) {
      env.put("KAFKA_BOOTSTRAP_SERVERS", state.require("kafka.bootstrap-servers"));
    }
    if (state.isReady(Component.KEYCLOAK)) {
      env.put("MESHWORK_KEYCLOAK_URL", state.require("keycloak.url"));
      env.put("MESHWORK_TOKEN_URL", state.require("keycloak.token-url"));
      env.put("QUARKUS_OIDC_AUTH_SERVER_URL", state.require("keycloak.realm-url"));
      env.put("MESHWORK_KEYCLOAK_ADMIN_PASSWORD", secrets.get("keycloak.admin-password"));
      for (String client : Secrets.SERVICE_CLIENTS) {
        env.put(
            "MESHWORK_CLIENT_SECRET_" + client.toUpperCase(java.util.Locale.ROOT),
            secrets.clientSecret(client));
      }
    }
    if (state.isReady(Component.S3)) {
      env.put("MESHWORK_S3_ENDPOINT", state.require("s3.endpoint"));
      env.put("MESHWORK_S3_REGION", state.require("s3.region"));
      env.put("MESHWORK_S3_ACCESS_KEY", secrets.get("s3.access-key"));
      env.put("MESHWORK_S3_SECRET_KEY", secrets.get("s3.secret-key"));
    }
    env.forEach(
        (key, value) ->
            System.out.println("export " + key + "='" + value.replace("'", "'\\''") + "'"));
    return 0;
  }

  static String fingerprint(Path realm) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(SETUP_VERSION.getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(realm));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("Unexpected argument " + args[i]);
      }
    }
    return options;
  }

  private static void usage() {
    System.err.println(
        "usage: InfraMain run|start|stop|status|env --profile local|test [--root DIR] [--wait postgres,kafka,keycloak,s3] [--timeout SECONDS]");
  }
}
