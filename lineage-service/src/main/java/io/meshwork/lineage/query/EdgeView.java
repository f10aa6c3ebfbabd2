package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Walk;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A read (dataset -> job) or write (job -> dataset), valid from..to. */
@Name("LineageEdge")
@Description("A dataset read by a job, or written by it, and when that held")
public class EdgeView {

  private final Walk.Link link;

  EdgeView(Walk.Link link) {
    this.link = link;
  }

  @NonNull
  public String getSource() {
    return link.source().key().id();
  }

  @NonNull
  public String getTarget() {
    return link.target().key().id();
  }

  @NonNull
  public Instant getValidFrom() {
    return link.validFrom();
  }

  @Description("When the edge stopped holding; null while it holds")
  public Instant getValidTo() {
    return link.validTo();
  }
}
