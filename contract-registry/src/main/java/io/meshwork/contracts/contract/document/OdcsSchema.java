package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.meshwork.web.problem.Problem.Violation;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The published ODCS v3.1.0 JSON Schema (resources/odcs, see its README), compiled once when the
 * service starts so that a broken copy fails the start, not the first upload.
 */
@Startup
@ApplicationScoped
public class OdcsSchema {

  static final String RESOURCE = "/odcs/odcs-json-schema-v3.1.0.json";

  private final Schema schema;

  public OdcsSchema() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            // "format" is an annotation in draft 2019-09; asserting it would refuse the
            // standard's own examples (s3://bucket/{model}/*.json is no URI).
            .formatAssertionsEnabled(false)
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09, builder -> builder.schemaRegistryConfig(config));
    try (InputStream text = OdcsSchema.class.getResourceAsStream(RESOURCE)) {
      if (text == null) {
        throw new IllegalStateException("The ODCS JSON Schema is missing: " + RESOURCE);
      }
      schema =
          registry.getSchema(
              SchemaLocation.of("classpath:" + RESOURCE.substring(1)), text, InputFormat.JSON);
      schema.initializeValidators();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every violation of the schema, at document paths ({@code schema[1].properties[0].name}). */
  List<Violation> violations(JsonNode document) {
    return SchemaViolations.of(schema.validate(document), document);
  }
}
