package io.meshwork.lineage.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads lineage rows into graph changes: one place that knows the columns. */
public final class GraphRows {

  public static final String NODE_COLUMNS =
      "id, kind, namespace, name, first_seen, last_updated, processing_type, job_type, domain,"
          + " data_product, owners::text, deleted_at, version, aliases";
  public static final String EDGE_COLUMNS = "id, source_id, target_id, valid_from, valid_to";
  public static final String COLUMN_EDGE_COLUMNS =
      "id, job_id, input_id, input_field, output_id, output_field, transformations::text,"
          + " valid_from, valid_to";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphRows() {}

  /** Reads one row of a result; the readers of every lineage query share this shape. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  public static Node node(ResultSet row) throws SQLException {
    return new Node(
        row.getLong(1),
        new NodeKey(
            NodeKind.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
            row.getString(3).intern(),
            row.getString(4)),
        instant(row, 5),
        instant(row, 6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        row.getString(10),
        ownerNames(row.getString(11)),
        instant(row, 12),
        row.getLong(13),
        aliases(row.getArray(14)));
  }

  private static List<String> aliases(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    String[] values = (String[]) array.getArray();
    return values.length == 0 ? List.of() : List.of(values);
  }

  public static GraphChanges.Edge edge(ResultSet row) throws SQLException {
    return new GraphChanges.Edge(
        row.getLong(1), row.getLong(2), row.getLong(3), instant(row, 4), instant(row, 5));
  }

  public static GraphChanges.ColumnEdge columnEdge(ResultSet row) throws SQLException {
    return new GraphChanges.ColumnEdge(
        row.getLong(1),
        row.getLong(2),
        row.getLong(3),
        row.getString(4),
        row.getLong(5),
        row.getString(6),
        row.getString(7),
        instant(row, 8),
        instant(row, 9));
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** Owners are stored as OpenLineage writes them, [{name, type}]; the graph keeps the names. */
  static List<String> ownerNames(String json) {
    List<String> names = new ArrayList<>();
    if (json == null) {
      return names;
    }
    try {
      for (JsonNode owner : JSON.readTree(json)) {
        names.add(owner.path("name").asText());
      }
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable owners " + json, e);
    }
    return List.copyOf(names);
  }
}
