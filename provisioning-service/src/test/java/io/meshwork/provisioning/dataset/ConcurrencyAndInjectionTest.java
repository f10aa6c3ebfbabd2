package io.meshwork.provisioning.dataset;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.ProvisioningFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ConcurrencyAndInjectionTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Inject DatasetRepository datasets;

  @Test
  void hundredConcurrentIdenticalRequestsCreateExactlyOneSetOfResources() throws Exception {
    String name = ProvisioningFixtures.newName();
    String json = body(name, "marketing", "postgres://", "");
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Callable<Response> call =
          () -> {
            start.await();
            return post(OWNER, json);
          };
      answers.add(pool.submit(call));
    }
    start.countDown();
    List<Response> responses = new ArrayList<>();
    for (Future<Response> answer : answers) {
      responses.add(answer.get());
    }
    pool.shutdown();
    Map<Integer, Long> statuses =
        responses.stream()
            .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(202, 1L, 200, 99L));
    assertThat(responses.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);

    assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("READY");
    assertThat(QuarkusTransaction.requiringNew().call(() -> datasets.count("name", name)))
        .isEqualTo(1);
    String id = responses.get(0).jsonPath().getString("id");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> ProvisionedResource.count("datasetId", UUID.fromString(id))))
        .isEqualTo(2);
    try (Connection c = warehouse();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                        + name
                        + "'")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(1);
    }
  }

  /** Quotes, semicolons, comments, unicode homoglyphs, NUL, spaces: refused in every field. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\\\"; DROP TABLE dataset; --",
        "robert'); DROP TABLE students;--",
        "a;b",
        "na/*c*/me",
        "Customers",
        "\u0441ustomers",
        "customers\\u0000",
        "customers "
      })
  void hostileTextIsRefusedInEveryFieldAndCreatesNothing(String evil) throws Exception {
    assertRefusedAndNothingCreated(evil, allFields());
  }

  /**
   * What reaches SQL identifiers (dataset name, domain, schema, column) must also not be too long
   * (64+), start with a digit or underscore, contain '-', or be a reserved word.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "name--comment",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "select",
        "table",
        "user",
        "1abc",
        "_hidden"
      })
  void unsafeSqlIdentifiersAreRefusedAndCreateNothing(String evil) throws Exception {
    List<Function<String, Response>> sqlFields = allFields().subList(0, 3);
    if (!evil.startsWith("_")) {
      sqlFields = new ArrayList<>(sqlFields);
      sqlFields.add(allFields().get(5));
    }
    assertRefusedAndNothingCreated(evil, sqlFields);
  }

  private List<Function<String, Response>> allFields() {
    String safe = ProvisioningFixtures.newName();
    return List.of(
        v -> post(OWNER, body(v, "marketing", "postgres://", "")),
        v -> post(TestTokens.platformAdmin(), body(safe, v, "postgres://", "")),
        v -> post(OWNER, body(safe, "marketing", "postgres://warehouse/" + v, "")),
        v -> post(OWNER, body(safe, "marketing", "kafka://" + v, "")),
        v -> post(OWNER, body(safe, "marketing", "s3://" + v + "/prefix", "")),
        v ->
            post(
                OWNER,
                "{\"name\":\""
                    + safe
                    + "\",\"domain\":\"marketing\",\"storage\":\"postgres://\",\"schemaDefinition\":[{\"name\":\""
                    + v
                    + "\",\"type\":\"string\"}]}"));
  }

  private void assertRefusedAndNothingCreated(String evil, List<Function<String, Response>> fields)
      throws Exception {
    long before = QuarkusTransaction.requiringNew().call(() -> datasets.count());
    int tablesBefore = tableCount();
    for (Function<String, Response> attempt : fields) {
      Response response = attempt.apply(evil);
      assertThat(response.statusCode()).as(response.asString()).isIn(400, 422);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(QuarkusTransaction.requiringNew().call(() -> datasets.count())).isEqualTo(before);
    assertThat(tableCount()).isEqualTo(tablesBefore);
  }

  private static int tableCount() throws Exception {
    try (Connection c = warehouse();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
      r.next();
      return r.getInt(1);
    }
  }
}
