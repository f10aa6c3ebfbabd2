package io.meshwork.lineage.query;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A query that failed for a reason of ours, not the caller's; the message is the public reason with
 * the log reference, never the cause's text. Its code is the one a REST 500 carries.
 */
@ErrorCode("internal.error")
public class LineageQueryFailedException extends RuntimeException {

  public LineageQueryFailedException(String publicReason) {
    super(publicReason);
  }
}
