package io.meshwork.testing.fuzz;

import org.junit.jupiter.api.Test;

/**
 * The whole API, from the module's OpenAPI snapshot: the authorization matrix of every mutating
 * operation, and hostile inputs ({@code -Dfuzz.inputs}, {@code -Dfuzz.seed} to replay) that must
 * all get a clear 4xx. A service's test extends it with its {@code @QuarkusTest} annotations.
 */
public abstract class ApiFuzzTests {

  @Test
  void everyMutatingOperationRefusesCallersItMustNotServe() {
    ApiFuzzing.assertAuthzMatrix(ApiOperations.ofSnapshot());
  }

  @Test
  void hostileInputsGetAClear4xxAndNoInternalText() {
    ApiFuzzing.assertHostileInputsRefusedCleanly(
        ApiOperations.ofSnapshot(),
        Integer.getInteger("fuzz.inputs", 2_500),
        Long.getLong("fuzz.seed", System.nanoTime()));
  }
}
