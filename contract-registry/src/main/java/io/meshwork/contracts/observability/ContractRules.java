package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.ContractService;
import io.meshwork.contracts.contract.ContractVersion;
import io.meshwork.contracts.contract.document.ContractDocuments;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.contracts.contract.testing.QualityChecks;
import io.meshwork.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A contract's quality rules on a suite's dataset: the rules of the contract's schema object whose
 * physical name (or name) is the dataset's table, run by the same engine as contract tests, on the
 * schedule of the suite. Declared once, in the contract.
 */
@ApplicationScoped
public class ContractRules {

  private final ContractService contracts;

  public ContractRules(ContractService contracts) {
    this.contracts = contracts;
  }

  void run(
      Expectation expectation,
      MonitoredDataset dataset,
      QualityChecks checks,
      List<CheckResult> results) {
    JsonNode a = expectation.arguments();
    JsonNode document;
    try {
      ContractVersion version =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      contracts.version(
                          a.path("contract").asText(), a.path("version").asText(null)));
      document = ContractDocuments.readCanonical(version.document);
    } catch (ProblemException e) {
      results.add(Checked.notRun(expectation, dataset.id, e.getMessage()));
      return;
    }
    for (JsonNode object : document.path("schema")) {
      String table = object.path("physicalName").asText(object.path("name").asText());
      if (!table.equals(dataset.table)) {
        continue;
      }
      checks.contractRules(object);
      return;
    }
    results.add(
        Checked.notRun(
            expectation,
            dataset.id,
            "the contract has no schema object for table " + dataset.table));
  }
}
