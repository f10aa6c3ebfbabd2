package io.meshwork.testing.fuzz;

import org.junit.jupiter.api.Test;

/**
 * The whole API, from the module's OpenAPI snapshot: the authorization matrix of every mutating
 * operation, and hostile inputs ({@code -Dfuzz.inputs}, {@code -Dfuzz.seed} to replay) that must
 * all get a clear 4xx. A service's test extends it with its {@code @QuarkusTest} annotations.
 */
public abstract class ApiFuzzTests {

  private static final long DEFAULT_SEED = 20261204L;

  @Test
  void everyMutatingOperationRefusesCallersItMustNotServe() {
    ApiFuzzing.assertAuthzMatrix(ApiOperations.ofSnapshot());
  }

  @Test
  void hostileInputsGetAClear4xxAndNoInternalText() {
    ApiFuzzing.assertHostileInputsRefusedCleanly(
        ApiOperations.ofSnapshot(),
        Integer.getInteger("fuzz.inputs", 2_500),
        // One seed by default, so that CI judges the same inputs every run; others explore.
        Long.getLong("fuzz.seed", DEFAULT_SEED));
  }
}
