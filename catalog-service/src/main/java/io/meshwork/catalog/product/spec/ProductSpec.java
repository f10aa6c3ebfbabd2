package io.meshwork.catalog.product.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A data product as its owner declares it: the seed's "Metadata Standards" document ({@code
 * product}, {@code schema}, {@code service}, {@code lineage}) with the optional parts the platform
 * adds ({@code product.description}, {@code product.tags}, {@code product.classification}, where it
 * is served and how long it keeps data: {@code product.regions}, {@code product.retention}; the
 * longest access a consumer may be granted, {@code product.maxAccess}; {@code outputPorts}). Read
 * only after {@link SpecValidator} found nothing wrong with the document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductSpec(
    Product product,
    List<Field> schema,
    Service service,
    Lineage lineage,
    List<String> outputPorts) {

  public ProductSpec {
    schema = schema == null ? List.of() : List.copyOf(schema);
    outputPorts = outputPorts == null ? List.of() : List.copyOf(outputPorts);
    lineage = lineage == null ? new Lineage(List.of(), List.of()) : lineage;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Product(
      String name,
      String domain,
      String owner,
      String version,
      String description,
      List<String> tags,
      String classification,
      List<String> regions,
      String retention,
      String maxAccess) {

    public Product {
      tags = tags == null ? List.of() : List.copyOf(tags);
      // Absent stays absent, so that specs written before regions existed keep their hash.
      regions = regions == null ? null : List.copyOf(regions);
    }
  }

  /** A column of the product: {@code type} is one of {@link FieldTypes}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Field(
      String name, String type, String description, Constraints constraints, List<String> tags) {

    public Field {
      constraints = constraints == null ? Constraints.NONE : constraints;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean required() {
      return Boolean.TRUE.equals(constraints.required());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Constraints(
      Boolean required,
      String pattern,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      List<String> allowedValues,
      Boolean unique) {

    static final Constraints NONE = new Constraints(null, null, null, null, null, null, null, null);
  }

  /** Service levels as written: durations ({@code 24h}, {@code PT1H}) and a percentage. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Service(String freshness, String availability, String latency) {}

  public record Lineage(List<String> sources, List<String> transformations) {

    public Lineage {
      sources = sources == null ? List.of() : List.copyOf(sources);
      transformations = transformations == null ? List.of() : List.copyOf(transformations);
    }
  }
}
