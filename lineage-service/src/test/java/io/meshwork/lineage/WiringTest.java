package io.meshwork.lineage;

import io.meshwork.testing.MeshworkTestResource;
import io.meshwork.testing.PlatformWiringTests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(MeshworkTestResource.class)
class WiringTest extends PlatformWiringTests {}
