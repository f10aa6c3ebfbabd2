package io.meshwork.lineage;

import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.fuzz.ApiFuzzing;
import io.meshwork.testing.fuzz.ApiOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The whole API, from its OpenAPI snapshot: the authorization matrix of every mutating operation,
 * and hostile inputs (`-Dfuzz.inputs`, `-Dfuzz.seed` to replay) that must all get a clear 4xx.
 */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ApiFuzzTest {

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
