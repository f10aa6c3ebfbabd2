package io.meshwork.provisioning.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.events.EventType;
import io.meshwork.events.contracts.AccessEvents;
import io.meshwork.events.contracts.ContractEvents;
import io.meshwork.events.provisioning.ProvisioningEvents;
import io.meshwork.testing.TestKafka;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** contract-registry's side of a grant, played by the test: its event in, the outcome out. */
final class GrantEvents {

  private GrantEvents() {}

  /** An access request event for {@code marketing/<name>} asking for {@code fields} (JSON). */
  static void send(
      EventType<?> type, UUID request, String principal, String team, String name, String fields) {
    TestKafka.sendCloudEvent(
        TestKafka.topic(AccessEvents.TOPIC),
        request.toString(),
        UUID.randomUUID().toString(),
        type.type(),
        ContractEvents.SOURCE,
        """
        {"requestId":"%s","product":"p","productDomain":"marketing","consumer":"carl",
         "consumerDomain":"%s","principal":"%s","status":"APPROVED",
         "outputPorts":["marketing/%s"],"fields":%s,"purpose":"test",
         "expiresAt":"%s","by":"mara","at":"%s"}
        """
            .formatted(
                request,
                team,
                principal,
                name,
                fields,
                Instant.now().plusSeconds(3600),
                Instant.now()));
  }

  /** The one grants event of {@code type} provisioning published for {@code request}. */
  static JsonPath awaitGrants(UUID request, EventType<?> type) {
    var records =
        TestKafka.awaitRecords(
            TestKafka.topic(ProvisioningEvents.GRANT_TOPIC),
            r ->
                request.toString().equals(r.key())
                    && type.type().equals(TestKafka.header(r, "ce_type")),
            Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    return new JsonPath(records.get(0).value());
  }
}
