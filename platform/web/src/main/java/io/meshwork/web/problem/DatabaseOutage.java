package io.meshwork.web.problem;

import java.sql.SQLException;

/**
 * Failures that mean "the database is not reachable right now" rather than "this request or this
 * work is wrong": connection exceptions (SQLSTATE class 08), operator intervention (57P01-57P03, a
 * restart or shutdown) and no free connection (53300). Work that meets one may be tried again.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  public static boolean state(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.matches("57P0[123]") || sqlState.equals("53300"));
  }

  /** Whether {@code e} or one of its causes is such a failure. */
  public static boolean causes(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && state(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
