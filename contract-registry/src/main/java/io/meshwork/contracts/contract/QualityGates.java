package io.meshwork.contracts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.document.ContractDocuments;
import io.meshwork.contracts.contract.quality.QualityGate;
import io.meshwork.web.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled gates per contract version and schema object; a version's schema never changes. Beside
 * the versions it reads, so that the quality package needs nothing of this one.
 */
@ApplicationScoped
public class QualityGates {

  private final Map<String, QualityGate> compiled = new ConcurrentHashMap<>();

  public QualityGate of(ContractVersion version, String object) {
    String key =
        version.contractId + "\u0000" + version.version + "\u0000" + (object == null ? "" : object);
    return compiled.computeIfAbsent(key, k -> QualityGate.compile(schemaObject(version, object)));
  }

  private static JsonNode schemaObject(ContractVersion version, String object) {
    JsonNode schema = ContractDocuments.readCanonical(version.document).path("schema");
    if (object == null) {
      if (schema.isEmpty()) {
        throw InvalidRequestException.ofField(
            "contracts.quality.no-schema", "object", "the contract declares no schema object");
      }
      return schema.get(0);
    }
    for (JsonNode candidate : schema) {
      if (object.equals(candidate.path("name").asText())) {
        return candidate;
      }
    }
    throw InvalidRequestException.ofField(
        "contracts.quality.unknown-object",
        "object",
        "the contract has no schema object '" + object + "'");
  }
}
