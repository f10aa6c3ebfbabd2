package io.meshwork.governance.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.governance.rules.ProductDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessCheckTest {

  private static ProductDescriptor product(String classification) throws Exception {
    return ProductDescriptor.of(
        new ObjectMapper()
            .readTree(
                """
                {"product":{"name":"p","domain":"d","owner":"o@x.io","version":"1.0.0"%s},
                 "schema":[{"name":"customer_id","type":"string"},
                           {"name":"contact","type":"string","tags":["pii"]},
                           {"name":"home_address","type":"string"}]}
                """
                    .formatted(
                        classification == null
                            ? ""
                            : ",\"classification\":\"" + classification + "\"")));
  }

  @Test
  void personalDataAskedForNeedsTheBoard() throws Exception {
    AccessCheck.Result all = AccessCheck.check(product("public"), "PUBLISHED", List.of());
    assertThat(all.decision()).isEqualTo(AccessCheck.BOARD_REQUIRED);
    assertThat(all.reasons().get(0)).contains("[contact, home_address]");
    AccessCheck.Result tagged =
        AccessCheck.check(product("internal"), "PUBLISHED", List.of("customer_id", "contact"));
    assertThat(tagged.decision()).isEqualTo(AccessCheck.BOARD_REQUIRED);
    assertThat(tagged.reasons().get(0)).contains("[contact]").doesNotContain("home_address");
  }

  @Test
  void withoutPersonalDataAPublicProductIsApprovedAndOthersGoToTheProducer() throws Exception {
    assertThat(AccessCheck.check(product("public"), "PUBLISHED", List.of("customer_id")).decision())
        .isEqualTo(AccessCheck.AUTO_APPROVED);
    assertThat(
            AccessCheck.check(product("internal"), "PUBLISHED", List.of("customer_id")).decision())
        .isEqualTo(AccessCheck.PASSED);
    assertThat(AccessCheck.check(product(null), "PUBLISHED", List.of("customer_id")).reasons())
        .containsExactly("no personal data asked for (classification none): the producer decides");
  }

  @Test
  void anUnknownOrUnpublishedProductFails() throws Exception {
    assertThat(AccessCheck.check(null, null, List.of()).decision()).isEqualTo(AccessCheck.FAILED);
    AccessCheck.Result retired = AccessCheck.check(product("public"), "RETIRED", List.of());
    assertThat(retired.decision()).isEqualTo(AccessCheck.FAILED);
    assertThat(retired.reasons().get(0)).contains("RETIRED");
  }
}
