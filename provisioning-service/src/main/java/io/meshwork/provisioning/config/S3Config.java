package io.meshwork.provisioning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The platform's object store (any S3 endpoint; S3Proxy locally and in tests). */
@ConfigMapping(prefix = "meshwork.s3")
public interface S3Config {

  /** Endpoint override, e.g. http://127.0.0.1:18333; empty for AWS itself. */
  Optional<String> endpoint();

  @WithDefault("us-east-1")
  String region();

  Optional<String> accessKey();

  Optional<String> secretKey();

  /** Path-style addressing (bucket in the path), which S3-compatible servers need. */
  @WithDefault("true")
  boolean pathStyle();
}
