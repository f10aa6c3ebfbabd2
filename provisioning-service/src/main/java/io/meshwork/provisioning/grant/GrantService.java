package io.meshwork.provisioning.grant;

import io.meshwork.events.contracts.AccessRequestChanged;
import io.meshwork.events.outbox.Outbox;
import io.meshwork.events.provisioning.GrantsChanged;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.dataset.Dataset;
import io.meshwork.provisioning.dataset.DatasetRepository;
import io.meshwork.provisioning.dataset.DatasetState;
import io.meshwork.provisioning.storage.ProvisionedResource;
import io.meshwork.provisioning.storage.ResourceKind;
import io.meshwork.provisioning.storage.ResourceStatus;
import io.meshwork.provisioning.storage.WarehouseConnections;
import io.meshwork.web.problem.Incidents;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies an approved access request's grants on the real storage of each output port, and takes
 * them back when the agreement is revoked or expires; reports each grant's outcome as an event.
 * Runs in the caller's transaction (the inbox's), so a crash repeats the whole step: every grant
 * and revocation is safe to repeat.
 */
@ApplicationScoped
public class GrantService {

  private static final Logger LOG = Logger.getLogger(GrantService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatasetRepository datasets;
  private final WarehouseConnections warehouse;
  private final KafkaGrants kafka;
  private final Outbox outbox;
  private final String loginDatabase;

  public GrantService(
      DatasetRepository datasets,
      WarehouseConnections warehouse,
      KafkaGrants kafka,
      Outbox outbox,
      ProvisioningConfig config) {
    this.datasets = datasets;
    this.warehouse = warehouse;
    this.kafka = kafka;
    this.outbox = outbox;
    this.loginDatabase = config.postgres().defaultDatabase();
  }

  public void apply(AccessRequestChanged request) {
    String secret = newSecret(request);
    if (secret != null) {
      createLogins(request.principal(), secret);
    }
    List<DatasetGrant> made = new ArrayList<>();
    for (String port : request.outputPorts()) {
      made.addAll(applyTo(request, port));
    }
    publish(request, made, true);
  }

  public void revoke(AccessRequestChanged request) {
    List<DatasetGrant> live =
        DatasetGrant.list("requestId = ?1 and revokedAt is null", request.requestId());
    Instant now = Instant.now();
    for (DatasetGrant grant : live) {
      if (DatasetGrant.APPLIED.equals(grant.outcome) && "postgres-table".equals(grant.kind)) {
        revokeTable(grant);
      } else if (DatasetGrant.APPLIED.equals(grant.outcome) && "kafka-topic".equals(grant.kind)) {
        revokeTopic(grant);
      }
      grant.revokedAt = now;
      grant.outcome = DatasetGrant.REVOKED;
    }
    publish(request, live, false);
  }

  private List<DatasetGrant> applyTo(AccessRequestChanged request, String port) {
    String[] parts = port.split("/", 2);
    Optional<Dataset> dataset =
        parts.length == 2 ? datasets.findLive(parts[0], parts[1]) : Optional.empty();
    if (dataset.isEmpty() || dataset.get().state != DatasetState.READY) {
      return List.of(
          record(
              request,
              port,
              "dataset",
              port,
              "",
              DatasetGrant.FAILED,
              "the output port is not a READY dataset"));
    }
    List<DatasetGrant> made = new ArrayList<>();
    for (ProvisionedResource resource :
        ProvisionedResource.<ProvisionedResource>list(
            "datasetId = ?1 and status = ?2", dataset.get().id, ResourceStatus.CREATED)) {
      if (resource.kind == ResourceKind.POSTGRES_TABLE) {
        made.add(grantTable(request, port, resource.uri));
      } else if (resource.kind == ResourceKind.S3_PREFIX) {
        made.add(
            record(
                request,
                port,
                "s3-prefix",
                resource.uri,
                S3Policies.readOnly(resource.uri, request.principal()),
                DatasetGrant.DOCUMENTED,
                "the policy document for the prefix; S3Proxy cannot enforce per-prefix policies"));
      } else if (resource.kind == ResourceKind.KAFKA_TOPIC) {
        made.add(grantTopic(request, port, resource.uri));
      }
    }
    return made;
  }

  private DatasetGrant grantTable(AccessRequestChanged request, String port, String uri) {
    PostgresGrants.Table table = PostgresGrants.Table.parse(uri);
    try (Connection c = warehouse.connect(table.database())) {
      PostgresGrants.ensureRole(c, request.principal(), null);
      List<String> columns = PostgresGrants.columns(c, table, request.fields());
      if (columns.isEmpty()) {
        return record(
            request,
            port,
            "postgres-table",
            uri,
            "",
            DatasetGrant.FAILED,
            "none of the fields asked for is a column of " + table.schema() + "." + table.table());
      }
      boolean whole = request.fields() == null || request.fields().isEmpty();
      String privileges = PostgresGrants.grant(c, table, request.principal(), columns, whole);
      return record(request, port, "postgres-table", uri, privileges, DatasetGrant.APPLIED, null);
    } catch (SQLException | RuntimeException e) {
      String reason = Incidents.record(LOG, "the grant on " + port + " failed", e);
      return record(request, port, "postgres-table", uri, "", DatasetGrant.FAILED, reason);
    }
  }

  private DatasetGrant grantTopic(AccessRequestChanged request, String port, String uri) {
    try {
      String privileges = kafka.grant(KafkaGrants.topicOf(uri), request.principal());
      return record(request, port, "kafka-topic", uri, privileges, DatasetGrant.APPLIED, null);
    } catch (KafkaGrants.KafkaGrantException e) {
      String reason = Incidents.record(LOG, "the grant on " + port + " failed", e.getCause());
      return record(request, port, "kafka-topic", uri, "", DatasetGrant.FAILED, reason);
    }
  }

  private void revokeTopic(DatasetGrant grant) {
    boolean lastTopic =
        DatasetGrant.count(
                "principal = ?1 and kind = ?2 and revokedAt is null and outcome = ?3 and id <> ?4",
                grant.principal,
                "kafka-topic",
                DatasetGrant.APPLIED,
                grant.id)
            == 0;
    try {
      kafka.revoke(KafkaGrants.topicOf(grant.resource), grant.principal, lastTopic);
      // Another live agreement of the same consumer on the same topic keeps its own ACLs.
      if (DatasetGrant.count(
              "principal = ?1 and resource = ?2 and revokedAt is null and outcome = ?3 and id <> ?4",
              grant.principal,
              grant.resource,
              DatasetGrant.APPLIED,
              grant.id)
          > 0) {
        kafka.grant(KafkaGrants.topicOf(grant.resource), grant.principal);
      }
    } catch (KafkaGrants.KafkaGrantException e) {
      // Repeated with the event: the agreement must not outlive its end.
      throw new IllegalStateException("revoking " + grant.id + " failed", e.getCause());
    }
  }

  /**
   * One secret signs the consumer in everywhere: the warehouse role (roles are server-wide) and the
   * broker's SCRAM user, both made at once so a later grant of either kind finds its login.
   */
  private void createLogins(String principal, String secret) {
    try (Connection c = warehouse.connect(loginDatabase)) {
      PostgresGrants.ensureRole(c, principal, secret);
      kafka.ensureUser(principal, secret);
    } catch (SQLException | KafkaGrants.KafkaGrantException e) {
      // Rolled back with the step, so the next delivery makes the logins again.
      throw new IllegalStateException("the logins of " + principal + " were not made", e);
    }
  }

  private void revokeTable(DatasetGrant grant) {
    PostgresGrants.Table table = PostgresGrants.Table.parse(grant.resource);
    try (Connection c = warehouse.connect(table.database())) {
      PostgresGrants.revoke(c, table, grant.principal);
      // Another live agreement of the same consumer on the same table keeps its own grant.
      for (DatasetGrant other :
          DatasetGrant.<DatasetGrant>list(
              "principal = ?1 and resource = ?2 and revokedAt is null and outcome = ?3 and id <> ?4",
              grant.principal,
              grant.resource,
              DatasetGrant.APPLIED,
              grant.id)) {
        List<String> columns =
            other.privileges.startsWith("SELECT (")
                ? List.of(other.privileges.substring(8, other.privileges.length() - 1).split(", "))
                : List.of();
        PostgresGrants.grant(c, table, other.principal, columns, columns.isEmpty());
      }
    } catch (SQLException e) {
      // Repeated with the event: the agreement must not outlive its end.
      throw new IllegalStateException("revoking " + grant.id + " failed", e);
    }
  }

  /** A new secret when the consumer has no login yet; kept until it is fetched, once. */
  private static String newSecret(AccessRequestChanged request) {
    ConsumerCredential credential = ConsumerCredential.findById(request.principal());
    if (credential != null && (credential.secret != null || credential.retrievedAt != null)) {
      return null;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    if (credential == null) {
      credential = new ConsumerCredential();
      credential.principal = request.principal();
    }
    credential.consumer = request.consumer();
    credential.consumerDomain = request.consumerDomain();
    credential.secret = secret;
    credential.createdAt = Instant.now();
    credential.persist();
    return secret;
  }

  private static DatasetGrant record(
      AccessRequestChanged request,
      String port,
      String kind,
      String resource,
      String privileges,
      String outcome,
      String detail) {
    DatasetGrant grant = new DatasetGrant();
    grant.id = UUID.randomUUID();
    grant.requestId = request.requestId();
    grant.principal = request.principal();
    grant.dataset = port;
    grant.kind = kind;
    grant.resource = resource;
    grant.privileges = privileges;
    grant.outcome = outcome;
    grant.detail = detail;
    grant.appliedAt = Instant.now();
    grant.persist();
    return grant;
  }

  private void publish(AccessRequestChanged request, List<DatasetGrant> grants, boolean applied) {
    boolean complete = grants.stream().noneMatch(g -> DatasetGrant.FAILED.equals(g.outcome));
    List<GrantsChanged.Grant> reported =
        grants.stream()
            .map(
                g ->
                    new GrantsChanged.Grant(
                        g.dataset, g.kind, g.resource, g.privileges, g.outcome, g.detail))
            .toList();
    outbox.publish(
        applied ? ProvisioningEvents.GRANTS_APPLIED : ProvisioningEvents.GRANTS_REVOKED,
        request.requestId().toString(),
        "grants/" + request.requestId(),
        new GrantsChanged(
            request.requestId(),
            request.principal(),
            complete && !grants.isEmpty(),
            reported,
            Instant.now()));
  }
}
