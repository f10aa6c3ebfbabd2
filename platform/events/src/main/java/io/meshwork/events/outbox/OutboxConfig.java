package io.meshwork.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "meshwork.outbox")
public interface OutboxConfig {

  /** Safety-net poll; commits wake the relay at once, so this only matters after failures. */
  @WithDefault("2s")
  Duration pollInterval();

  /** Events relayed per transaction. */
  @WithDefault("200")
  int batchSize();

  /** How long to wait for the broker to acknowledge a batch. */
  @WithDefault("30s")
  Duration sendTimeout();

  /** Relayed events are kept this long for diagnosis, then deleted. */
  @WithDefault("P7D")
  Duration retention();
}
