package io.meshwork.provisioning.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code urn:schema:<subject>/v<version>}: a subject version in contract-registry. */
public record SchemaUrn(String subject, int version) {

  public static final String PATTERN =
      "^urn:schema:([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/v([1-9][0-9]{0,8})$";
  private static final Pattern FORMAT = Pattern.compile(PATTERN);

  public static SchemaUrn parse(String urn) {
    Matcher matcher = FORMAT.matcher(urn == null ? "" : urn);
    if (!matcher.matches()) {
      throw new SchemaProblem("schema", "must be a schema URN like urn:schema:customer/v2");
    }
    return new SchemaUrn(matcher.group(1), Integer.parseInt(matcher.group(2)));
  }

  @Override
  public String toString() {
    return "urn:schema:" + subject + "/v" + version;
  }
}
