package io.meshwork.testing.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.testing.InternalText;
import io.meshwork.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a service's whole API, from its OpenAPI snapshot, against two promises: every mutating
 * operation refuses callers it must not serve with 401/403 (no token, expired, another audience,
 * another issuer, another realm's key, a role it does not allow), and no input, however broken,
 * gets a 5xx, an answer in another format than the API's error body, or internal text.
 */
public final class ApiFuzzing {

  static final List<String> ROLES =
      List.of(
          "platform-admin",
          "domain-owner",
          "data-consumer",
          "governance-board",
          "platform-service",
          "lineage-writer");

  private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
  private static final int REPORTED = 15;

  private ApiFuzzing() {}

  /** Every mutating operation answers 401/403 to each caller it must refuse. */
  public static void assertAuthzMatrix(ApiOperations api) {
    Map<String, String> unauthenticated = new LinkedHashMap<>();
    unauthenticated.put("no token", null);
    unauthenticated.put("an expired token", all().lifetime(Duration.ofMinutes(-5)).sign());
    unauthenticated.put("another audience", all().audience("someone-else").sign());
    unauthenticated.put("another issuer", all().issuer("https://elsewhere/realms/x").sign());
    unauthenticated.put("another realm's key", foreign());
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (ApiOperations.Operation operation : api.all()) {
      if (!operation.mutating()) {
        continue;
      }
      String path = fill(operation.path(), "fuzz-1");
      for (Map.Entry<String, String> caller : unauthenticated.entrySet()) {
        calls++;
        expect(operation, path, caller.getValue(), caller.getKey(), 401, failures);
      }
      List<String> refused = new ArrayList<>(ROLES);
      refused.removeAll(operation.roles());
      if (!operation.roles().isEmpty() && !refused.isEmpty()) {
        calls++;
        String token =
            TestTokens.user("fuzz-wrong-role")
                .roles(refused.get(0))
                .domains("marketing", "sales", "finance")
                .sign();
        expect(operation, path, token, "role " + refused.get(0), 403, failures);
      }
    }
    assertThat(calls).as("mutating operations in the snapshot").isPositive();
    assertThat(failures).as("authorization answers (%d calls)", calls).isEmpty();
  }

  /**
   * Sends {@code inputs} hostile requests spread over the operations that take a body or path
   * parameters, as a caller allowed everything (so the input, not the authorization, is judged).
   */
  public static void assertHostileInputsRefusedCleanly(ApiOperations api, int inputs, long seed) {
    HostileInputs hostile = new HostileInputs(seed);
    String token = all().sign();
    List<ApiOperations.Operation> targets =
        api.all().stream().filter(o -> o.hasBody() || PARAMETER.matcher(o.path()).find()).toList();
    assertThat(targets).as("operations that take input").isNotEmpty();
    List<String> failures = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < inputs; i++) {
      ApiOperations.Operation operation = targets.get(i % targets.size());
      String value = hostile.identifier();
      String path =
          fill(
              operation.path(),
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
      RequestSpecification request = given().urlEncodingEnabled(false).auth().oauth2(token);
      String what = "path value '" + excerpt(value) + "'";
      if (operation.hasBody()) {
        HostileInputs.Body body = hostile.body(operation);
        request = request.body(body.bytes());
        request =
            body.mediaType() == null
                ? request.noContentType()
                : request.contentType(body.mediaType());
        what += ", " + body.kind() + " as " + body.mediaType();
      }
      Response response = request.request(operation.method(), path);
      // ".." or "": the path leads to another resource, which may answer in the other format.
      String problem = judge(operation, response, !value.contains("..") && !value.isEmpty());
      if (problem != null) {
        failed++;
        if (failures.size() < REPORTED) {
          failures.add(operation + " with " + what + ": " + problem);
        }
      }
    }
    assertThat(failures)
        .as("%d of %d hostile inputs answered badly (seed %d)", failed, inputs, seed)
        .isEmpty();
  }

  /** Null when the answer keeps the promises; what is wrong otherwise. */
  private static String judge(
      ApiOperations.Operation operation, Response response, boolean sameResource) {
    int status = response.statusCode();
    String body = response.asString();
    if (status >= 500) {
      return status + " " + excerpt(body);
    }
    if (status >= 400) {
      String type = response.contentType() == null ? "" : response.contentType();
      boolean ours =
          operation.confluent()
              ? body.contains("\"error_code\"")
              : type.startsWith("application/problem+json");
      if (!ours && sameResource) {
        return status + " in another format (" + type + "): " + excerpt(body);
      }
    }
    try {
      InternalText.assertNone(body);
    } catch (AssertionError e) {
      return status + " shows internal text: " + excerpt(body);
    }
    return null;
  }

  private static void expect(
      ApiOperations.Operation operation,
      String path,
      String token,
      String caller,
      int status,
      List<String> failures) {
    RequestSpecification request = given().urlEncodingEnabled(false);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    if (operation.hasBody()) {
      request =
          raw(request, operation.mediaTypes().get(0)).body("{}".getBytes(StandardCharsets.UTF_8));
    }
    Response response = request.request(operation.method(), path);
    String body = response.asString();
    boolean right = response.statusCode() == status;
    try {
      InternalText.assertNone(body);
    } catch (AssertionError e) {
      right = false;
    }
    if (!right) {
      failures.add(
          operation
              + " as "
              + caller
              + ": "
              + response.statusCode()
              + " "
              + excerpt(body)
              + " (expected "
              + status
              + ")");
    }
  }

  /** Bodies go as the bytes they are, whatever the media type says. */
  private static RequestSpecification raw(RequestSpecification request, String mediaType) {
    return request
        .config(
            RestAssured.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs(mediaType, ContentType.BINARY)))
        .contentType(mediaType);
  }

  private static TestTokens.Builder all() {
    return TestTokens.user("fuzz")
        .roles(ROLES.toArray(String[]::new))
        .domains("marketing", "sales", "finance");
  }

  /** A token like ours, with our key id, signed by a key the service has never seen. */
  private static String foreign() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      PrivateKey key = generator.generateKeyPair().getPrivate();
      long now = System.currentTimeMillis() / 1000;
      return Jwt.issuer(TestTokens.ISSUER)
          .subject("intruder")
          .preferredUserName("intruder")
          .audience(TestTokens.AUDIENCE)
          .issuedAt(now - 5)
          .expiresAt(now + 600)
          .claim("realm_access", Map.of("roles", ROLES))
          .jws()
          .keyId("meshwork-test")
          .sign(key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fill(String path, String value) {
    Matcher matcher = PARAMETER.matcher(path);
    return matcher.replaceAll(Matcher.quoteReplacement(value));
  }

  private static String excerpt(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
