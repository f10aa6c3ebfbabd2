package io.meshwork.provisioning.storage;

import static io.meshwork.provisioning.ProvisioningFixtures.body;
import static io.meshwork.provisioning.ProvisioningFixtures.post;
import static io.meshwork.provisioning.ProvisioningFixtures.s3;
import static io.meshwork.provisioning.ProvisioningFixtures.settled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.provisioning.ProvisioningFixtures;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class S3ProvisioningTest {

  private static final String OWNER = TestTokens.domainOwner("marketing");

  @Test
  void createsTheBucketAndAnOwnedPrefixThenRemovesBoth() {
    String name = ProvisioningFixtures.newName();
    String bucket = "lake-" + Fixtures.randomSuffix(8);
    post(
            OWNER,
            body(
                name,
                "marketing",
                "s3://" + bucket + "/domain=marketing/" + name,
                "\"owner\":\"mara@meshwork.example\",\"classification\":\"confidential\""))
        .then()
        .statusCode(202);
    JsonPath ready = settled(OWNER, "marketing", name);
    assertThat(ready.getString("state")).isEqualTo("READY");
    assertThat(ready.getList("resources.kind")).containsExactly("S3_BUCKET", "S3_PREFIX");
    assertThat(ready.getList("resources.uri"))
        .contains("s3://" + bucket, "s3://" + bucket + "/domain=marketing/" + name);

    try (S3Client s3 = s3()) {
      String marker = "domain=marketing/" + name + "/" + S3Provisioner.MARKER;
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(marker));
      assertThat(head.metadata())
          .containsEntry("meshwork-domain", "marketing")
          .containsEntry("meshwork-dataset", name)
          .containsEntry("meshwork-owner", "mara@meshwork.example")
          .containsEntry("meshwork-classification", "confidential")
          .containsEntry("meshwork-dataset-id", ready.getString("id"));
      s3.putObject(
          b -> b.bucket(bucket).key("domain=marketing/" + name + "/part-0001.parquet"),
          RequestBody.fromString("data"));

      given()
          .auth()
          .oauth2(OWNER)
          .when()
          .delete("/api/v1/datasets/marketing/{n}", name)
          .then()
          .statusCode(202);
      assertThat(settled(OWNER, "marketing", name).getString("state")).isEqualTo("DELETED");
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
          .isInstanceOf(NoSuchBucketException.class);
    }
  }

  @Test
  void aSharedBucketStaysWhenOneDatasetLeaves() {
    String bucket = "shared-" + Fixtures.randomSuffix(8);
    String first = ProvisioningFixtures.newName();
    String second = ProvisioningFixtures.newName();
    post(OWNER, body(first, "marketing", "s3://" + bucket + "/" + first, ""))
        .then()
        .statusCode(202);
    assertThat(settled(OWNER, "marketing", first).getString("state")).isEqualTo("READY");
    post(OWNER, body(second, "marketing", "s3://" + bucket + "/" + second, ""))
        .then()
        .statusCode(202);
    assertThat(settled(OWNER, "marketing", second).getList("resources.kind"))
        .containsExactly("S3_PREFIX");
    given()
        .auth()
        .oauth2(OWNER)
        .when()
        .delete("/api/v1/datasets/marketing/{n}", first)
        .then()
        .statusCode(202);
    JsonPath deleted = settled(OWNER, "marketing", first);
    assertThat(deleted.getString("state")).isEqualTo("DELETED");
    try (S3Client s3 = s3()) {
      s3.headBucket(b -> b.bucket(bucket));
      s3.headObject(b -> b.bucket(bucket).key(second + "/" + S3Provisioner.MARKER));
    }
  }
}
