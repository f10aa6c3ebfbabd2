package io.meshwork.bench.governance;

import io.meshwork.bench.support.Load;
import io.meshwork.governance.evaluation.ActivePolicy;
import io.meshwork.governance.evaluation.Finding;
import io.meshwork.governance.evaluation.Outcome;
import io.meshwork.governance.evaluation.PolicyEngine;
import io.meshwork.governance.policy.PolicyReader;
import io.meshwork.governance.policy.PolicySet;
import io.meshwork.governance.rules.ProductDescriptor;
import io.meshwork.governance.rules.RuleKinds;
import java.util.Arrays;
import java.util.List;

/**
 * 10,000 data product specs against 20 rules of eight kinds (six CEL), through the policy engine as
 * governance-service runs it (the spec read into a descriptor, every rule's finding with its
 * evidence and remediation) beside the same rules as plain Java predicates over the same specs (the
 * limit). Rounds alternate so both see the same machine; the median round is reported.
 */
public final class GovernanceBenchmark {

  private static final int PRODUCTS = Integer.getInteger("bench.products", 10_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 8);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);

  private GovernanceBenchmark() {}

  public static void main(String[] args) {
    List<GovernanceCorpus.Product> products = GovernanceCorpus.products(PRODUCTS, 42);
    PolicySet set = new PolicyReader(RuleKinds.standard()).read(BenchPolicies.HCL);
    List<ActivePolicy> active =
        set.policies().stream().map(p -> new ActivePolicy("bench", 1, null, p)).toList();
    int rules = active.stream().mapToInt(p -> p.policy().rules().size()).sum();
    checkAgreement(products, active);

    long[] engineRounds = new long[ROUNDS];
    long[] baselineRounds = new long[ROUNDS];
    long[] enginePer = new long[PRODUCTS];
    long[] baselinePer = new long[PRODUCTS];
    long sink = 0;
    for (int round = -WARMUP; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < PRODUCTS; i++) {
        long t = System.nanoTime();
        GovernanceCorpus.Product product = products.get(i);
        PolicyEngine.Result result =
            PolicyEngine.evaluate(active, ProductDescriptor.of(product.spec()), product.evidence());
        enginePer[i] = System.nanoTime() - t;
        sink += result.findings().size();
      }
      long engine = System.nanoTime() - start;
      start = System.nanoTime();
      for (int i = 0; i < PRODUCTS; i++) {
        long t = System.nanoTime();
        GovernanceCorpus.Product product = products.get(i);
        boolean[] met = BenchPolicies.baseline(product.spec(), product.evidence());
        baselinePer[i] = System.nanoTime() - t;
        sink += met.length;
      }
      long baseline = System.nanoTime() - start;
      if (round >= 0) {
        engineRounds[round] = engine;
        baselineRounds[round] = baseline;
      }
    }
    double engineMs = median(engineRounds) / 1e6;
    double baselineMs = median(baselineRounds) / 1e6;
    Load.Result engineLatency = new Load.Result(PRODUCTS, 0, 1, enginePer);
    Load.Result baselineLatency = new Load.Result(PRODUCTS, 0, 1, baselinePer);
    System.out.printf(
        "GOVERNANCE corpus: %d products, %d rules in %d policies (8 kinds, 6 CEL); checksum %d%n",
        PRODUCTS, rules, active.size(), sink % 1000);
    System.out.printf(
        "GOVERNANCE engine: all %d in %.1f ms (median of %d rounds); per evaluation p50 %.1f us,"
            + " p99 %.1f us%n",
        PRODUCTS,
        engineMs,
        ROUNDS,
        engineLatency.percentileMillis(50) * 1000,
        engineLatency.percentileMillis(99) * 1000);
    System.out.printf(
        "GOVERNANCE baseline: plain Java predicates: all %d in %.1f ms; per evaluation p50 %.1f us,"
            + " p99 %.1f us%n",
        PRODUCTS,
        baselineMs,
        baselineLatency.percentileMillis(50) * 1000,
        baselineLatency.percentileMillis(99) * 1000);
    double ratio = engineMs / baselineMs;
    System.out.printf(
        "GOVERNANCE ratios: engine / plain Java %.2fx (target <= 3x: %s); all %d under 500 ms: %s%n",
        ratio, ratio <= 3 ? "met" : "NOT met", PRODUCTS, engineMs < 500 ? "met" : "NOT met");
  }

  /** Both sides must agree on every rule of every product, or the comparison means nothing. */
  private static void checkAgreement(
      List<GovernanceCorpus.Product> products, List<ActivePolicy> active) {
    long failed = 0;
    for (GovernanceCorpus.Product product : products) {
      List<Finding> findings =
          PolicyEngine.evaluate(active, ProductDescriptor.of(product.spec()), product.evidence())
              .findings();
      boolean[] met = BenchPolicies.baseline(product.spec(), product.evidence());
      for (int r = 0; r < met.length; r++) {
        Finding finding = findings.get(r);
        if (!finding.rule().equals(BenchPolicies.RULES.get(r))
            || (finding.outcome() == Outcome.PASSED) != met[r]) {
          throw new IllegalStateException(
              "engine and baseline disagree on "
                  + finding.rule()
                  + " of "
                  + product.spec().path("product").path("name").asText()
                  + ": "
                  + finding.evidence());
        }
        failed += met[r] ? 0 : 1;
      }
    }
    System.out.printf(
        "GOVERNANCE agreement: engine and baseline agree on all %d rule results (%d unmet)%n",
        (long) products.size() * BenchPolicies.RULES.size(), failed);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
