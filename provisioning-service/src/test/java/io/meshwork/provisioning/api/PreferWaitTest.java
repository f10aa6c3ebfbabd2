package io.meshwork.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferWaitTest {

  private static final Duration MAX = Duration.ofSeconds(60);

  @Test
  void readsTheWaitPreferenceAmongOthers() {
    assertThat(PreferWait.of(List.of("wait=10"), MAX)).contains(Duration.ofSeconds(10));
    assertThat(PreferWait.of(List.of("respond-async, Wait = 5"), MAX))
        .contains(Duration.ofSeconds(5));
    assertThat(PreferWait.of(List.of("return=minimal", "wait=\"7\";x=1"), MAX))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void longerWaitsAreShortenedToTheLimit() {
    assertThat(PreferWait.of(List.of("wait=3600"), MAX)).contains(MAX);
  }

  @Test
  void noOrUnreadableWaitIsIgnored() {
    assertThat(PreferWait.of(null, MAX)).isEmpty();
    assertThat(PreferWait.of(List.of("respond-async"), MAX)).isEmpty();
    assertThat(PreferWait.of(List.of("wait=soon"), MAX)).isEmpty();
    assertThat(PreferWait.of(List.of("wait=-1"), MAX)).isEmpty();
    assertThat(PreferWait.of(List.of("waiting=5"), MAX)).isEmpty();
  }
}
