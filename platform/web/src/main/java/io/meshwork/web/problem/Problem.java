package io.meshwork.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code code} is stable and machine-readable ({@code
 * provisioning.dataset.not-found}); {@code violations} name each offending field of a 400 or 422.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static URI typeOf(String code) {
    return URI.create("urn:meshwork:problem:" + code);
  }

  /** A caller's value (a header, a name) as a detail may quote it: at most 60 characters. */
  public static String excerpt(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }

  /**
   * One offending field: a JSON path into the request ({@code schema.fields[2].type}) or a
   * parameter; for a document sent as text, also its line and column.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Violation(String field, String message, Integer line, Integer column) {

    public Violation(String field, String message) {
      this(field, message, null, null);
    }

    /** Where in a document the caller sent (HCL, YAML) the problem is: 1-based line and column. */
    public static Violation at(String field, String message, int line, int column) {
      return new Violation(field, message, line, column);
    }
  }
}
