package io.meshwork.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A page of discovery results, best first, with facet counts over everything that matched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    List<Hit> results,
    Map<String, List<FacetCount>> facets) {

  /** A product that matched; {@code exact} when the query is its name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Hit(
      String name,
      String domain,
      String owner,
      String status,
      String version,
      String publishedVersion,
      String description,
      List<String> tags,
      boolean exact,
      double score) {}

  public record FacetCount(String value, long count) {}
}
