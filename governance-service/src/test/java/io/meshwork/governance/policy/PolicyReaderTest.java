package io.meshwork.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.governance.rules.Policies;
import io.meshwork.web.problem.Problem.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {

  private static List<Violation> violations(String hcl) {
    try {
      Policies.READER.read(hcl);
    } catch (InvalidPolicyException e) {
      return e.violations();
    }
    throw new AssertionError("expected the document to be refused");
  }

  @Test
  void readsTheSeedsGovernanceHclVerbatim() {
    PolicySet set = Policies.READER.read(Policies.resource("/policies/governance.hcl"));

    assertThat(set.global()).isTrue();
    assertThat(set.policies())
        .extracting(PolicyDefinition::name)
        .containsExactly("data_quality", "privacy");
    PolicyDefinition quality = set.policies().get(0);
    assertThat(quality.enforcement()).isEqualTo(Enforcement.HARD_MANDATE);
    assertThat(quality.rules()).hasSize(1);
    assertThat(quality.rules().get(0).id()).isEqualTo("null_check");
    assertThat(quality.rules().get(0).rule().kind()).isEqualTo("null_check");
    assertThat(quality.rules().get(0).params())
        .containsEntry("threshold", new BigDecimal("0.95"))
        .containsEntry("fields", List.of("customer_id", "transaction_date"));
    PolicyDefinition privacy = set.policies().get(1);
    assertThat(privacy.enforcement()).isEqualTo(Enforcement.SOFT_GUIDANCE);
    assertThat(privacy.rules().get(0).params())
        .containsEntry("regions", List.of("EU", "UK"))
        .containsEntry("retention_period", "P1Y");
  }

  @Test
  void aDomainAttributeMakesTheDocumentLocal() {
    PolicySet set =
        Policies.READER.read(
            """
            domain = "marketing"
            policy "marketing_names" {
              enforcement_level = "soft-mandate"
              description = "Marketing products say what they are"
              rules = {
                "names" = { kind = "naming_pattern", pattern = "^mkt_[a-z_]+$" }
              }
            }
            """);

    assertThat(set.domain()).isEqualTo("marketing");
    assertThat(set.policies().get(0).description())
        .isEqualTo("Marketing products say what they are");
    assertThat(set.policies().get(0).enforcement()).isEqualTo(Enforcement.SOFT_MANDATE);
  }

  @Test
  void aSyntaxErrorIsReportedAtItsLineAndColumn() {
    List<Violation> violations = violations("policy \"p\" {\n  enforcement_level = \n}\n");

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).field()).isEqualTo("hcl");
    assertThat(violations.get(0).line()).isEqualTo(3);
    assertThat(violations.get(0).column()).isEqualTo(1);
    assertThat(violations.get(0).message())
        .isEqualTo("unexpected '}': a value or a closing bracket is missing before it");
  }

  @Test
  void anUnclosedDocumentSaysWhatIsMissing() {
    List<Violation> violations = violations("policy \"p\" {\n  rules = {\n");

    assertThat(violations.get(0).message()).contains("a '}', ']' or '\"' is missing");
    assertThat(violations.get(0).line()).isEqualTo(3);
  }

  @Test
  void aStrayCharacterIsNamed() {
    List<Violation> violations =
        violations("policy \"p\" { enforcement_level = \"hard-mandate\" ; }");

    assertThat(violations.get(0).message()).isEqualTo("unexpected ';'");
    assertThat(violations.get(0).line()).isEqualTo(1);
    assertThat(violations.get(0).column()).isEqualTo(49);
  }

  @Test
  void anUnknownEnforcementLevelNamesTheLevels() {
    List<Violation> violations =
        violations(
            """
            policy "p" {
              enforcement_level = "advisory"
              rules = { "owner_exists" = {} }
            }
            """);

    assertThat(violations)
        .containsExactly(
            Violation.at(
                "policy.p.enforcement_level",
                "'advisory' is not an enforcement level; use one of [hard-mandate, soft-mandate,"
                    + " soft-guidance]",
                2,
                23));
  }

  @Test
  void anUnknownRuleKindNamesTheKinds() {
    List<Violation> violations =
        violations(
            """
            policy "p" {
              enforcement_level = "hard-mandate"
              rules = {
                "row_count" = { min = 1 }
              }
            }
            """);

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).field()).isEqualTo("policy.p.rules.row_count");
    assertThat(violations.get(0).message())
        .isEqualTo(
            "'row_count' is not a rule kind; the kinds are [null_check, gdpr_compliance,"
                + " required_metadata, naming_pattern, sla_present, pii_classification,"
                + " owner_exists, cel]");
    assertThat(violations.get(0).line()).isEqualTo(4);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<Violation> violations =
        violations(
            """
            policy "p" {
              enforcement_level = "hard-mandate"
              rules = {
                "null_check" = { threshold = 1.5, fields = [] }
                "naming_pattern" = { pattern = "([a-z" }
                "sla_present" = { min_availability = "lots", colour = "red" }
              }
            }
            """);

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "policy.p.rules.null_check.threshold",
            "policy.p.rules.null_check.fields",
            "policy.p.rules.naming_pattern.pattern",
            "policy.p.rules.sla_present.colour",
            "policy.p.rules.sla_present.min_availability");
    assertThat(violations)
        .filteredOn(v -> v.field().endsWith("colour"))
        .first()
        .extracting(Violation::message)
        .isEqualTo(
            "is not a parameter of sla_present; its parameters are [kind, max_freshness,"
                + " max_latency, min_availability, require]");
  }

  @Test
  void expressionsAndInterpolationAreRefusedWhereWritten() {
    List<Violation> violations =
        violations(
            """
            policy "p" {
              enforcement_level = var.level
              description = "made by ${user}"
              rules = { "owner_exists" = { x = file("/etc/passwd") } }
            }
            """);

    assertThat(violations).extracting(Violation::line).containsExactly(2, 3, 4);
    assertThat(violations.get(0).message()).startsWith("expressions are not allowed in a policy");
    assertThat(violations.get(1).message()).startsWith("${...} interpolation is not allowed");
  }

  @Test
  void onlyPolicyBlocksAndADomainMayBeAtTheTop() {
    List<Violation> violations =
        violations(
            """
            data "http" "x" { url = "http://127.0.0.1:1/" }
            owner = "me"
            """);

    assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("owner", "data");
  }

  @Test
  void aPolicyNamedTwiceIsRefused() {
    List<Violation> violations =
        violations(
            """
            policy "p" {
              enforcement_level = "hard-mandate"
              rules = { "owner_exists" = {} }
            }
            policy "p" {
              enforcement_level = "soft-guidance"
              rules = { "owner_exists" = {} }
            }
            """);

    assertThat(violations).extracting(Violation::message).containsExactly("is defined twice");
  }

  @Test
  void anEmptyDocumentHoldsNoPolicy() {
    assertThatThrownBy(() -> Policies.READER.read("# nothing\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("holds no policy block");
  }

  @Test
  void aHeredocCarriesAMultiLineExpression() {
    PolicySet set =
        Policies.READER.read(
            """
            policy "p" {
              enforcement_level = "soft-guidance"
              rules = {
                "owner_domain" = {
                  kind = "cel"
                  expression = <<EOT
            product.owner.endsWith("@company.com") ||
            product.owner.endsWith("-team")
            EOT
                }
              }
            }
            """);

    // As in Terraform, a heredoc's text ends with the newline before its closing marker.
    assertThat(set.policies().get(0).rules().get(0).params().get("expression"))
        .isEqualTo(
            "product.owner.endsWith(\"@company.com\") ||\nproduct.owner.endsWith(\"-team\")\n");
  }
}
