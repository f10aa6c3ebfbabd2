package io.meshwork.provisioning;

import static io.restassured.RestAssured.given;

import io.meshwork.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Requests and direct access to the real storage servers, for provisioning tests. */
public final class ProvisioningFixtures {

  public static final String FIELDS =
      """
      [
        {"name": "customer_id", "type": "string", "primaryKey": true, "pattern": "^CUST-[0-9]{4}$"},
        {"name": "segment", "type": "string", "required": true, "enum": ["gold", "silver", "it's"]},
        {"name": "lifetime_value", "type": "decimal(12,2)", "min": 0},
        {"name": "score", "type": "integer", "min": 1, "max": 100},
        {"name": "updated_at", "type": "timestamp", "required": true}
      ]
      """;

  private ProvisioningFixtures() {}

  public static String newName() {
    return Fixtures.newName("segments");
  }

  public static String body(String name, String domain, String storage, String extra) {
    return "{\"name\":\""
        + name
        + "\",\"domain\":\""
        + domain
        + "\",\"storage\":\""
        + storage
        + "\",\"schemaDefinition\":"
        + FIELDS
        + (extra == null || extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  public static Response post(String token, String json) {
    var request = given().contentType(ContentType.JSON).body(json);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.when().post("/api/v1/datasets");
  }

  /** Waits (server side, up to 30 s) for the dataset to settle, and returns it. */
  public static JsonPath settled(String token, String domain, String name) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("wait", 30)
        .when()
        .get("/api/v1/datasets/{d}/{n}", domain, name)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  /** A connection to the warehouse database datasets are provisioned into. */
  public static Connection warehouse() throws SQLException {
    String url = config().getValue("quarkus.datasource.jdbc.url", String.class);
    URI db = URI.create(url.substring("jdbc:".length()));
    return DriverManager.getConnection(
        "jdbc:postgresql://" + db.getHost() + ":" + db.getPort() + "/warehouse", "postgres", "");
  }

  public static Admin kafkaAdmin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            config().getValue("kafka.bootstrap.servers", String.class)));
  }

  public static S3Client s3() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(config().getValue("meshwork.s3.endpoint", String.class)))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    config().getValue("meshwork.s3.access-key", String.class),
                    config().getValue("meshwork.s3.secret-key", String.class))))
        .build();
  }
}
