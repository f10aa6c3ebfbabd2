package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.web.problem.Incidents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.protocol.Errors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A topic per dataset with the requested partitions, retention and cleanup policy (Kafka Admin).
 */
@ApplicationScoped
public class KafkaTopicProvisioner implements Provisioner {

  private static final Logger LOG = Logger.getLogger(KafkaTopicProvisioner.class);

  private static final long TIMEOUT_SECONDS = 30;

  private final ProvisioningConfig.Kafka config;
  private final Admin admin;

  public KafkaTopicProvisioner(
      ProvisioningConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String platformBootstrap) {
    this.config = config.kafka();
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    this.config.bootstrapServers().orElse(platformBootstrap),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  @PreDestroy
  void close() {
    admin.close();
  }

  @Override
  public boolean supports(StorageTarget target) {
    return target instanceof StorageTarget.Kafka;
  }

  @Override
  public List<ResourceLedger.Planned> plan(ProvisioningContext context) {
    String topic = ((StorageTarget.Kafka) context.target()).topic();
    return List.of(
        new ResourceLedger.Planned(ResourceKind.KAFKA_TOPIC, topic, context.target().uri()));
  }

  @Override
  public void provision(
      ProvisioningContext context, List<ResourceLedger.Intent> intents, ResourceLedger ledger) {
    String topic = ((StorageTarget.Kafka) context.target()).topic();
    ResourceLedger.Intent intent = ResourceLedger.intentOf(intents, ResourceKind.KAFKA_TOPIC);
    NewTopic request =
        new NewTopic(topic, context.partitions(), config.replicationFactor())
            .configs(
                Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(context.retentionMillis()),
                    TopicConfig.CLEANUP_POLICY_CONFIG, context.cleanupPolicy()));
    try {
      admin.createTopics(List.of(request)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        // Ours if we noted the intent before (a crash after creating it); someone else's otherwise.
        if (intent.notedEarlier() && intent.status() != ResourceStatus.DELETED) {
          ledger.mark(context.datasetId(), ResourceKind.KAFKA_TOPIC, topic, ResourceStatus.CREATED);
          return;
        }
        ledger.forget(context.datasetId(), List.of(intent.resource()));
        throw new ProvisioningFailure(
            "topic " + topic + " already exists and was not created for this dataset", e);
      }
      throw failure("creating topic " + topic, e.getCause());
    } catch (TimeoutException e) {
      throw new TransientFailure("creating topic " + topic + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("interrupted while creating topic " + topic, e);
    }
  }

  @Override
  public void deprovision(ProvisioningContext context, ResourceLedger ledger, boolean retain) {
    String topic = ((StorageTarget.Kafka) context.target()).topic();
    if (!ledger.owns(context.datasetId(), ResourceKind.KAFKA_TOPIC, topic)) {
      return;
    }
    if (retain) {
      ledger.mark(context.datasetId(), ResourceKind.KAFKA_TOPIC, topic, ResourceStatus.DETACHED);
      return;
    }
    try {
      admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw failure("deleting topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new TransientFailure("deleting topic " + topic + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("interrupted while deleting topic " + topic, e);
    }
    ledger.mark(context.datasetId(), ResourceKind.KAFKA_TOPIC, topic, ResourceStatus.DELETED);
  }

  @Override
  public List<DriftFinding> verify(ProvisioningContext context, ResourceLedger ledger) {
    String topic = ((StorageTarget.Kafka) context.target()).topic();
    List<DriftFinding> findings = new ArrayList<>();
    try {
      TopicDescription description =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic);
      if (description.partitions().size() != context.partitions()) {
        findings.add(
            new DriftFinding(
                "kafka://" + topic,
                "has "
                    + description.partitions().size()
                    + " partitions, provisioned with "
                    + context.partitions()));
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config configs =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(resource);
      String retention = configs.get(TopicConfig.RETENTION_MS_CONFIG).value();
      if (!Long.toString(context.retentionMillis()).equals(retention)) {
        findings.add(
            new DriftFinding(
                "kafka://" + topic,
                "retention.ms is "
                    + retention
                    + ", provisioned with "
                    + context.retentionMillis()));
      }
      String cleanup = configs.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (!context.cleanupPolicy().equals(cleanup)) {
        findings.add(
            new DriftFinding(
                "kafka://" + topic,
                "cleanup.policy is " + cleanup + ", provisioned with " + context.cleanupPolicy()));
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        findings.add(new DriftFinding("kafka://" + topic, "topic is missing"));
      } else {
        throw failure("checking topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new TransientFailure("checking topic " + topic + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("interrupted while checking topic " + topic, e);
    }
    return findings;
  }

  /**
   * The failure as callers may read it: what was being done and the broker's error, by its name;
   * the broker's message (hosts, internals) stays in the log.
   */
  private static RuntimeException failure(String what, Throwable cause) {
    String error =
        cause instanceof ApiException api
            ? Errors.forException(api)
                .name()
                .replace("_EXCEPTION", "")
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ')
            : "no answer";
    if (cause instanceof RetriableException) {
      return new TransientFailure(
          Incidents.record(LOG, what + ": the broker is unavailable (" + error + ")", cause),
          cause);
    }
    return new ProvisioningFailure(
        Incidents.record(LOG, what + " failed: the broker refused it (" + error + ")", cause),
        cause);
  }
}
