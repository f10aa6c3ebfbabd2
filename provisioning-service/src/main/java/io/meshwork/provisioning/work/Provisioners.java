package io.meshwork.provisioning.work;

import io.meshwork.provisioning.storage.KafkaTopicProvisioner;
import io.meshwork.provisioning.storage.PostgresProvisioner;
import io.meshwork.provisioning.storage.Provisioner;
import io.meshwork.provisioning.storage.S3Provisioner;
import io.meshwork.provisioning.storage.StorageTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The provisioner for each kind of storage target. */
@ApplicationScoped
public class Provisioners {

  private final List<Provisioner> all;

  public Provisioners(PostgresProvisioner postgres, KafkaTopicProvisioner kafka, S3Provisioner s3) {
    this.all = List.of(postgres, kafka, s3);
  }

  public Provisioner of(StorageTarget target) {
    return all.stream()
        .filter(p -> p.supports(target))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No provisioner for " + target));
  }
}
