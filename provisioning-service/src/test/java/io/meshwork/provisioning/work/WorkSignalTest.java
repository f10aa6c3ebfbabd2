package io.meshwork.provisioning.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkSignalTest {

  private final WorkSignal signal = new WorkSignal();

  @Test
  void aWaitingReaderWakesWhenWorkIsDone() throws Exception {
    long seen = signal.generation();
    CompletableFuture<Long> waited =
        CompletableFuture.supplyAsync(
            () -> {
              long start = System.nanoTime();
              signal.awaitAfter(seen, Duration.ofSeconds(20));
              return System.nanoTime() - start;
            });
    Thread.sleep(100);
    assertThat(waited).isNotDone();
    signal.workDone();
    assertThat(waited.get(5, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(5).toNanos());
    assertThat(signal.generation()).isEqualTo(seen + 1);
  }

  @Test
  void workDoneBeforeTheWaitIsNotMissed() {
    long seen = signal.generation();
    signal.workDone();
    long start = System.nanoTime();
    signal.awaitAfter(seen, Duration.ofSeconds(20));
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void withoutWorkTheWaitEndsAfterItsBound() {
    long start = System.nanoTime();
    signal.awaitAfter(signal.generation(), Duration.ofMillis(150));
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
  }
}
