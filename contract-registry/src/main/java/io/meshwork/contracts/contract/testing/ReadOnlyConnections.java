package io.meshwork.contracts.contract.testing;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.meshwork.contracts.config.ContractsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions for quality checks: the test login, read-only at the driver and in the session, each
 * statement under the configured timeout. Contract tests and quality suites use the same.
 */
@ApplicationScoped
public class ReadOnlyConnections {

  private static final int POOL_SIZE = 4;

  private final ContractsConfig config;
  private final Map<String, AgroalDataSource> pools = new ConcurrentHashMap<>();

  public ReadOnlyConnections(ContractsConfig config) {
    this.config = config;
  }

  /** A session on {@code database} of the server at {@code host:port}. */
  public Connection open(String host, int port, String database) throws SQLException {
    return open("jdbc:postgresql://" + host + ":" + port + "/" + database);
  }

  /**
   * A pooled session: a check run borrows it and gives it back on {@code close()}. Connecting and
   * setting up a session costs more than most checks' queries, so each server and database keeps a
   * few idle sessions (closed after a few idle minutes).
   */
  public Connection open(String url) throws SQLException {
    Connection connection = pools.computeIfAbsent(url, this::pool).getConnection();
    connection.setReadOnly(true);
    return connection;
  }

  private AgroalDataSource pool(String url) {
    // Belt and braces: whatever a rule's SQL says, every transaction of these sessions is
    // read-only (each check runs in its own, so one failing query does not abort the rest).
    String session =
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET statement_timeout = "
            + config.quality().queryTimeout().toMillis();
    AgroalDataSourceConfigurationSupplier settings =
        new AgroalDataSourceConfigurationSupplier()
            .connectionPoolConfiguration(
                pool ->
                    pool.maxSize(POOL_SIZE)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .reapTimeout(Duration.ofMinutes(5))
                        .validationTimeout(Duration.ofMinutes(1))
                        .connectionFactoryConfiguration(
                            factory -> {
                              factory
                                  .jdbcUrl(url)
                                  .autoCommit(true)
                                  .initialSql(session)
                                  .principal(new NamePrincipal(config.quality().username()))
                                  .jdbcProperty("readOnly", "true")
                                  .jdbcProperty("readOnlyMode", "always")
                                  .jdbcProperty("connectTimeout", "5");
                              config
                                  .quality()
                                  .password()
                                  .ifPresent(p -> factory.credential(new SimplePassword(p)));
                              return factory;
                            }));
    try {
      return AgroalDataSource.from(settings);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make a connection pool", e);
    }
  }

  @PreDestroy
  void close() {
    pools.values().forEach(AgroalDataSource::close);
  }

  public int timeoutSeconds() {
    return (int) Math.max(1, config.quality().queryTimeout().toSeconds());
  }

  public int sampleSize() {
    return config.quality().sampleSize();
  }
}
