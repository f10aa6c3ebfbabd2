package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Every difference between two versions of a contract (canonical ODCS trees) that matters to its
 * consumers or producers, with a severity: removed or retyped fields, tightened constraints,
 * narrowed allowed values and weaker SLAs are breaking.
 */
public final class ContractDiff {

  private ContractDiff() {}

  public static List<ContractChange> compare(JsonNode before, JsonNode after) {
    Changes changes = new Changes();
    new SchemaDiff(changes).objects(before.path("schema"), after.path("schema"));
    new SlaDiff(changes).compare(before.path("slaProperties"), after.path("slaProperties"));
    new MetadataDiff(changes).compare(before, after);
    return changes.list();
  }
}
