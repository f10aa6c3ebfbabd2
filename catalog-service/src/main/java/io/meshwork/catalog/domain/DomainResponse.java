package io.meshwork.catalog.domain;

import java.time.Instant;
import java.util.List;

/**
 * A row of the seed's Domain Ownership Matrix: the domain, its owner team, its data products and
 * the service levels they promise (the weakest of each across its published products).
 */
public record DomainResponse(
    String name,
    String ownerTeam,
    String description,
    List<ProductEntry> dataProducts,
    SlaSummary sla,
    Instant createdAt) {

  /** A product of the domain, with its lifecycle status and its published version if any. */
  public record ProductEntry(String name, String status, String version, String publishedVersion) {}

  /**
   * {@code availability} the lowest promised, {@code freshness} and {@code latency} the longest;
   * {@code text} says it as the seed's matrix does ({@code 99.9% availability, <1h latency}).
   */
  public record SlaSummary(String availability, String freshness, String latency, String text) {}
}
