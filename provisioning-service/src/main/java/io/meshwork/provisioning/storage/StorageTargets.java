package io.meshwork.provisioning.storage;

import io.meshwork.provisioning.common.Identifiers;
import io.meshwork.provisioning.config.ProvisioningConfig;
import io.meshwork.web.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code storage} URI strictly: every part that reaches SQL, a topic or an object key is
 * validated here, and defaults are filled in, so the stored URI names the real resource.
 */
@ApplicationScoped
public class StorageTargets {

  private static final Pattern POSTGRES =
      Pattern.compile("^postgres://(?<database>[^/]*)(?:/(?<schema>[^/]*))?/?$");
  private static final Pattern KAFKA = Pattern.compile("^kafka://(?<topic>[^/]*)/?$");
  private static final Pattern TOPIC = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,248}$");
  private static final Pattern S3 = Pattern.compile("^s3://(?<bucket>[^/]+)(?:/(?<prefix>.*))?$");
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern PREFIX_SEGMENT = Pattern.compile("^[A-Za-z0-9!_.*'()=-]{1,255}$");
  private static final Pattern IPV4 = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

  private final ProvisioningConfig config;

  public StorageTargets(ProvisioningConfig config) {
    this.config = config;
  }

  /**
   * @param major the schema's major version, for default topic names ({@code
   *     <domain>.<name>.v<major>})
   */
  public StorageTarget parse(String uri, String domain, String name, int major) {
    if (uri == null || uri.isBlank()) {
      throw invalid("is required");
    }
    String scheme =
        uri.contains("://") ? uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT) : "";
    return switch (scheme) {
      case "postgres", "postgresql" ->
          postgres(uri.replaceFirst("^postgresql://", "postgres://"), domain);
      case "kafka" -> kafka(uri, domain, name, major);
      case "s3" -> s3(uri);
      default ->
          throw invalid(
              "unknown storage scheme '"
                  + (scheme.isEmpty() ? uri : scheme)
                  + "': use postgres://<database>/<schema>, kafka://<topic> or s3://<bucket>/<prefix>");
    };
  }

  private StorageTarget postgres(String uri, String domain) {
    Matcher m = POSTGRES.matcher(uri);
    if (!m.matches()) {
      throw invalid("a postgres URI is postgres://<database>/<schema>");
    }
    String database = emptyToNull(m.group("database"));
    String schema = emptyToNull(m.group("schema"));
    database = database == null ? config.postgres().defaultDatabase() : database;
    schema = schema == null ? domain : schema;
    requireIdentifier(database, "database");
    requireIdentifier(schema, "schema");
    if (!config.postgres().allowedDatabases().contains(database)) {
      throw invalid(
          "database '"
              + database
              + "' is not one datasets may use "
              + config.postgres().allowedDatabases());
    }
    return new StorageTarget.Postgres(database, schema);
  }

  private StorageTarget kafka(String uri, String domain, String name, int major) {
    Matcher m = KAFKA.matcher(uri);
    if (!m.matches()) {
      throw invalid("a kafka URI is kafka://<topic>");
    }
    String topic = emptyToNull(m.group("topic"));
    topic = topic == null ? domain + "." + name + ".v" + major : topic;
    if (!TOPIC.matcher(topic).matches() || topic.contains("..") || topic.equals(".")) {
      throw invalid(
          "topic '"
              + topic
              + "' must be lower-case letters, digits, '.', '_' or '-' (at most 249)");
    }
    return new StorageTarget.Kafka(topic);
  }

  private StorageTarget s3(String uri) {
    Matcher m = S3.matcher(uri);
    if (!m.matches()) {
      throw invalid("an s3 URI is s3://<bucket>/<prefix>");
    }
    String bucket = m.group("bucket");
    if (!BUCKET.matcher(bucket).matches()
        || bucket.contains("..")
        || IPV4.matcher(bucket).matches()) {
      throw invalid("bucket '" + bucket + "' is not a valid S3 bucket name");
    }
    String prefix = m.group("prefix") == null ? "" : m.group("prefix").replaceAll("/+$", "");
    if (prefix.isEmpty()) {
      throw invalid("give a prefix inside the bucket: s3://" + bucket + "/<prefix>");
    }
    for (String segment : prefix.split("/", -1)) {
      if (!PREFIX_SEGMENT.matcher(segment).matches()
          || segment.equals(".")
          || segment.equals("..")) {
        throw invalid(
            "prefix segment '" + segment + "' may only use letters, digits and !_.*'()=-");
      }
    }
    if (prefix.length() > 900) {
      throw invalid("the prefix is too long");
    }
    return new StorageTarget.S3(bucket, prefix);
  }

  private static void requireIdentifier(String value, String part) {
    String problem = Identifiers.problem(value);
    if (problem != null) {
      throw invalid("the " + part + " '" + value + "' " + problem);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static InvalidRequestException invalid(String message) {
    return InvalidRequestException.ofField(
        "provisioning.dataset.invalid-storage", "storage", message);
  }
}
