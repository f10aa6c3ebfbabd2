package io.meshwork.bench.chaos;

import io.meshwork.bench.support.EventLoopLoad;
import io.meshwork.bench.support.Load;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Many clients at once over all five services (loopback only): on each service, half the
 * connections read one of its real endpoints and half its trivial authenticated GET (the floor),
 * all at the same time, so each endpoint's p99 stands beside its own server's floor.
 */
final class MixedLoad {

  /** What each service is read through, besides {@code /api/v1/me}. */
  static final Map<String, String> ENDPOINTS =
      Map.of(
          "provisioning-service", "/api/v1/datasets?domain=marketing&size=20",
          "catalog-service", "/api/v1/datasets?domain=marketing",
          "contract-registry", "/subjects",
          "governance-service", "/api/v1/policies",
          "lineage-service", "/graphql");

  /** The seed's GraphQL query shape, for a dataset the run's writes made known to lineage. */
  private static final String GRAPHQL =
      "{\"query\":\"{ dataset(name: \\\"%s\\\") { upstream { name lastUpdated } downstream { name usageType } } }\"}";

  record Figure(String module, String endpoint, Load.Result endpointResult, Load.Result floor) {}

  private MixedLoad() {}

  static List<Figure> run(
      Services services, String token, String datasetName, int clients, Duration duration) {
    int perLoad = Math.max(1, clients / (2 * Services.MODULES.size()));
    String authorization = "Bearer " + token;
    Map<String, CompletableFuture<Load.Result>> runs = new LinkedHashMap<>();
    List<EventLoopLoad> loads = new ArrayList<>();
    for (String module : Services.MODULES) {
      for (String path : List.of(ENDPOINTS.get(module), "/api/v1/me")) {
        EventLoopLoad load = new EventLoopLoad(services.baseUrl(module));
        loads.add(load);
        EventLoopLoad.Request request =
            path.equals("/graphql")
                ? EventLoopLoad.Request.postJson(
                    path, authorization, GRAPHQL.formatted(datasetName))
                : EventLoopLoad.Request.get(path, authorization);
        runs.put(
            module + " " + path,
            CompletableFuture.supplyAsync(() -> load.run(perLoad, duration, i -> request)));
      }
    }
    List<Figure> figures = new ArrayList<>();
    try {
      for (String module : Services.MODULES) {
        figures.add(
            new Figure(
                module,
                ENDPOINTS.get(module),
                runs.get(module + " " + ENDPOINTS.get(module)).join(),
                runs.get(module + " /api/v1/me").join()));
      }
    } finally {
      loads.forEach(EventLoopLoad::close);
    }
    return figures;
  }
}
