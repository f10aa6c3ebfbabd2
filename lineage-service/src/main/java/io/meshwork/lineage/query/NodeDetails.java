package io.meshwork.lineage.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the graph in memory leaves in the database: a node's facets, as last stated. */
@ApplicationScoped
public class NodeDetails {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AgroalDataSource dataSource;

  public NodeDetails(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public JsonNode facets(long nodeId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT facets::text FROM lineage_node WHERE id = ?")) {
      query.setLong(1, nodeId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? JSON.readTree(row.getString(1)) : JSON.createObjectNode();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read facets of node " + nodeId, e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
