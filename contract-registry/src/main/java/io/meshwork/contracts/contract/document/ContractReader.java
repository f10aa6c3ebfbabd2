package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.web.problem.Problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a contract in either format (YAML or JSON text) into the registry's canonical form, an ODCS
 * v3.1 tree, refusing it with every violation's document path.
 */
@ApplicationScoped
public class ContractReader {

  private final OdcsValidator validator;

  public ContractReader(OdcsValidator validator) {
    this.validator = validator;
  }

  /** A document read and checked: its source format and canonical ODCS tree. */
  public record Parsed(ContractFormat format, ObjectNode odcs) {

    public String id() {
      return odcs.path("id").asText();
    }

    public String version() {
      return odcs.path("version").asText();
    }

    public String domain() {
      return odcs.path("domain").asText();
    }

    public String status() {
      return odcs.path("status").asText();
    }
  }

  /** Settings a request may give for what a document leaves out. */
  public record Defaults(
      Optional<String> id,
      Optional<String> name,
      Optional<String> version,
      Optional<String> domain,
      Optional<String> status) {}

  public Parsed read(String text, boolean yaml, Defaults defaults) {
    if (text == null || text.isBlank()) {
      throw ContractDocumentException.of(List.of(new Violation("$", "the body is empty")));
    }
    JsonNode document = ContractDocuments.parse(text, yaml);
    if (document == null || !document.isObject()) {
      throw ContractDocumentException.of(List.of(new Violation("$", "a contract is an object")));
    }
    if (SeedContracts.looksLikeSeed(document)) {
      List<Violation> violations = new ArrayList<>(SeedContracts.validate(document));
      ContractIdentity identity = seedIdentity(document, defaults, violations);
      if (!violations.isEmpty()) {
        throw ContractDocumentException.of(violations);
      }
      ObjectNode odcs = SeedContracts.toOdcs(document, identity);
      return checked(ContractFormat.SEED, odcs);
    }
    ObjectNode odcs = (ObjectNode) document;
    if (!odcs.hasNonNull("domain") && defaults.domain().isPresent()) {
      odcs.put("domain", defaults.domain().get());
    }
    return checked(ContractFormat.ODCS, odcs);
  }

  private Parsed checked(ContractFormat format, ObjectNode odcs) {
    List<Violation> violations = new ArrayList<>(validator.validate(odcs));
    if (!odcs.hasNonNull("domain")) {
      violations.add(new Violation("domain", "is required (in the document or as ?domain=)"));
    }
    if (!violations.isEmpty()) {
      throw ContractDocumentException.of(violations);
    }
    return new Parsed(format, odcs);
  }

  private static ContractIdentity seedIdentity(
      JsonNode seed, Defaults defaults, List<Violation> violations) {
    String domain = text(seed, "domain").or(defaults::domain).orElse(null);
    String name = text(seed, "name").or(defaults::name).orElse(null);
    String id =
        text(seed, "id")
            .or(defaults::id)
            .or(
                () ->
                    domain != null && name != null
                        ? Optional.of(domain + "." + name)
                        : Optional.empty())
            .orElse(null);
    if (id == null) {
      violations.add(
          new Violation(
              "id", "is required: give id (or name and domain) in the document or as ?id="));
    }
    if (domain == null) {
      violations.add(new Violation("domain", "is required (in the document or as ?domain=)"));
    }
    return new ContractIdentity(
        id,
        name == null ? (id == null ? "contract" : id) : name,
        text(seed, "version").or(defaults::version).orElse("1.0.0"),
        domain,
        text(seed, "status").or(defaults::status).orElse("draft"));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
