package io.meshwork.provisioning.grant;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The IAM policy document that grants read access to one S3 prefix: {@code s3:GetObject} under the
 * prefix and {@code s3:ListBucket} limited to it. Written for the consumer's principal; applied by
 * an operator's IAM (S3Proxy, used here, does not enforce per-prefix policies).
 */
final class S3Policies {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private S3Policies() {}

  /** For {@code s3://bucket/prefix}. */
  static String readOnly(String uri, String principal) {
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    ObjectNode read = statements.addObject();
    read.put("Sid", "Read" + principal.replace("_", ""));
    read.put("Effect", "Allow");
    read.putObject("Principal").put("AWS", principal);
    read.putArray("Action").add("s3:GetObject");
    read.put("Resource", "arn:aws:s3:::" + bucket + "/" + prefix + "/*");
    ObjectNode list = statements.addObject();
    list.put("Sid", "List" + principal.replace("_", ""));
    list.put("Effect", "Allow");
    list.putObject("Principal").put("AWS", principal);
    list.putArray("Action").add("s3:ListBucket");
    list.put("Resource", "arn:aws:s3:::" + bucket);
    list.putObject("Condition").putObject("StringLike").put("s3:prefix", prefix + "/*");
    return policy.toString();
  }
}
