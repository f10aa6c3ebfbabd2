package io.meshwork.provisioning.api;

import io.meshwork.provisioning.common.Identifiers;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.provisioning.dataset.DatasetSpec;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.schema.SchemaDefinitions;
import io.meshwork.provisioning.schema.SchemaProblem;
import io.meshwork.provisioning.schema.SchemaUrn;
import io.meshwork.provisioning.storage.StorageTarget;
import io.meshwork.provisioning.storage.StorageTargets;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks a request beyond its shape and fills in defaults: safe names (no reserved words), a
 * storage URI the provisioners accept, a schema (URN or inline definition, not both), an ISO-8601
 * retention. Every problem is reported at once, by field.
 */
@ApplicationScoped
public class DatasetSpecs {

  private static final long MAX_RETENTION_MILLIS = Duration.ofDays(36_500).toMillis();

  private final ProvisioningConfig config;
  private final StorageTargets targets;

  public DatasetSpecs(ProvisioningConfig config, StorageTargets targets) {
    this.config = config;
    this.targets = targets;
  }

  /** A checked request: the spec, the parsed target, and the schema as far as it is known now. */
  public record Prepared(
      DatasetSpec spec, StorageTarget target, SchemaUrn urn, List<FieldSpec> inlineFields) {}

  public Prepared prepare(CreateDatasetRequest request, Caller caller) {
    List<Violation> violations = new ArrayList<>();
    reserved(request.name(), "name", violations);
    reserved(request.domain(), "domain", violations);

    SchemaUrn urn = null;
    List<FieldSpec> inline = null;
    if (request.schema() != null && request.schemaDefinition() != null) {
      violations.add(new Violation("schema", "give schema (a URN) or schemaDefinition, not both"));
    } else if (request.schema() == null
        && (request.schemaDefinition() == null || request.schemaDefinition().isNull())) {
      violations.add(
          new Violation(
              "schema", "is required: a URN like urn:schema:customer/v2, or a schemaDefinition"));
    } else if (request.schema() != null) {
      try {
        urn = SchemaUrn.parse(request.schema());
      } catch (SchemaProblem e) {
        violations.add(new Violation(e.field(), e.getMessage()));
      }
    } else {
      try {
        inline = SchemaDefinitions.inline(request.schemaDefinition());
      } catch (SchemaProblem e) {
        violations.add(new Violation(e.field(), e.getMessage()));
      }
    }

    StorageTarget target = null;
    try {
      target =
          targets.parse(
              request.storage(), request.domain(), request.name(), urn == null ? 1 : urn.version());
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }

    String retention =
        request.retention() == null ? config.kafka().defaultRetention() : request.retention();
    long retentionMillis = retentionMillis(retention, violations);
    int partitions =
        request.partitions() == null ? config.kafka().defaultPartitions() : request.partitions();
    if (partitions > config.kafka().maxPartitions()) {
      violations.add(
          new Violation("partitions", "must be at most " + config.kafka().maxPartitions()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          "provisioning.dataset.invalid",
          violations.size() == 1
              ? violations.get(0).field() + ": " + violations.get(0).message()
              : violations.size() + " fields are invalid",
          violations);
    }
    DatasetSpec spec =
        new DatasetSpec(
            request.name(),
            request.domain(),
            target.uri(),
            urn == null ? null : urn.toString(),
            urn == null ? request.schemaDefinition() : null,
            request.description(),
            request.owner() == null ? caller.name() : request.owner(),
            request.classification() == null ? "internal" : request.classification(),
            retention,
            retentionMillis,
            partitions,
            request.cleanupPolicy() == null
                ? "delete"
                : request.cleanupPolicy().replace("delete,compact", "compact,delete"),
            request.tags() == null ? List.of() : List.copyOf(new TreeSet<>(request.tags())));
    return new Prepared(spec, target, urn, inline);
  }

  private static void reserved(String value, String field, List<Violation> violations) {
    if (value != null && Identifiers.RESERVED.contains(value)) {
      violations.add(new Violation(field, "'" + value + "' is an SQL reserved word"));
    }
  }

  /** ISO-8601: PT12H, P7D (Duration) or P1Y, P6M, P2W (Period, months as 30 days). */
  static long retentionMillis(String text, List<Violation> violations) {
    long millis;
    try {
      millis = Duration.parse(text).toMillis();
    } catch (DateTimeParseException notADuration) {
      try {
        Period period = Period.parse(text);
        millis =
            Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays())
                .toMillis();
      } catch (DateTimeParseException | ArithmeticException e) {
        violations.add(
            new Violation(
                "retention",
                "must be an ISO-8601 duration like P7D, PT12H or P1Y, was '" + text + "'"));
        return 0;
      }
    } catch (ArithmeticException e) {
      violations.add(new Violation("retention", "is too long"));
      return 0;
    }
    if (millis <= 0 || millis > MAX_RETENTION_MILLIS) {
      violations.add(
          new Violation("retention", "must be positive and at most 100 years, was '" + text + "'"));
    }
    return millis;
  }
}
