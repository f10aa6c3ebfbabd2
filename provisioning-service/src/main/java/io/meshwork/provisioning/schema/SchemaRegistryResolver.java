package io.meshwork.provisioning.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.clients.registry.RegistryError;
import io.meshwork.clients.registry.SchemaRegistryApi;
import io.meshwork.clients.registry.SubjectVersion;
import io.meshwork.provisioning.common.TransientFailure;
import io.meshwork.web.problem.Incidents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Resolves {@code urn:schema:<subject>/v<version>} at contract-registry (its Confluent API), with
 * provisioning-service's own token. An unknown subject or version is a {@link SchemaProblem}; a
 * registry that cannot answer is a {@link TransientFailure} (wait and retry).
 */
@ApplicationScoped
public class SchemaRegistryResolver {

  private static final Logger LOG = Logger.getLogger(SchemaRegistryResolver.class);

  private final SchemaRegistryApi registry;
  private final ObjectMapper mapper;

  public SchemaRegistryResolver(@RestClient SchemaRegistryApi registry, ObjectMapper mapper) {
    this.registry = registry;
    this.mapper = mapper;
  }

  /** The resolved schema as fields, and its registry text (kept with the dataset). */
  public record Resolved(String schemaType, String schema, List<FieldSpec> fields) {}

  public Resolved resolve(SchemaUrn urn) {
    SubjectVersion found = fetch(urn);
    String type = found.type();
    List<FieldSpec> fields =
        switch (type) {
          case "AVRO" -> SchemaDefinitions.avro(found.schema(), "schema");
          case "JSON" -> SchemaDefinitions.jsonSchema(json(found.schema()), "schema");
          default ->
              throw new SchemaProblem(
                  "schema", urn + " is a " + type + " schema; datasets take AVRO or JSON");
        };
    return new Resolved(type, found.schema(), fields);
  }

  private SubjectVersion fetch(SchemaUrn urn) {
    try {
      return registry.version(urn.subject(), urn.version());
    } catch (WebApplicationException refusal) {
      RegistryError error = RegistryError.of(refusal);
      if (error.notFound()) {
        throw new SchemaProblem(
            "schema",
            urn
                + " is not registered ("
                + (error.errorCode() == 40402
                    ? "subject '" + urn.subject() + "' has no version " + urn.version()
                    : "no subject '" + urn.subject() + "'")
                + ")");
      }
      int status = refusal.getResponse().getStatus();
      throw new TransientFailure(
          Incidents.record(LOG, "the schema registry answered " + status, refusal), refusal);
    } catch (RuntimeException unreachable) {
      // Connection refused, a timeout, or no token for the call: all pass with time.
      throw new TransientFailure(
          Incidents.record(LOG, "the schema registry could not be reached", unreachable),
          unreachable);
    }
  }

  private JsonNode json(String schema) {
    try {
      return mapper.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new SchemaProblem("schema", "the registered JSON schema is not JSON");
    }
  }
}
