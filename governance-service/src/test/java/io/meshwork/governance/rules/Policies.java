package io.meshwork.governance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshwork.governance.policy.PolicyDefinition;
import io.meshwork.governance.policy.PolicyReader;
import io.meshwork.governance.policy.PolicySet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Policies and products for rule tests: one rule compiled from HCL, specs from YAML. */
public final class Policies {

  public static final RuleKinds KINDS = RuleKinds.standard();
  public static final PolicyReader READER = new PolicyReader(KINDS);
  private static final ObjectMapper YAML = new YAMLMapper();

  private Policies() {}

  /** The one rule of a policy holding {@code kind} with {@code params} (HCL attributes). */
  public static Rule rule(String kind, String params) {
    PolicySet set =
        READER.read(
            """
            policy "p" {
              enforcement_level = "hard-mandate"
              rules = {
                "r" = {
                  kind = "%s"
                  %s
                }
              }
            }
            """
                .formatted(kind, params));
    PolicyDefinition policy = set.policies().get(0);
    return policy.rules().get(0).rule();
  }

  public static ProductDescriptor product(String yaml) {
    try {
      return ProductDescriptor.of(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed's customer_360 spec, verbatim. */
  public static ProductDescriptor customer360() {
    return product(resource("/specs/customer_360.yaml"));
  }

  public static JsonNode customer360Document() {
    return customer360().document();
  }

  public static String resource(String path) {
    try (InputStream in = Policies.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
