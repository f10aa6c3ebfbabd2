package io.meshwork.catalog.product.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.ParserMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a data product document as YAML or JSON (Jackson's YAML reader: SnakeYAML underneath),
 * binds a checked document to {@link ProductSpec}, and writes specs back as canonical JSON (what
 * versions are compared by) or as YAML.
 */
@ApplicationScoped
public class SpecDocuments {

  public static final String YAML = "application/yaml";

  private final ObjectMapper json;
  private final ObjectMapper yaml;

  public SpecDocuments(ObjectMapper mapper) {
    // Numbers as written (min: 0.00 stays 0.00); unknown keys are the validator's to report.
    this.json =
        mapper
            .copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.yaml =
        new ObjectMapper(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** The document of a request body; 400 naming line and column when it does not parse. */
  public JsonNode read(String body, boolean isYaml) {
    if (body == null || body.isBlank()) {
      throw new MalformedRequestException(
          "catalog.data-product.empty", "The body must be the data product's YAML or JSON");
    }
    try {
      return (isYaml ? yaml : json).readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedRequestException(
          "catalog.data-product.unreadable",
          "The body is not valid "
              + (isYaml ? "YAML" : "JSON")
              + ParserMessages.location(e).map(at -> " at " + at).orElse("")
              + ": "
              + ParserMessages.clean(e));
    }
  }

  /** A document {@link SpecValidator} passed, as the spec it declares. */
  public ProductSpec bind(JsonNode document) {
    try {
      return json.treeToValue(document, ProductSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a validated document did not bind", e);
    }
  }

  /** The spec as JSON in one fixed form: the same content always gives the same text. */
  public JsonNode canonical(ProductSpec spec) {
    return json.valueToTree(spec);
  }

  public ProductSpec spec(JsonNode canonical) {
    return bind(canonical);
  }

  public String hash(JsonNode canonical) {
    try {
      byte[] text = json.writeValueAsBytes(canonical);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String toYaml(JsonNode document) {
    try {
      return yaml.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
