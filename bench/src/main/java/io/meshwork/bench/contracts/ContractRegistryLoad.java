package io.meshwork.bench.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.meshwork.bench.support.EventLoopLoad;
import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.contracts.contract.quality.QualityGate;
import io.meshwork.infra.Secrets;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import io.meshwork.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Load harness for contract-registry, against the real servers (./meshwork bench contracts):
 *
 * <ol>
 *   <li>schema lookup by id (AVRO and PROTOBUF), req/s through HTTP, next to a trivial endpoint of
 *       the same app with the same authentication;
 *   <li>register + BACKWARD_TRANSITIVE check with 100 versions, p50/p99, next to registering
 *       without a check (NONE);
 *   <li>quality gate through HTTP (batches of 1,000 records of a 20-field contract), records/s,
 *       next to the gate and networknt in-process on the same records.
 * </ol>
 */
public final class ContractRegistryLoad {

  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
  private static final int THREADS = Integer.getInteger("bench.threads", 8);

  private static final String PROTO =
      """
      syntax = "proto3";
      package marketing.bench;
      import "google/protobuf/timestamp.proto";
      message Clicked {
        string id = 1;
        google.protobuf.Timestamp at = 2;
        map<string, string> labels = 3;
        oneof target { string page = 4; string button = 5; }
      }
      """;

  private ContractRegistryLoad() {}

  public static void main(String[] args) throws Exception {
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      ServiceProcess registry =
          environment.start(
              "contract-registry", ServiceSettings.of(Map.of("QUARKUS_LOG_CONSOLE_LEVEL", "WARN")));
      try {
        String base = registry.baseUrl();
        String basic =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("meshwork-pipelines:"
                                + Secrets.loadOrCreate(TestInfra.profile().dir())
                                    .clientSecret("pipelines"))
                            .getBytes(StandardCharsets.UTF_8));
        lookups(base, basic);
        registrations(base, basic);
        qualityGate(base, environment.tokens().user("mara"));
      } finally {
        registry.close();
      }
    }
  }

  private static void lookups(String base, String basic) {
    String subject = "marketing." + Fixtures.newName("lookup") + "-value";
    int avroId = register(base, basic, subject, avro(0));
    String protoSubject = "marketing." + Fixtures.newName("lookup-proto") + "-value";
    int protoId = register(base, basic, protoSubject, "PROTOBUF", PROTO);
    IntFunction<EventLoopLoad.Request> trivial =
        i -> EventLoopLoad.Request.get("/api/v1/me", basic);
    Map<String, IntFunction<EventLoopLoad.Request>> byId = new LinkedHashMap<>();
    byId.put("AVRO", i -> EventLoopLoad.Request.get("/schemas/ids/" + avroId, basic));
    byId.put("PROTOBUF", i -> EventLoopLoad.Request.get("/schemas/ids/" + protoId, basic));
    Load.Result baseline = null;
    Map<String, Load.Result> lookups = new LinkedHashMap<>();
    try (EventLoopLoad load = new EventLoopLoad(base)) {
      byId.values().forEach(request -> load.run(THREADS, Duration.ofSeconds(5), request));
      load.run(THREADS, Duration.ofSeconds(5), trivial); // warm-up
      // Alternate them so drift of the machine affects all alike; keep each one's best round.
      for (int round = 0; round < 2; round++) {
        baseline = best(baseline, load.run(THREADS, RUN, trivial));
        for (Map.Entry<String, IntFunction<EventLoopLoad.Request>> type : byId.entrySet()) {
          lookups.put(
              type.getKey(),
              best(lookups.get(type.getKey()), load.run(THREADS, RUN, type.getValue())));
        }
      }
    }
    System.out.printf(
        "%nREGISTRY baseline GET /api/v1/me (same app, same auth): %.0f req/s, p99 %.2f ms%n",
        baseline.perSecond(), baseline.percentileMillis(99));
    for (Map.Entry<String, Load.Result> lookup : lookups.entrySet()) {
      Load.Result result = lookup.getValue();
      System.out.printf(
          "REGISTRY %s lookup by id (HTTP, %d connections, Basic auth): %.0f req/s, p99 %.2f ms;"
              + " ratio lookup/trivial %.2f (failures %d/%d)%n",
          lookup.getKey(),
          THREADS,
          result.perSecond(),
          result.percentileMillis(99),
          result.perSecond() / baseline.perSecond(),
          result.failures(),
          baseline.failures());
    }
  }

  private static Load.Result best(Load.Result kept, Load.Result next) {
    return kept == null || next.perSecond() > kept.perSecond() ? next : kept;
  }

  private static void registrations(String base, String basic) {
    String checked = "marketing." + Fixtures.newName("evolving") + "-value";
    String unchecked = "marketing." + Fixtures.newName("unchecked") + "-value";
    setLevel(base, basic, checked, "BACKWARD_TRANSITIVE");
    setLevel(base, basic, unchecked, "NONE");
    for (int v = 0; v < 100; v++) {
      register(base, basic, checked, avro(v));
      register(base, basic, unchecked, avro(v));
    }
    int samples = 60;
    long[] withCheck = new long[samples];
    long[] withoutCheck = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      register(base, basic, checked, avro(100 + i));
      withCheck[i] = System.nanoTime() - t0;
      long t1 = System.nanoTime();
      register(base, basic, unchecked, avro(100 + i));
      withoutCheck[i] = System.nanoTime() - t1;
    }
    Load.Result transitive = new Load.Result(samples, 0, 1, withCheck);
    Load.Result none = new Load.Result(samples, 0, 1, withoutCheck);
    System.out.printf(
        "%nREGISTRY register + BACKWARD_TRANSITIVE check against 100-159 versions: p50 %.1f ms, p99 %.1f ms%n",
        transitive.percentileMillis(50), transitive.percentileMillis(99));
    System.out.printf(
        "REGISTRY baseline register without check (NONE): p50 %.1f ms, p99 %.1f ms; ratio p99 %.2f%n",
        none.percentileMillis(50),
        none.percentileMillis(99),
        transitive.percentileMillis(99) / none.percentileMillis(99));
  }

  private static void qualityGate(String base, String token) throws Exception {
    String id = "marketing." + Fixtures.newName("gate");
    Load.send(
        Load.post(base + "/api/v1/contracts", QualityGateFixtures.contract(id).toString())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json"));
    int batch = 1000;
    ArrayNode records = QualityGateFixtures.records(batch, 7);
    byte[] body = QualityGateFixtures.JSON.writeValueAsBytes(records);
    String json = new String(body, StandardCharsets.UTF_8);
    IntFunction<EventLoopLoad.Request> validate =
        i ->
            EventLoopLoad.Request.postJson(
                "/api/v1/contracts/" + id + "/validate", "Bearer " + token, json);
    Load.Result http;
    try (EventLoopLoad load = new EventLoopLoad(base)) {
      load.run(2, Duration.ofSeconds(5), validate);
      http = load.run(2, RUN, validate);
    }

    ArrayNode many = QualityGateFixtures.records(10_000, 42);
    QualityGate gate = QualityGate.compile(QualityGateFixtures.contract(id).path("schema").get(0));
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    Schema schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
            .getSchema(QualityGateFixtures.jsonSchema());
    double gateRate = rate(() -> gate.validate(many, 1000), many.size());
    double networkntRate =
        rate(
            () -> {
              for (JsonNode record : many) {
                schema.validate(record);
              }
            },
            many.size());
    System.out.printf(
        "%nQUALITY gate through HTTP (batches of %d, 20 fields, 2 clients): %.0f records/s (p99 %.1f ms per batch)%n",
        batch, http.perSecond() * batch, http.percentileMillis(99));
    System.out.printf(
        "QUALITY gate in-process, batch API (parsed records): %.0f records/s%n", gateRate);
    System.out.printf(
        "QUALITY networknt JSON Schema in-process, same records: %.0f records/s%n", networkntRate);
    System.out.printf(
        "QUALITY ratios: in-process gate/networknt %.1fx; HTTP gate/networknt in-process %.1fx%n",
        gateRate / networkntRate, http.perSecond() * batch / networkntRate);
  }

  /**
   * Records per second of {@code work} over {@code records}, best of several timed rounds after
   * warm-up.
   */
  private static double rate(Runnable work, int records) {
    for (int i = 0; i < 30; i++) {
      work.run();
    }
    double best = 0;
    for (int round = 0; round < 10; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        work.run();
      }
      best = Math.max(best, 5.0 * records / ((System.nanoTime() - start) / 1e9));
    }
    return best;
  }

  private static String avro(int extraFields) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (int i = 0; i < extraFields; i++) {
      fields.append(",{\"name\":\"f").append(i).append("\",\"type\":\"string\",\"default\":\"\"}");
    }
    return "{\"type\":\"record\",\"name\":\"Evolving\",\"namespace\":\"io.meshwork.bench\",\"fields\":["
        + fields
        + "]}";
  }

  private static int register(String base, String basic, String subject, String schema) {
    return register(base, basic, subject, "AVRO", schema);
  }

  private static int register(
      String base, String basic, String subject, String type, String schema) {
    String body =
        "{\"schemaType\":\""
            + type
            + "\",\"schema\":"
            + QualityGateFixtures.JSON.valueToTree(schema)
            + "}";
    String response =
        Load.send(
            Load.post(base + "/subjects/" + subject + "/versions", body)
                .header("Authorization", basic)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json"));
    return QualityGateFixtures.parse(response).path("id").asInt();
  }

  private static void setLevel(String base, String basic, String subject, String level) {
    Load.send(
        Load.put(base + "/config/" + subject, "{\"compatibility\":\"" + level + "\"}")
            .header("Authorization", basic)
            .header("Content-Type", "application/vnd.schemaregistry.v1+json"));
  }
}
