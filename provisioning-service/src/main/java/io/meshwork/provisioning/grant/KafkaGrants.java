package io.meshwork.provisioning.grant;

import io.meshwork.provisioning.config.ProvisioningConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A consumer's SCRAM login and its ACLs on the broker that holds the datasets' topics: READ and
 * DESCRIBE on each granted topic, READ on the consumer groups named after its principal.
 */
@ApplicationScoped
public class KafkaGrants {

  static final String PRIVILEGES = "READ, DESCRIBE topic; READ group ";
  private static final long TIMEOUT_SECONDS = 30;
  private static final int SCRAM_ITERATIONS = 8192;

  private final Admin admin;

  public KafkaGrants(
      ProvisioningConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String platformBootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.kafka().bootstrapServers().orElse(platformBootstrap),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  @PreDestroy
  void close() {
    admin.close();
  }

  /** The consumer can sign in with SCRAM-SHA-512 and {@code secret}. */
  public void ensureUser(String principal, String secret) throws KafkaGrantException {
    await(
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        secret)))
            .all());
  }

  /** Grants reading {@code topic}; returns what was granted. */
  public String grant(String topic, String principal) throws KafkaGrantException {
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
      acls.add(new AclBinding(topic(topic), allow(principal, operation)));
    }
    acls.add(new AclBinding(groups(principal), allow(principal, AclOperation.READ)));
    await(admin.createAcls(acls).all());
    return PRIVILEGES + principal + "*";
  }

  /** Takes the topic ACLs back; the group ACL too when {@code lastTopic}. */
  public void revoke(String topic, String principal, boolean lastTopic) throws KafkaGrantException {
    List<AclBindingFilter> filters = new ArrayList<>();
    filters.add(new AclBindingFilter(topic(topic).toFilter(), entries(principal)));
    if (lastTopic) {
      filters.add(
          new AclBindingFilter(
              new ResourcePatternFilter(ResourceType.GROUP, principal, PatternType.PREFIXED),
              entries(principal)));
    }
    await(admin.deleteAcls(filters).all());
  }

  static String topicOf(String uri) {
    return uri.substring("kafka://".length());
  }

  private static ResourcePattern topic(String topic) {
    return new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
  }

  private static ResourcePattern groups(String principal) {
    return new ResourcePattern(ResourceType.GROUP, principal, PatternType.PREFIXED);
  }

  private static AccessControlEntry allow(String principal, AclOperation operation) {
    return new AccessControlEntry(user(principal), "*", operation, AclPermissionType.ALLOW);
  }

  private static AccessControlEntryFilter entries(String principal) {
    return new AccessControlEntryFilter(
        user(principal), null, AclOperation.ANY, AclPermissionType.ANY);
  }

  private static String user(String principal) {
    return "User:" + principal;
  }

  private static <T> T await(KafkaFuture<T> future) throws KafkaGrantException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new KafkaGrantException(e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaGrantException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaGrantException(e);
    }
  }

  /** The broker refused or did not answer; the cause is for the log only. */
  public static final class KafkaGrantException extends Exception {
    KafkaGrantException(Throwable cause) {
      super(cause);
    }
  }
}
