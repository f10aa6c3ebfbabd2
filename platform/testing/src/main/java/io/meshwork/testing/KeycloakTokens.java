package io.meshwork.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.infra.InfraState;
import io.meshwork.infra.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak's meshwork realm. */
public final class KeycloakTokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String tokenUrl;
  private final Secrets secrets;

  public KeycloakTokens(InfraState state) {
    this.tokenUrl = state.require("keycloak.token-url");
    this.secrets = Secrets.loadOrCreate(TestInfra.profile().dir());
  }

  /** A demo user of the realm (see README), through the public client's password grant. */
  public String user(String username) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", "meshwork-cli");
    form.put("username", username);
    form.put("password", demoPassword());
    return request(form);
  }

  /** The demo users' password: {@code MESHWORK_DEMO_PASSWORD}, as the realm import is given it. */
  static String demoPassword() {
    return System.getenv().getOrDefault("MESHWORK_DEMO_PASSWORD", "meshwork");
  }

  /** A service account's token, e.g. {@code serviceAccount("provisioning")}. */
  public String serviceAccount(String client) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", "meshwork-" + client);
    form.put("client_secret", secrets.clientSecret(client));
    return request(form);
  }

  private String request(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token (" + response.statusCode() + "): " + response.body());
      }
      JsonNode json = JSON.readTree(response.body());
      return json.get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach Keycloak at " + tokenUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
