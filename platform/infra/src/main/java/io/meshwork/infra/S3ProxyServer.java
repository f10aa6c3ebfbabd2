package io.meshwork.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** S3Proxy (a real S3-compatible server) over the local filesystem, as its own JVM. */
final class S3ProxyServer implements Server {

  private final Distributions distributions;
  private final Path dataDir;
  private final Path logDir;
  private final int port;
  private final Secrets secrets;
  private ChildProcess process;

  S3ProxyServer(Distributions distributions, Path dataDir, Path logDir, int port, Secrets secrets) {
    this.distributions = distributions;
    this.dataDir = dataDir;
    this.logDir = logDir;
    this.port = port;
    this.secrets = secrets;
  }

  @Override
  public Component component() {
    return Component.S3;
  }

  @Override
  public void start(InfraState state) throws Exception {
    Files.createDirectories(dataDir);
    String endpoint = "http://127.0.0.1:" + port;
    Path config = dataDir.resolveSibling("s3proxy.conf");
    Files.write(
        config,
        List.of(
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + secrets.get("s3.access-key"),
            "s3proxy.credential=" + secrets.get("s3.secret-key"),
            "jclouds.provider=filesystem-nio2",
            "jclouds.filesystem.basedir=" + dataDir));
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            distributions.s3proxyJar().toString(),
            "--properties",
            config.toString());
    process = ChildProcess.start("S3Proxy", builder, logDir.resolve("s3proxy.log"));
    state.put("s3.pid", Long.toString(process.pid()));
    // An anonymous request is refused, but only once the server listens.
    process.awaitListening(endpoint + "/", Duration.ofSeconds(60));
    state
        .put("s3.endpoint", endpoint)
        .put("s3.region", "us-east-1")
        .put("s3.access-key", secrets.get("s3.access-key"))
        .put("s3.data-dir", dataDir.toString());
  }

  @Override
  public boolean alive() {
    return process == null || process.alive();
  }

  @Override
  public void close() {
    if (process != null) {
      process.stop(Duration.ofSeconds(10));
    }
  }
}
