package io.meshwork.bench.chaos;

import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five services as processes of one environment, each one killable and restartable. */
final class Services implements AutoCloseable {

  static final List<String> MODULES =
      List.of(
          "provisioning-service",
          "catalog-service",
          "contract-registry",
          "governance-service",
          "lineage-service");

  private final ServiceEnvironment environment;
  private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

  Services(ServiceEnvironment environment) {
    this.environment = environment;
    MODULES.forEach(this::start);
  }

  /** Where the module answers; while it is down, a port nothing listens on (port 1). */
  synchronized String baseUrl(String module) {
    ServiceProcess process = running.get(module);
    return process == null ? "http://127.0.0.1:1" : process.baseUrl();
  }

  /** SIGKILL, then a fresh start of the same jar (on a new port). */
  void crash(String module) {
    ServiceProcess process;
    synchronized (this) {
      process = running.remove(module);
    }
    process.kill();
    start(module);
  }

  private void start(String module) {
    ServiceProcess process =
        environment.start(module, ServiceSettings.of(Map.of("QUARKUS_LOG_CONSOLE_LEVEL", "WARN")));
    synchronized (this) {
      running.put(module, process);
    }
  }

  @Override
  public synchronized void close() {
    running.values().forEach(ServiceProcess::close);
    running.clear();
  }
}
