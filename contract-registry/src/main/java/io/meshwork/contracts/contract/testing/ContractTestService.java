package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.ContractService;
import io.meshwork.contracts.contract.ContractVersion;
import io.meshwork.contracts.contract.DataContract;
import io.meshwork.contracts.contract.diff.SlaValues;
import io.meshwork.contracts.contract.document.ContractDocuments;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.contracts.ContractTested;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ProblemException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.DomainAccessDeniedException;
import io.meshwork.web.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Contract tests: a contract's quality rules run as read-only SQL against the PostgreSQL dataset
 * its {@code servers} entry names; results are stored and evented.
 */
@ApplicationScoped
public class ContractTestService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContractService contracts;
  private final ContractsConfig config;
  private final Outbox outbox;
  private final ReadOnlyConnections connections;

  public ContractTestService(
      ContractService contracts,
      ContractsConfig config,
      Outbox outbox,
      ReadOnlyConnections connections) {
    this.contracts = contracts;
    this.config = config;
    this.outbox = outbox;
    this.connections = connections;
  }

  public ContractTestRun run(String id, String versionText, String serverName, Caller caller) {
    DataContract contract = contracts.contract(id);
    if (!caller.mayChange(contract.domain) && !caller.hasRole(Roles.PLATFORM_SERVICE)) {
      throw new DomainAccessDeniedException(
          caller.name() + " may not run tests of domain '" + contract.domain + "'s contracts");
    }
    ContractVersion version = contracts.version(id, versionText);
    JsonNode document = ContractDocuments.readCanonical(version.document);
    JsonNode server = server(document, serverName);
    Instant started = Instant.now();
    List<CheckResult> results = new ArrayList<>();
    try (Connection connection = connect(server)) {
      String schema = server.path("schema").asText();
      for (JsonNode object : document.path("schema")) {
        String table = object.path("physicalName").asText(object.path("name").asText());
        QualityChecks checks =
            new QualityChecks(
                connection,
                schema,
                table,
                object.path("name").asText(),
                connections.timeoutSeconds(),
                connections.sampleSize());
        checks.contractRules(object);
        freshness(document, object, checks);
        results.addAll(checks.results());
      }
    } catch (SQLException e) {
      throw new ProblemException(
          422,
          "contracts.test.dataset-unreachable",
          "Dataset unreachable",
          SqlFailures.connection(server.path("server").asText(), e));
    }
    return record(contract, version, server.path("server").asText(), results, caller, started);
  }

  private void freshness(JsonNode document, JsonNode object, QualityChecks checks) {
    for (JsonNode sla : document.path("slaProperties")) {
      String property = sla.path("property").asText().toLowerCase(Locale.ROOT);
      String element = sla.path("element").asText("");
      if (!(property.equals("latency") || property.equals("freshness")) || element.isEmpty()) {
        continue;
      }
      String[] parts = element.split("\\.");
      if (parts.length == 2 && parts[0].equals(object.path("name").asText())) {
        Double seconds = SlaValues.normalized(sla);
        if (seconds != null) {
          checks.freshness(
              parts[1], seconds, sla.path("value").asText() + " " + sla.path("unit").asText(""));
        }
      }
    }
  }

  private ContractTestRun record(
      DataContract contract,
      ContractVersion version,
      String server,
      List<CheckResult> results,
      Caller caller,
      Instant started) {
    long failed = results.stream().filter(r -> r.status().equals(CheckResult.FAILED)).count();
    long warnings = results.stream().filter(r -> r.status().equals(CheckResult.WARNING)).count();
    long passed = results.size() - failed - warnings;
    String outcome =
        failed > 0 ? CheckResult.FAILED : warnings > 0 ? CheckResult.WARNING : CheckResult.PASSED;
    ContractTestRun run = new ContractTestRun();
    run.id = UUID.randomUUID();
    run.contractId = contract.id;
    run.version = version.version;
    run.server = server;
    run.outcome = outcome;
    run.results = json(results);
    run.startedBy = caller.name();
    run.startedAt = started;
    run.finishedAt = Instant.now();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              run.persist();
              outbox.publish(
                  ContractEvents.CONTRACT_TESTED,
                  contract.id,
                  contract.id + "/" + version.version + "/tests/" + run.id,
                  new ContractTested(
                      run.id,
                      contract.id,
                      version.version,
                      server,
                      outcome,
                      (int) passed,
                      (int) warnings,
                      (int) failed,
                      run.finishedAt));
            });
    return run;
  }

  public List<ContractTestRun> runs(String id) {
    contracts.contract(id);
    return ContractTestRun.list("contractId = ?1 order by startedAt desc", id);
  }

  private JsonNode server(JsonNode document, String serverName) {
    for (JsonNode server : document.path("servers")) {
      String type = server.path("type").asText();
      boolean postgres = type.equals("postgres") || type.equals("postgresql");
      if (postgres && (serverName == null || serverName.equals(server.path("server").asText()))) {
        String host = server.path("host").asText();
        if (!config.quality().allowedHosts().contains(host)) {
          throw InvalidRequestException.ofField(
              "contracts.test.host-not-allowed",
              "servers.host",
              // The allowed hosts are the registry's own settings: the answer does not list them.
              "contract tests may not connect to '" + host + "': it is not an allowed host");
        }
        return server;
      }
    }
    throw InvalidRequestException.ofField(
        "contracts.test.no-postgres-server",
        "servers",
        serverName == null
            ? "the contract names no postgres server"
            : "the contract has no postgres server '" + serverName + "'");
  }

  private Connection connect(JsonNode server) throws SQLException {
    return connections.open(
        server.path("host").asText(),
        server.path("port").asInt(),
        server.path("database").asText());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
