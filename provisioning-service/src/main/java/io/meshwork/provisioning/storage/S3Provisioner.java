package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.provisioning.config.S3Config;
import io.meshwork.web.problem.Incidents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A prefix per dataset in a bucket (created if missing), marked by an object that carries the
 * dataset's ownership as S3 user metadata ({@code x-amz-meta-meshwork-*}): the portable form of a
 * tag, honoured by every S3-compatible server. Deprovisioning removes the prefix's objects, and the
 * bucket too if this dataset created it and it is empty.
 */
@ApplicationScoped
public class S3Provisioner implements Provisioner {

  private static final Logger LOG = Logger.getLogger(S3Provisioner.class);

  static final String MARKER = "_meshwork-dataset.json";

  private final S3Client s3;

  public S3Provisioner(S3Config config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle());
    config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
    if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    this.s3 = builder.build();
  }

  @PreDestroy
  void close() {
    s3.close();
  }

  @Override
  public boolean supports(StorageTarget target) {
    return target instanceof StorageTarget.S3;
  }

  /** The bucket too, when it does not exist yet: then this dataset creates it and owns it. */
  @Override
  public List<ResourceLedger.Planned> plan(ProvisioningContext context) {
    StorageTarget.S3 target = (StorageTarget.S3) context.target();
    ResourceLedger.Planned prefix =
        new ResourceLedger.Planned(ResourceKind.S3_PREFIX, target.prefix(), target.uri());
    try {
      return bucketExists(target.bucket())
          ? List.of(prefix)
          : List.of(
              new ResourceLedger.Planned(
                  ResourceKind.S3_BUCKET, target.bucket(), "s3://" + target.bucket()),
              prefix);
    } catch (S3Exception e) {
      throw failure("looking at bucket " + target.bucket(), e);
    } catch (SdkClientException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void provision(
      ProvisioningContext context, List<ResourceLedger.Intent> intents, ResourceLedger ledger) {
    StorageTarget.S3 target = (StorageTarget.S3) context.target();
    try {
      if (intents.stream().anyMatch(i -> i.resource().kind() == ResourceKind.S3_BUCKET)) {
        try {
          s3.createBucket(b -> b.bucket(target.bucket()));
        } catch (BucketAlreadyOwnedByYouException raced) {
          // created meanwhile by another dataset of ours
        }
        ledger.mark(
            context.datasetId(), ResourceKind.S3_BUCKET, target.bucket(), ResourceStatus.CREATED);
      }
      String marker = target.prefix() + "/" + MARKER;
      ResourceLedger.Intent intent = ResourceLedger.intentOf(intents, ResourceKind.S3_PREFIX);
      String holder = markerOwner(target.bucket(), marker);
      if (holder != null
          && !holder.equals(context.datasetId().toString())
          && !intent.notedEarlier()) {
        ledger.forget(context.datasetId(), List.of(intent.resource()));
        throw new ProvisioningFailure(target.uri() + " already belongs to dataset " + holder, null);
      }
      s3.putObject(
          b ->
              b.bucket(target.bucket())
                  .key(marker)
                  .contentType("application/json")
                  .metadata(
                      Map.of(
                          "meshwork-dataset-id", context.datasetId().toString(),
                          "meshwork-domain", context.domain(),
                          "meshwork-dataset", context.name(),
                          "meshwork-owner", ascii(context.owner()),
                          "meshwork-classification", context.classification())),
          RequestBody.fromString(markerBody(context), StandardCharsets.UTF_8));
      ledger.mark(
          context.datasetId(), ResourceKind.S3_PREFIX, target.prefix(), ResourceStatus.CREATED);
    } catch (S3Exception e) {
      throw failure("provisioning " + target.uri(), e);
    } catch (SdkClientException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void deprovision(ProvisioningContext context, ResourceLedger ledger, boolean retain) {
    StorageTarget.S3 target = (StorageTarget.S3) context.target();
    List<ProvisionedResource> mine = ledger.of(context.datasetId());
    if (!ledger.owns(context.datasetId(), ResourceKind.S3_PREFIX, target.prefix())) {
      return;
    }
    if (retain) {
      mine.forEach(r -> ledger.mark(context.datasetId(), r.kind, r.name, ResourceStatus.DETACHED));
      return;
    }
    try {
      deleteAll(target.bucket(), target.prefix() + "/");
      ledger.mark(
          context.datasetId(), ResourceKind.S3_PREFIX, target.prefix(), ResourceStatus.DELETED);
      boolean createdBucket =
          mine.stream()
              .anyMatch(
                  r -> r.kind == ResourceKind.S3_BUCKET && r.status == ResourceStatus.CREATED);
      if (createdBucket && bucketExists(target.bucket())) {
        if (s3.listObjectsV2(b -> b.bucket(target.bucket()).maxKeys(1)).keyCount() == 0) {
          s3.deleteBucket(b -> b.bucket(target.bucket()));
          ledger.mark(
              context.datasetId(), ResourceKind.S3_BUCKET, target.bucket(), ResourceStatus.DELETED);
        } else {
          ledger.mark(
              context.datasetId(),
              ResourceKind.S3_BUCKET,
              target.bucket(),
              ResourceStatus.DETACHED);
        }
      }
    } catch (NoSuchBucketException gone) {
      ledger.mark(
          context.datasetId(), ResourceKind.S3_PREFIX, target.prefix(), ResourceStatus.DELETED);
    } catch (S3Exception e) {
      throw failure("removing " + target.uri(), e);
    } catch (SdkClientException e) {
      throw unreachable(e);
    }
  }

  @Override
  public List<DriftFinding> verify(ProvisioningContext context, ResourceLedger ledger) {
    StorageTarget.S3 target = (StorageTarget.S3) context.target();
    List<DriftFinding> findings = new ArrayList<>();
    try {
      HeadObjectResponse marker =
          s3.headObject(b -> b.bucket(target.bucket()).key(target.prefix() + "/" + MARKER));
      String owner = marker.metadata().get("meshwork-dataset-id");
      if (!context.datasetId().toString().equals(owner)) {
        findings.add(new DriftFinding(target.uri(), "ownership marker names dataset " + owner));
      }
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      findings.add(new DriftFinding(target.uri(), "ownership marker is missing"));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        findings.add(new DriftFinding(target.uri(), "ownership marker is missing"));
      } else {
        throw failure("checking " + target.uri(), e);
      }
    } catch (SdkClientException e) {
      throw unreachable(e);
    }
    return findings;
  }

  /** The dataset id on an existing ownership marker, or null when there is none. */
  private String markerOwner(String bucket, String key) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).metadata().get("meshwork-dataset-id");
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private boolean bucketExists(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private void deleteAll(String bucket, String prefix) {
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(continuation));
      List<ObjectIdentifier> keys = new ArrayList<>();
      for (S3Object object : page.contents()) {
        keys.add(ObjectIdentifier.builder().key(object.key()).build());
      }
      if (!keys.isEmpty()) {
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys)));
      }
      token = page.isTruncated() ? page.nextContinuationToken() : null;
    } while (token != null);
  }

  private static String markerBody(ProvisioningContext context) {
    return "{\"datasetId\":\""
        + context.datasetId()
        + "\",\"domain\":\""
        + context.domain()
        + "\",\"name\":\""
        + context.name()
        + "\",\"classification\":\""
        + context.classification()
        + "\",\"managedBy\":\"meshwork\"}";
  }

  /** S3 metadata values travel as HTTP headers: ASCII only. */
  private static String ascii(String value) {
    return value == null ? "" : value.replaceAll("[^\\x20-\\x7E]", "?");
  }

  /**
   * The failure as callers may read it: what was being done and the store's HTTP status; the SDK's
   * message (endpoints, request ids, the store's own text) stays in the log.
   */
  private static RuntimeException failure(String what, S3Exception e) {
    if (e.statusCode() >= 500 || e.statusCode() == 429) {
      return new TransientFailure(
          Incidents.record(LOG, what + ": the object store is busy (" + e.statusCode() + ")", e),
          e);
    }
    return new ProvisioningFailure(
        Incidents.record(
            LOG, what + " failed: the object store refused it (" + e.statusCode() + ")", e),
        e);
  }

  private static TransientFailure unreachable(SdkClientException e) {
    return new TransientFailure(Incidents.record(LOG, "the object store is unreachable", e), e);
  }
}
