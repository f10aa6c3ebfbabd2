package io.meshwork.governance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.governance.directory.OwnerDirectory;
import io.meshwork.governance.product.ProvisionedDataset;
import io.meshwork.governance.product.QualityMetric;
import io.meshwork.governance.rules.Evidence;
import io.meshwork.governance.rules.Needs;
import io.meshwork.governance.rules.ProductDescriptor;
import io.meshwork.governance.warehouse.TableCompleteness;
import io.meshwork.web.problem.Incidents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gathers what a product's rules need before they run: a field's completeness from its newest
 * reported quality metric, else counted in the real table of one of its output ports; the owner
 * from the directory. What cannot be gathered is left out, and the rule says so.
 */
@ApplicationScoped
public class EvidenceCollector {

  private static final Logger LOG = Logger.getLogger(EvidenceCollector.class);

  private final TableCompleteness tables;
  private final OwnerDirectory directory;

  public EvidenceCollector(TableCompleteness tables, OwnerDirectory directory) {
    this.tables = tables;
    this.directory = directory;
  }

  public Evidence collect(ProductDescriptor product, Needs needs) {
    if (needs.isEmpty()) {
      return Evidence.NONE;
    }
    Map<String, Evidence.Completeness> completeness = new HashMap<>();
    Set<String> unmeasured = new LinkedHashSet<>();
    for (String field : needs.completenessOf()) {
      if (!product.hasField(field)) {
        continue;
      }
      QualityMetric metric =
          product.name() == null
              ? null
              : QualityMetric.findById(new QualityMetric.Key(product.name(), field));
      if (metric != null) {
        completeness.put(
            field,
            new Evidence.Completeness(
                metric.nonNull,
                metric.rows,
                metric.source + ", reported " + minute(metric.measuredAt)));
      } else {
        unmeasured.add(field);
      }
    }
    if (!unmeasured.isEmpty()) {
      countInPorts(product, unmeasured, completeness);
    }
    Evidence.OwnerLookup owner =
        needs.owner() && product.owner() != null ? owner(product.owner()) : null;
    return new Evidence(completeness, owner);
  }

  private void countInPorts(
      ProductDescriptor product, Set<String> fields, Map<String, Evidence.Completeness> out) {
    for (String port : product.outputPorts()) {
      String[] parts = port.split("/", 2);
      if (parts.length != 2 || fields.isEmpty()) {
        continue;
      }
      ProvisionedDataset dataset =
          ProvisionedDataset.findById(new ProvisionedDataset.Key(parts[0], parts[1]));
      if (dataset == null || !"READY".equals(dataset.state)) {
        continue;
      }
      for (JsonNode resource : dataset.resources) {
        if (!"POSTGRES_TABLE".equals(resource.path("kind").asText()) || fields.isEmpty()) {
          continue;
        }
        count(resource.path("uri").asText(), fields)
            .ifPresent(
                counts -> {
                  if (counts.rows() == 0) {
                    return;
                  }
                  String source =
                      "counted in table " + counts.table() + " at " + minute(Instant.now());
                  counts
                      .nonNull()
                      .forEach(
                          (field, nonNull) -> {
                            out.put(
                                field,
                                new Evidence.Completeness(
                                    (double) nonNull / counts.rows(), counts.rows(), source));
                            fields.remove(field);
                          });
                });
      }
    }
  }

  private Optional<TableCompleteness.Counts> count(String uri, Set<String> fields) {
    try {
      return tables.count(uri, Set.copyOf(fields));
    } catch (SQLException e) {
      Incidents.record(LOG, "Counting non-null values in an output port's table failed", e);
      return Optional.empty();
    }
  }

  private Evidence.OwnerLookup owner(String owner) {
    try {
      return directory.lookup(owner);
    } catch (OwnerDirectory.DirectoryUnavailableException e) {
      return new Evidence.OwnerLookup(false, false, "the directory did not answer");
    }
  }

  private static Instant minute(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
