package io.meshwork.governance.policy;

import static io.meshwork.governance.GovernanceFixtures.BOARD;
import static io.meshwork.governance.GovernanceFixtures.localPolicy;
import static io.meshwork.governance.GovernanceFixtures.newDomain;
import static io.meshwork.governance.GovernanceFixtures.putPolicy;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.meshwork.governance.rules.Policies;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class PolicyResourceTest {

  private static final String SEED = Policies.resource("/policies/governance.hcl");

  private static String names(String domain, String policy, String pattern) {
    return localPolicy(
        domain,
        policy,
        "soft-mandate",
        "\"names\" = { kind = \"naming_pattern\", pattern = \"" + pattern + "\" }");
  }

  @Test
  void theSeedsGovernanceHclIsStoredAsAGlobalDocumentAndReadBack() {
    // The one global document of the seed, verbatim (its policies apply to products with
    // customer_id; the other tests' products have none).
    String name = "governance";

    putPolicy(BOARD, name, SEED)
        .statusCode(201)
        .header("Location", containsString("/api/v1/policies/" + name))
        .body("name", equalTo(name))
        .body("scope", equalTo("global"))
        .body("version", equalTo(1))
        .body("policies.enforcement", contains("hard-mandate", "soft-guidance"))
        .body("policies[0].rules[0].kind", equalTo("null_check"))
        .body("policies[0].rules[0].params.threshold", equalTo(0.95f))
        .body("policies[0].rules[0].params.fields", contains("customer_id", "transaction_date"))
        .body("policies[1].rules[0].params.retention_period", equalTo("P1Y"));

    given()
        .auth()
        .oauth2(TestTokens.consumer("marketing"))
        .accept("application/hcl")
        .when()
        .get("/api/v1/policies/{name}", name)
        .then()
        .statusCode(200)
        .contentType(containsString("application/hcl"))
        .body(containsString("enforcement_level = \"hard-mandate\""));
  }

  @Test
  void theSameDocumentAgainChangesNothingAndANewOneIsTheNextVersionWithADiff() {
    String domain = newDomain();
    String name = Fixtures.newName("names");
    String owner = TestTokens.domainOwner(domain);
    putPolicy(owner, name, names(domain, "p_" + name, "^[a-z_]+$"))
        .statusCode(201)
        .body("version", equalTo(1));

    putPolicy(owner, name, "# reformatted\n" + names(domain, "p_" + name, "^[a-z_]+$"))
        .statusCode(200)
        .body("version", equalTo(1))
        .body("productsQueued", nullValue());
    putPolicy(owner, name, names(domain, "p_" + name, "^[a-z][a-z0-9_]+$"))
        .statusCode(200)
        .body("version", equalTo(2))
        .body("scope", equalTo(domain));

    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/policies/{name}/versions", name)
        .then()
        .statusCode(200)
        .body("version", contains(1, 2))
        .body("[1].createdBy", equalTo("owner-" + domain));
    given()
        .auth()
        .oauth2(owner)
        .when()
        .get("/api/v1/policies/{name}/diff", name)
        .then()
        .statusCode(200)
        .body("from", equalTo(1))
        .body("to", equalTo(2))
        .body("changes", hasSize(1))
        .body("changes[0].change", equalTo("rule-changed"))
        .body("changes[0].rule", equalTo("names"))
        .body("changes[0].before.params.pattern", equalTo("^[a-z_]+$"))
        .body("changes[0].after.params.pattern", equalTo("^[a-z][a-z0-9_]+$"));
  }

  @Test
  void badHclIsRefusedWithItsLineAndColumn() {
    putPolicy(BOARD, Fixtures.newName("bad"), "policy \"p\" {\n  enforcement_level = \n}\n")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("governance.policy.invalid"))
        .body("violations[0].field", equalTo("hcl"))
        .body("violations[0].line", equalTo(3))
        .body("violations[0].column", equalTo(1))
        .body("detail", containsString("line 3, column 1"));
  }

  @Test
  void anUnknownRuleKindOrLevelNamesTheAllowedOnes() {
    putPolicy(
            BOARD,
            Fixtures.newName("bad"),
            "policy \"p\" {\n  enforcement_level = \"mandatory\"\n  rules = { \"row_count\" = {} }\n}\n")
        .statusCode(422)
        .body(
            "violations.field", contains("policy.p.enforcement_level", "policy.p.rules.row_count"))
        .body("violations[0].message", containsString("hard-mandate, soft-mandate, soft-guidance"))
        .body("violations[1].message", containsString("null_check, gdpr_compliance"));
  }

  @Test
  void onlyTheBoardOrAnAdminWritesGlobalPoliciesAndOwnersOnlyTheirDomains() {
    String domain = newDomain();
    String global =
        "policy \"g_"
            + domain.replace('-', '_')
            + "\" {\n enforcement_level = \"soft-guidance\"\n rules = { \"sla_present\" = {} }\n}\n";

    given()
        .contentType("application/hcl")
        .body(global.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/policies/x")
        .then()
        .statusCode(401);
    putPolicy(TestTokens.consumer(domain), Fixtures.newName("p"), global).statusCode(403);
    putPolicy(TestTokens.domainOwner(domain), Fixtures.newName("p"), global)
        .statusCode(403)
        .body("detail", containsString("may not change global policies"));
    putPolicy(
            TestTokens.domainOwner("elsewhere"),
            Fixtures.newName("p"),
            names(domain, "p_" + domain.replace('-', '_'), "^x$"))
        .statusCode(403)
        .contentType("application/problem+json");
    putPolicy(TestTokens.platformAdmin(), Fixtures.newName("p"), global).statusCode(201);
  }

  @Test
  void aDomainCannotReplaceOrWeakenAGlobalPolicy() {
    String domain = newDomain();
    String policy = "quality_" + domain.replace('-', '_');
    putPolicy(
            BOARD,
            Fixtures.newName("global"),
            "policy \""
                + policy
                + "\" {\n enforcement_level = \"hard-mandate\"\n rules = { \"sla_present\" = {} }\n}\n")
        .statusCode(201);

    putPolicy(
            TestTokens.domainOwner(domain),
            Fixtures.newName("local"),
            localPolicy(domain, policy, "soft-guidance", "\"sla_present\" = {}"))
        .statusCode(409)
        .body("code", equalTo("governance.policy.weakens-global"));
  }

  @Test
  void aDocumentKeepsItsScope() {
    String domain = newDomain();
    String name = Fixtures.newName("scoped");
    putPolicy(BOARD, name, names(domain, "p_" + name, "^x$")).statusCode(201);

    putPolicy(
            BOARD,
            name,
            "policy \"p_"
                + name
                + "\" {\n enforcement_level = \"soft-guidance\"\n rules = { \"sla_present\" = {} }\n}\n")
        .statusCode(409)
        .body("code", equalTo("governance.policy.scope-change"));
  }

  @Test
  void anUnknownDocumentIsA404() {
    given()
        .auth()
        .oauth2(BOARD)
        .when()
        .get("/api/v1/policies/{name}", "nope")
        .then()
        .statusCode(404)
        .body("code", equalTo("governance.policy.not-found"));
  }
}
