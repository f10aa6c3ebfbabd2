package io.meshwork.contracts.contract.testing;

import io.meshwork.web.problem.Incidents;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * What callers may read about a failed connection or query of a contract test: a reason written
 * here from the SQL state's class, and a reference to the log line that holds the driver's message
 * (which names hosts, ports, SQL states and server internals).
 */
public final class SqlFailures {

  private static final Logger LOG = Logger.getLogger(SqlFailures.class);

  private SqlFailures() {}

  /** A check's query answered with something other than a number. */
  static final class NotANumberException extends SQLException {
    NotANumberException() {
      super("the query's first column is not a number");
    }
  }

  /** The stored message of a check whose query failed. */
  public static String query(SQLException e) {
    return Incidents.record(LOG, "query failed: " + queryReason(e), e);
  }

  /** The problem detail when the dataset of {@code server} cannot be opened. */
  public static String connection(String server, SQLException e) {
    return Incidents.record(
        LOG, "Cannot read the dataset of server '" + server + "': " + connectionReason(e), e);
  }

  private static String queryReason(SQLException e) {
    if (e instanceof NotANumberException) {
      return e.getMessage();
    }
    String state = state(e);
    return switch (state) {
      case "25006" -> "contract tests are read-only, and the query tries to change data";
      case "57014" -> "the query ran longer than contract tests allow";
      case "42P01" -> "the query names a table that does not exist";
      case "42703" -> "the query names a column that does not exist";
      case "42883" -> "the query calls a function or operator that does not exist";
      case "42601" -> "the query is not valid SQL";
      case "42501" -> "the test user may not read what the query names";
      default -> {
        if (state.startsWith("42")) {
          yield "the query does not fit the dataset";
        }
        if (state.startsWith("22")) {
          yield "a value in the dataset cannot be used as the query asks";
        }
        yield "the database could not run the query";
      }
    };
  }

  private static String connectionReason(SQLException e) {
    String state = state(e);
    if (state.startsWith("08")) {
      return "the database does not accept connections";
    }
    if (state.startsWith("28")) {
      return "the database refused the test user's credentials";
    }
    return switch (state) {
      case "3D000" -> "the database does not exist";
      case "53300" -> "the database has no free connections";
      case "57P03" -> "the database is starting or shutting down";
      default -> "the database could not be read";
    };
  }

  private static String state(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }
}
