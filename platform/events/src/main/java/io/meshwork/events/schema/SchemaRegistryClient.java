package io.meshwork.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the platform's Kafka consumers resolve schema ids of Confluent-framed records at
 * contract-registry, authenticating like Kafka serializers do (HTTP Basic with a Keycloak client's
 * id and secret). Schemas never change under an id, so each is fetched once.
 */
public final class SchemaRegistryClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Integer, RegisteredSchema> cache = new ConcurrentHashMap<>();

  public SchemaRegistryClient(String baseUrl, String clientId, String clientSecret) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
  }

  public RegisteredSchema schemaById(int id) {
    RegisteredSchema cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    RegisteredSchema fetched = fetch(id);
    cache.put(id, fetched);
    return fetched;
  }

  /** The schema a Confluent-framed record value was written with. */
  public RegisteredSchema schemaOf(byte[] recordValue) {
    return schemaById(ConfluentWireFormat.schemaId(recordValue));
  }

  private RegisteredSchema fetch(int id) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + id))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/vnd.schemaregistry.v1+json")
            .header("Authorization", authorization)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new SchemaRegistryException(
            response.statusCode(),
            body.path("error_code").asInt(response.statusCode()),
            body.path("message").asText("Schema registry answered " + response.statusCode()));
      }
      return new RegisteredSchema(
          id, body.path("schemaType").asText("AVRO"), body.path("schema").asText());
    } catch (IOException e) {
      throw new SchemaRegistryException(0, 0, "Schema registry unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(0, 0, "Interrupted while fetching schema " + id);
    }
  }

  /** A refusal of the registry in Confluent's terms ({@code errorCode} 40403: unknown id). */
  public static final class SchemaRegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
    }

    public int status() {
      return status;
    }

    public int errorCode() {
      return errorCode;
    }
  }
}
