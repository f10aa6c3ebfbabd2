package io.meshwork.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.testing.TestServers.Choice;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TestServersTest {

  private static final BooleanSupplier ENGINE = () -> true;
  private static final BooleanSupplier NO_ENGINE = () -> false;
  private static final BooleanSupplier NEVER_ASKED =
      () -> {
        throw new AssertionError("the container engine must not be asked");
      };

  @Test
  void runsOnTheProjectsOwnServersByDefaultWithoutAskingForAnEngine() {
    assertThat(TestServers.choose(null, NEVER_ASKED)).isEqualTo(Choice.LOCAL);
    assertThat(TestServers.choose("", NEVER_ASKED)).isEqualTo(Choice.LOCAL);
    assertThat(TestServers.choose("  ", NEVER_ASKED)).isEqualTo(Choice.LOCAL);
    assertThat(TestServers.choose("local", NEVER_ASKED)).isEqualTo(Choice.LOCAL);
  }

  @Test
  void runsInContainersWhenTheyAreAskedForAndAnEngineAnswers() {
    assertThat(TestServers.choose("testcontainers", ENGINE)).isEqualTo(Choice.TESTCONTAINERS);
  }

  @Test
  void skipsWhenContainersAreAskedForAndNoEngineAnswers() {
    assertThat(TestServers.choose("testcontainers", NO_ENGINE)).isEqualTo(Choice.UNAVAILABLE);
  }

  @Test
  void autoTakesContainersWhereAnEngineAnswersAndTheOwnServersElsewhere() {
    assertThat(TestServers.choose("auto", ENGINE)).isEqualTo(Choice.TESTCONTAINERS);
    assertThat(TestServers.choose("auto", NO_ENGINE)).isEqualTo(Choice.LOCAL);
  }

  @Test
  void asksTheEngineOnceForOneChoice() {
    AtomicInteger asked = new AtomicInteger();
    TestServers.choose(
        "auto",
        () -> {
          asked.incrementAndGet();
          return true;
        });
    assertThat(asked).hasValue(1);
  }

  @Test
  void ignoresCaseAndSurroundingSpaces() {
    assertThat(TestServers.choose(" TestContainers ", ENGINE)).isEqualTo(Choice.TESTCONTAINERS);
    assertThat(TestServers.choose("LOCAL", NEVER_ASKED)).isEqualTo(Choice.LOCAL);
    assertThat(TestServers.choose("Auto", NO_ENGINE)).isEqualTo(Choice.LOCAL);
  }

  @Test
  void refusesAnUnknownChoiceNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> TestServers.choose("docker", NEVER_ASKED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "meshwork.test.servers is 'docker'; use local (the default), testcontainers or auto");
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    assertThat(TestServers.requested("local", "testcontainers")).isEqualTo("local");
    assertThat(TestServers.requested(null, "testcontainers")).isEqualTo("testcontainers");
    assertThat(TestServers.requested(" ", "auto")).isEqualTo("auto");
    assertThat(TestServers.requested(null, null)).isNull();
  }

  @Test
  void theSkipReasonSaysWhatWasAskedForAndHowToRunAnyway() {
    assertThat(TestServers.UNAVAILABLE_REASON)
        .startsWith("meshwork.test.servers=testcontainers, but no container engine answers")
        .endsWith("leave meshwork.test.servers unset to run them on the project's own servers.");
  }

  @Test
  void quarkusTestsNeedTheServersAndPlainTestsDoNot() {
    assertThat(TestServersCondition.bootsWithTestServers(AQuarkusTest.class)).isTrue();
    assertThat(TestServersCondition.bootsWithTestServers(ExtendsAQuarkusTest.class)).isTrue();
    assertThat(TestServersCondition.bootsWithTestServers(TestServersTest.class)).isFalse();
  }

  @Test
  void everyImageTakesItsTagFromTheParentPom() {
    assertThat(ContainerServers.image("postgres").getRepository()).isEqualTo("postgres");
    assertThat(ContainerServers.image("kafka").getRepository()).isEqualTo("apache/kafka");
    assertThat(ContainerServers.image("keycloak").getRepository()).isEqualTo("keycloak/keycloak");
    assertThat(ContainerServers.image("keycloak").getRegistry()).isEqualTo("quay.io");
    assertThat(ContainerServers.image("s3proxy").getRepository()).isEqualTo("andrewgaul/s3proxy");
    for (String server : List.of("postgres", "kafka", "keycloak", "s3proxy")) {
      assertThat(ContainerServers.image(server).getVersionPart()).matches("\\d+(\\.\\d+)+");
    }
  }

  @QuarkusTest
  static class AQuarkusTest {}

  static class ExtendsAQuarkusTest extends AQuarkusTest {}
}
