package io.meshwork.catalog.search;

import static io.meshwork.catalog.CatalogFixtures.ADMIN;
import static io.meshwork.catalog.CatalogFixtures.decide;
import static io.meshwork.catalog.CatalogFixtures.put;
import static io.meshwork.catalog.CatalogFixtures.transition;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.meshwork.catalog.CatalogFixtures;
import io.meshwork.testing.Fixtures;
import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Discovery: exact names first, typos forgiven, words of descriptions and columns, facets. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class SearchResourceTest {

  private static ValidatableResponse search(String query) {
    return given()
        .auth()
        .oauth2(TestTokens.consumer("anyone"))
        .when()
        .get("/api/v1/search?" + query)
        .then()
        .statusCode(200);
  }

  private static String product(
      String name, String domain, String description, String column, String tag) {
    return """
        product: {name: %s, domain: %s, owner: %s-team, version: 1.0.0, description: "%s", tags: [%s]}
        schema: [{name: %s, type: string}]
        """
        .formatted(name, domain, domain, description, tag, column);
  }

  @Test
  void anExactNameComesFirstAndATypoStillFindsIt() {
    String domain = CatalogFixtures.newDomain();
    String word = "orders" + Fixtures.randomSuffix(4);
    for (String name : new String[] {word + "_daily", "daily_" + word, word}) {
      put(ADMIN, name, product(name, domain, "Orders of the shop", "order_id", "sales"))
          .statusCode(201);
    }
    search("status=DRAFT&q=" + word)
        .body("results[0].name", equalTo(word))
        .body("results[0].exact", equalTo(true))
        .body("results.name", hasItem(word + "_daily"))
        .body("total", equalTo(3));
    // One letter off.
    String typo = word.substring(0, 2) + word.substring(3);
    search("status=DRAFT&q=" + typo).body("results.name", hasItem(word));
  }

  @Test
  void wordsOfDescriptionsColumnsAndTagsFindProductsAndFacetsCountThem() {
    String domain = CatalogFixtures.newDomain();
    String marker = "zebra" + Fixtures.randomSuffix(5);
    put(
            ADMIN,
            "a_" + marker,
            product("a_" + marker, domain, "Stripes of the " + marker, "id", "gold"))
        .statusCode(201);
    put(
            ADMIN,
            "b_" + domain,
            product("b_" + domain, domain, "Nothing to see", marker + "_count", "gold"))
        .statusCode(201);
    put(ADMIN, "c_" + domain, product("c_" + domain, domain, "Other", "id", marker))
        .statusCode(201);
    search("status=DRAFT&q=" + marker)
        .body("total", equalTo(3))
        .body("facets.domain[0].value", equalTo(domain))
        .body("facets.domain[0].count", equalTo(3))
        .body("facets.owner[0].value", equalTo(domain + "-team"))
        .body("facets.status[0].value", equalTo("DRAFT"))
        .body("facets.tag.value", hasItem("gold"));
    search("status=DRAFT&q=" + marker + "&tag=gold")
        .body("total", equalTo(2))
        .body("results.name", not(hasItem("c_" + domain)));
    search("status=DRAFT&domain=" + domain + "&size=1&page=1")
        .body("total", equalTo(3))
        .body("results.size()", equalTo(1));
  }

  @Test
  void discoveryShowsPublishedProductsUnlessAskedForAStatus() {
    String domain = CatalogFixtures.newDomain();
    String name = "visible_" + Fixtures.randomSuffix(6);
    put(ADMIN, name, product(name, domain, "Visible once published", "id", "x")).statusCode(201);
    search("q=" + name).body("total", equalTo(0));
    transition(ADMIN, name, "submit").statusCode(200);
    decide(name, domain, "1.0.0", 1, "APPROVED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> transition(ADMIN, name, "publish").extract().statusCode() == 200);
    search("q=" + name)
        .body("results.name", contains(name))
        .body("results[0].status", equalTo("PUBLISHED"));
    given()
        .auth()
        .oauth2(TestTokens.consumer("anyone"))
        .when()
        .get("/api/v1/search?status=lost")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("status"));
    given().when().get("/api/v1/search?q=x").then().statusCode(401);
  }
}
