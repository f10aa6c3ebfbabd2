package io.meshwork.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.events.provisioning.DatasetProvisioningStarted;
import io.meshwork.events.provisioning.ProvisioningEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

  private final EventCodec codec = new EventCodec(new ObjectMapper().findAndRegisterModules());

  @Test
  void aPayloadReachesTheHandlerOfItsTypeDecodedAndOtherTypesAreLeftAlone() throws Exception {
    List<DatasetProvisioningStarted> seen = new ArrayList<>();
    EventHandlers handlers =
        new EventHandlers(codec).on(ProvisioningEvents.DATASET_PROVISIONING_STARTED, seen::add);

    boolean handled =
        handlers.dispatch(
            ProvisioningEvents.DATASET_PROVISIONING_STARTED.type(),
            "{\"datasetId\":\"6f1c1d6e-7a39-4c52-9c57-5a2c7f0c8d11\",\"domain\":\"marketing\","
                + "\"name\":\"orders\",\"attempt\":2,\"addedLater\":true}");

    assertThat(handled).isTrue();
    assertThat(seen).singleElement().extracting(DatasetProvisioningStarted::attempt).isEqualTo(2);
    assertThat(handlers.dispatch(ProvisioningEvents.DATASET_PROVISIONED.type(), "{}")).isFalse();
    assertThat(seen).hasSize(1);
    assertThatThrownBy(
            () -> handlers.dispatch(ProvisioningEvents.DATASET_PROVISIONING_STARTED.type(), "[1"))
        .isInstanceOf(MalformedEventException.class);
  }

  @Test
  void aTypeTakesOneHandler() {
    EventHandlers handlers =
        new EventHandlers(codec).on(ProvisioningEvents.DATASET_REQUESTED, payload -> {});
    assertThatThrownBy(() -> handlers.on(ProvisioningEvents.DATASET_REQUESTED, payload -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.meshwork.provisioning.dataset.requested.v1");
  }
}
