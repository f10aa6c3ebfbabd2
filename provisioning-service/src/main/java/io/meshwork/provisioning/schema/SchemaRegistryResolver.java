package io.meshwork.provisioning.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.work.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Resolves {@code urn:schema:<subject>/v<version>} at contract-registry (its Confluent API),
 * authenticated as provisioning-service's Keycloak client. An unknown subject or version is a
 * {@link SchemaProblem}; an unreachable registry a {@link TransientFailure} (wait and retry).
 */
@ApplicationScoped
public class SchemaRegistryResolver {

  private final ProvisioningConfig.SchemaRegistry config;
  private final ObjectMapper mapper;
  private final HttpClient http;

  public SchemaRegistryResolver(ProvisioningConfig config, ObjectMapper mapper) {
    this.config = config.schemaRegistry();
    this.mapper = mapper;
    this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
  }

  /** The resolved schema as fields, and its registry text (kept with the dataset). */
  public record Resolved(String schemaType, String schema, List<FieldSpec> fields) {}

  public Resolved resolve(SchemaUrn urn) {
    String url =
        config.url().replaceAll("/+$", "")
            + "/subjects/"
            + URLEncoder.encode(urn.subject(), StandardCharsets.UTF_8)
            + "/versions/"
            + urn.version();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.timeout())
            .header("Accept", "application/vnd.schemaregistry.v1+json")
            .GET();
    config
        .clientSecret()
        .ifPresent(
            secret ->
                request.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (config.clientId() + ":" + secret)
                                    .getBytes(StandardCharsets.UTF_8))));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientFailure(
          "schema registry unreachable at " + config.url() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("interrupted while asking the schema registry", e);
    }
    if (response.statusCode() == 404) {
      throw new SchemaProblem(
          "schema", urn + " is not registered (" + errorMessage(response.body()) + ")");
    }
    if (response.statusCode() != 200) {
      throw new TransientFailure(
          "schema registry answered "
              + response.statusCode()
              + ": "
              + errorMessage(response.body()),
          null);
    }
    try {
      JsonNode body = mapper.readTree(response.body());
      String type = body.path("schemaType").asText("AVRO");
      String schema = body.path("schema").asText();
      List<FieldSpec> fields =
          switch (type) {
            case "AVRO" -> SchemaDefinitions.avro(schema, "schema");
            case "JSON" -> SchemaDefinitions.jsonSchema(mapper.readTree(schema), "schema");
            default ->
                throw new SchemaProblem(
                    "schema", urn + " is a " + type + " schema; datasets take AVRO or JSON");
          };
      return new Resolved(type, schema, fields);
    } catch (IOException e) {
      throw new TransientFailure("schema registry answered unreadable JSON", e);
    }
  }

  private String errorMessage(String body) {
    try {
      return mapper.readTree(body).path("message").asText(body);
    } catch (IOException e) {
      return body;
    }
  }
}
