package io.meshwork.bench.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.meshwork.contracts.contract.quality.ErrorSink;
import io.meshwork.contracts.contract.quality.QualityGate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second through the compiled quality gate versus generic JSON Schema validation
 * (networknt, formats asserted) of the same, already parsed, records and rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class QualityGateBenchmark {

  static final int RECORDS = 10_000;

  private ArrayNode records;
  private QualityGate gate;
  private Schema schema;

  @Setup
  public void setUp() {
    records = QualityGateFixtures.records(RECORDS, 42);
    gate = QualityGate.compile(QualityGateFixtures.contract("bench.orders").path("schema").get(0));
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config))
            .getSchema(QualityGateFixtures.jsonSchema());
    // Both sides must agree on which records are invalid, or the comparison means nothing.
    int gateInvalid = 0;
    int schemaInvalid = 0;
    for (int i = 0; i < RECORDS; i++) {
      gateInvalid += gate.check(records.get(i), i, new Counter()) ? 0 : 1;
      schemaInvalid += schema.validate(records.get(i)).isEmpty() ? 0 : 1;
    }
    if (gateInvalid != schemaInvalid || gateInvalid == 0) {
      throw new IllegalStateException(
          "Validators disagree: gate " + gateInvalid + " invalid, JSON Schema " + schemaInvalid);
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void qualityGate(Blackhole blackhole) {
    Counter errors = new Counter();
    for (int i = 0; i < RECORDS; i++) {
      blackhole.consume(gate.check(records.get(i), i, errors));
    }
    blackhole.consume(errors.count);
  }

  /** The batch API as the endpoint calls it: large batches use every core. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void qualityGateBatch(Blackhole blackhole) {
    blackhole.consume(gate.validate(records, 1000));
  }

  /** The floor: only reading the 20 values of each record, no checks. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void readFieldsOnly(Blackhole blackhole) {
    for (int i = 0; i < RECORDS; i++) {
      JsonNode record = records.get(i);
      for (String name : FIELD_NAMES) {
        blackhole.consume(record.get(name));
      }
    }
  }

  private static final String[] FIELD_NAMES =
      QualityGateFixtures.FIELDS.stream()
          .map(QualityGateFixtures.Field::name)
          .toArray(String[]::new);

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void networkntJsonSchema(Blackhole blackhole) {
    for (int i = 0; i < RECORDS; i++) {
      JsonNode record = records.get(i);
      blackhole.consume(schema.validate(record));
    }
  }

  /** Counts problems without keeping them, as a streaming gate would. */
  static final class Counter implements ErrorSink {
    long count;

    @Override
    public void add(int record, String field, String rule, String message) {
      count++;
    }
  }
}
