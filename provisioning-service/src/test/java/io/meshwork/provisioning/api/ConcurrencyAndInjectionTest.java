package io.meshwork.provisioning.api;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.meshwork.provisioning.ProvisioningFixtures.warehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.testing.Fixtures;
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

  /**
   * Distinct datasets in one schema at once: the schema, the domain's owner role and the schema's
   * grants are shared, and concurrent GRANTs on one schema collide in PostgreSQL ("tuple
   * concurrently updated") unless the provisioner serializes them. A first wave goes into a new
   * schema (made under the schema's lock), a second into the same schema, now existing (only the
   * grants at the end wait for the lock). Each must succeed at its first attempt, each table owned
   * by the domain's owner role and readable by its own reader role.
   */
  @Test
  void distinctDatasetsInOneSchemaAtOnceAllSucceed() throws Exception {
    String schema = "conc_" + Fixtures.randomSuffix(6);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      String storage = "postgres:///" + schema;
      List<String> names = new ArrayList<>(provisionAtOnce(pool, OWNER, "marketing", storage, 12));
      names.addAll(provisionAtOnce(pool, OWNER, "marketing", storage, 12));
      try (Connection c = warehouse();
          var q =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_catalog.pg_tables t WHERE t.schemaname = ?"
                      + " AND t.tableowner = 'marketing_owner'"
                      + " AND has_table_privilege('marketing_' || t.tablename || '_reader',"
                      + " format('%I.%I', t.schemaname, t.tablename), 'SELECT')")) {
        q.setString(1, schema);
        try (ResultSet r = q.executeQuery()) {
          r.next();
          assertThat(r.getInt(1)).isEqualTo(names.size());
        }
      }

      List<Future<Integer>> deleted = new ArrayList<>();
      for (String name : names) {
        deleted.add(
            pool.submit(
                () ->
                    given()
                        .auth()
                        .oauth2(OWNER)
                        .delete("/api/v1/datasets/marketing/{n}", name)
                        .statusCode()));
      }
      for (Future<Integer> answer : deleted) {
        assertThat(answer.get()).isEqualTo(202);
      }
      for (String name : names) {
        assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("DELETED");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The first datasets of a new domain at once: the domain's schema and owner role are made (once,
   * under the schema's lock) and every table ends owned by that role, each at its first attempt.
   */
  @Test
  void firstDatasetsOfANewDomainAtOnceAllSucceed() throws Exception {
    String domain = "dom_" + Fixtures.randomSuffix(6);
    String owner = TestTokens.domainOwner(domain);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<String> names = provisionAtOnce(pool, owner, domain, "postgres://warehouse", 6);
      try (Connection c = warehouse();
          var q =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ? AND tableowner = ?")) {
        q.setString(1, domain);
        q.setString(2, domain + "_owner");
        try (ResultSet r = q.executeQuery()) {
          r.next();
          assertThat(r.getInt(1)).isEqualTo(names.size());
        }
      }
      for (String name : names) {
        given().auth().oauth2(owner).delete("/api/v1/datasets/{d}/{n}", domain, name);
      }
      for (String name : names) {
        assertThat(settled(owner, domain, name).getString("state")).isEqualTo("DELETED");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Posts {@code count} new datasets at once; answers their names, each READY at its first attempt.
   */
  private List<String> provisionAtOnce(
      ExecutorService pool, String token, String domain, String storage, int count)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(ProvisioningFixtures.newName());
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> posted = new ArrayList<>();
    for (String name : names) {
      posted.add(
          pool.submit(
              () -> {
                start.await();
                return post(token, body(name, domain, storage, ""));
              }));
    }
    start.countDown();
    for (Future<Response> answer : posted) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
    }
    for (String name : names) {
      var dataset = settled(token, domain, name);
      assertThat(dataset.getString("state")).as(dataset.prettify()).isEqualTo("READY");
      assertThat(dataset.getInt("attempts")).isEqualTo(1);
    }
    return names;
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
