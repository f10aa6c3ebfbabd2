package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.events.catalog.DataProductPublished;
import io.meshwork.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A published product's spec becomes a suite of each of its PostgreSQL output ports: {@code
 * service.freshness} a freshness expectation on its first timestamp field ({@code updated_at} if it
 * has one), and each field's {@code constraints} (required, pattern, min, max) an expectation on
 * its column. Declared once in the spec; the suite follows every published version.
 */
@ApplicationScoped
public class ProductSuites {

  private static final Logger LOG = Logger.getLogger(ProductSuites.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SuiteService suites;

  public ProductSuites(SuiteService suites) {
    this.suites = suites;
  }

  /** Runs in the caller's transaction (the catalog event's). */
  public void published(DataProductPublished published) {
    if (published.outputPorts() == null || published.spec() == null) {
      return;
    }
    ArrayNode expectations = expectations(published.spec());
    if (expectations.isEmpty()) {
      return;
    }
    for (String port : published.outputPorts()) {
      MonitoredDataset dataset = MonitoredDataset.findById(port);
      if (dataset == null || !dataset.isTable()) {
        continue;
      }
      ObjectNode document = NODES.objectNode();
      document.put("dataset", port);
      ObjectNode validation = document.putArray("validations").addObject();
      validation.put("name", published.name() + " " + published.version());
      validation.set("expectations", expectations);
      String name = ("product." + published.name() + "." + dataset.name).toLowerCase(Locale.ROOT);
      try {
        SuiteReader.read(document);
        suites.upsert(
            name,
            dataset,
            document,
            Optional.empty(),
            QualitySuite.PRODUCT,
            published.publishedBy());
      } catch (ProblemException e) {
        LOG.warnf("Product %s: no suite for %s (%s)", published.name(), port, e.getMessage());
      }
    }
  }

  static ArrayNode expectations(JsonNode spec) {
    ArrayNode expectations = NODES.arrayNode();
    String freshness = spec.path("service").path("freshness").asText("");
    String timestamp = null;
    for (JsonNode field : spec.path("schema")) {
      String name = field.path("name").asText();
      String type = field.path("type").asText("").toLowerCase(Locale.ROOT);
      if (type.startsWith("timestamp") && (timestamp == null || name.equals("updated_at"))) {
        timestamp = name;
      }
      JsonNode constraints = field.path("constraints");
      if (constraints.path("required").asBoolean(false)) {
        expectations.addObject().putObject(Expectations.NOT_NULL).put("column", name);
      }
      if (constraints.hasNonNull("pattern")) {
        ObjectNode regex = expectations.addObject().putObject(Expectations.MATCH_REGEX);
        regex.put("column", name);
        regex.set("regex", constraints.get("pattern"));
      }
      if (constraints.path("min").isNumber() || constraints.path("max").isNumber()) {
        ObjectNode between = expectations.addObject().putObject(Expectations.BETWEEN);
        between.put("column", name);
        if (constraints.path("min").isNumber()) {
          between.set("min_value", constraints.get("min"));
        }
        if (constraints.path("max").isNumber()) {
          between.set("max_value", constraints.get("max"));
        }
      }
    }
    if (!freshness.isEmpty() && timestamp != null) {
      ObjectNode fresh = expectations.addObject().putObject(Expectations.FRESH);
      fresh.put("column", timestamp);
      fresh.put("max_age", freshness);
    }
    return expectations;
  }
}
