package io.meshwork.provisioning.storage;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.meshwork.provisioning.config.ProvisioningConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small connection pool per warehouse database, made on first use: a dataset's DDL does not pay
 * for a new server process each time. Broken connections are dropped (PostgreSQL's exception
 * sorter) and idle ones are checked before reuse.
 */
@ApplicationScoped
public class WarehouseConnections {

  private final ProvisioningConfig.Postgres config;
  private final int maxSize;
  private final int minSize;
  private final Map<String, AgroalDataSource> pools = new ConcurrentHashMap<>();

  public WarehouseConnections(ProvisioningConfig config) {
    this.config = config.postgres();
    this.maxSize = config.worker().threads() + 2;
    this.minSize = config.worker().threads();
  }

  /** A connection to {@code database} in auto-commit mode; close it to give it back. */
  public Connection connect(String database) throws SQLException {
    AgroalDataSource pool = pools.get(database);
    if (pool == null) {
      synchronized (pools) {
        pool = pools.get(database);
        if (pool == null) {
          pool = create(database);
          pools.put(database, pool);
        }
      }
    }
    Connection connection = pool.getConnection();
    connection.setAutoCommit(true);
    return connection;
  }

  private AgroalDataSource create(String database) throws SQLException {
    AgroalDataSourceConfigurationSupplier supplier =
        new AgroalDataSourceConfigurationSupplier()
            .connectionPoolConfiguration(
                pool ->
                    // Connections for every worker stay open once the database is used: a burst
                    // would otherwise wait for new server processes, which the pool makes one by
                    // one.
                    pool.initialSize(minSize)
                        .minSize(minSize)
                        .maxSize(maxSize)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .idleValidationTimeout(Duration.ofSeconds(30))
                        .validationTimeout(Duration.ofMinutes(1))
                        .reapTimeout(Duration.ofMinutes(5))
                        .maxLifetime(Duration.ofMinutes(30))
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(5))
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .connectionFactoryConfiguration(
                            factory -> {
                              factory
                                  .jdbcUrl(
                                      PostgresProvisioner.withDatabase(
                                          config.serverUrl(), database))
                                  .connectionProviderClass(org.postgresql.Driver.class)
                                  .principal(new NamePrincipal(config.username()))
                                  .loginTimeout(Duration.ofSeconds(5))
                                  .autoCommit(true);
                              config
                                  .password()
                                  .ifPresent(p -> factory.credential(new SimplePassword(p)));
                              return factory;
                            }));
    return AgroalDataSource.from(supplier);
  }

  @PreDestroy
  void close() {
    pools.values().forEach(AgroalDataSource::close);
    pools.clear();
  }
}
