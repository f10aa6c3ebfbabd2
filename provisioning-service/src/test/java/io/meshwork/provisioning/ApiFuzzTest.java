package io.meshwork.provisioning;

import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.fuzz.ApiFuzzTests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The authorization matrix and hostile inputs over this service's whole API. */
@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class ApiFuzzTest extends ApiFuzzTests {}
