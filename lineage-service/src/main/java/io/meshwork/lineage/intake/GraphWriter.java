package io.meshwork.lineage.intake;

import io.agroal.api.AgroalDataSource;
import io.meshwork.lineage.graph.GraphChanges;
import io.meshwork.lineage.graph.LineageGraph;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes a batch of OpenLineage events in one transaction with a fixed number of set-based
 * statements ({@link WriteStatements}: arrays bound as parameters, never SQL text), however many
 * events the batch holds; then hands the rows it changed to the graph in memory, so a read after
 * the POST sees them.
 */
@ApplicationScoped
public class GraphWriter {

  private static final Logger LOG = Logger.getLogger(GraphWriter.class);
  private static final int ATTEMPTS = 5;
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");

  private final AgroalDataSource dataSource;
  private final LineageGraph graph;

  public GraphWriter(AgroalDataSource dataSource, LineageGraph graph) {
    this.dataSource = dataSource;
    this.graph = graph;
  }

  /** Writes all events or none; retried on deadlock or serialization failure. */
  public GraphChanges write(List<LineageEvent> events) throws SQLException {
    WritePlan plan = new WritePlan(events);
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          GraphChanges changes = new WriteAttempt(connection, plan, graph).run();
          connection.commit();
          graph.apply(changes);
          return changes;
        } catch (SQLException e) {
          connection.rollback();
          if (attempt < ATTEMPTS && RETRYABLE.contains(e.getSQLState())) {
            LOG.debugf("Lineage write attempt %d failed (%s); retrying", attempt, e.getSQLState());
            continue;
          }
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }
  }
}
