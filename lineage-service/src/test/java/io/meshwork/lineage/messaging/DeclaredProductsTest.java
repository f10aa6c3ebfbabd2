package io.meshwork.lineage.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.lineage.intake.LineageEvent;
import io.meshwork.lineage.intake.OpenLineageParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredProductsTest {

  @Test
  void aDeclarationIsAJobEventTheIntakeTakes() {
    LineageEvent event =
        OpenLineageParser.parse(
            DeclaredProducts.declaration(
                "customer_360",
                "data-team@company.com",
                Instant.parse("2026-12-02T10:00:00Z"),
                List.of("crm_system/v2/customers"),
                List.of("dbt/models/marts/customer/"),
                List.of()));
    assertThat(event).isNotNull();
    assertThat(event.toString())
        .contains("declared:customer_360")
        .contains("crm_system/v2/customers");
  }
}
