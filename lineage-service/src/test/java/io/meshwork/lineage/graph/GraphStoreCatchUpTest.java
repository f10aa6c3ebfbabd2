package io.meshwork.lineage.graph;

import static io.meshwork.lineage.LineageApi.graphql;
import static org.hamcrest.Matchers.contains;

import io.agroal.api.AgroalDataSource;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Rows written by another instance (here: straight into the tables, bypassing this instance's
 * writer) are in the next query's answer.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class GraphStoreCatchUpTest {

  @Inject AgroalDataSource dataSource;

  private long node(Connection connection, String kind, String ns, String name) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO lineage_node (kind, namespace, name, first_seen) VALUES (?, ?, ?, now())"
                + " RETURNING id")) {
      insert.setString(1, kind);
      insert.setString(2, ns);
      insert.setString(3, name);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private void edge(Connection connection, long source, long target) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO lineage_edge (source_id, target_id, valid_from) VALUES (?, ?, now())")) {
      insert.setLong(1, source);
      insert.setLong(2, target);
      insert.executeUpdate();
    }
  }

  @Test
  void writesOfAnotherInstanceAreVisibleToTheNextQuery() throws Exception {
    String ns = "kafka://other-" + Fixtures.randomSuffix(6) + ":9092";
    String in = "in_" + Fixtures.randomSuffix(6);
    String out = "out_" + Fixtures.randomSuffix(6);
    // Warm: this instance has looked at the tables after the last write.
    graphql("{ dataset(name: \"" + out + "\") { name } }");
    try (Connection connection = dataSource.getConnection()) {
      long a = node(connection, "DATASET", ns, in);
      long job = node(connection, "JOB", ns, "elsewhere");
      long b = node(connection, "DATASET", ns, out);
      edge(connection, a, job);
      edge(connection, job, b);
    }

    graphql("{ dataset(name: \"" + out + "\") { upstream { name via } } }")
        .body("data.dataset.upstream.name", contains(in))
        .body("data.dataset.upstream.via", contains("elsewhere"));
  }
}
