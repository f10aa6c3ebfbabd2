package io.meshwork.contracts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.ContractResponses.AgreementResponse;
import io.meshwork.contracts.contract.ContractResponses.AuditEntry;
import io.meshwork.contracts.contract.ContractResponses.ContractDetail;
import io.meshwork.contracts.contract.ContractResponses.ContractSummary;
import io.meshwork.contracts.contract.ContractResponses.CreatedVersion;
import io.meshwork.contracts.contract.ContractResponses.Diff;
import io.meshwork.contracts.contract.ContractResponses.VersionSummary;
import io.meshwork.contracts.contract.diff.Severity;
import io.meshwork.contracts.contract.document.ContractDocuments;
import io.meshwork.contracts.contract.document.ContractFormat;
import io.meshwork.contracts.contract.document.ContractReader;
import io.meshwork.contracts.contract.document.SeedContracts;
import io.meshwork.contracts.contract.quality.QualityGate;
import io.meshwork.contracts.contract.quality.RecordStream;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Data contracts: versions in ODCS v3.1 or the seed's JSON, lifecycle, diffs, agreements, quality
 * gate.
 */
@Path("/api/v1/contracts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

  private static final Logger LOG = Logger.getLogger(ContractResource.class);
  static final String YAML = "application/yaml";

  private final ContractService contracts;
  private final ContractReader reader;
  private final AgreementService agreements;
  private final QualityGates gates;
  private final ContractsConfig config;
  private final ObjectMapper mapper;
  private final Caller caller;

  public ContractResource(
      ContractService contracts,
      ContractReader reader,
      AgreementService agreements,
      QualityGates gates,
      ContractsConfig config,
      ObjectMapper mapper,
      Caller caller) {
    this.contracts = contracts;
    this.reader = reader;
    this.agreements = agreements;
    this.gates = gates;
    this.config = config;
    this.mapper = mapper;
    this.caller = caller;
  }

  @POST
  @Consumes({
    YAML,
    "application/x-yaml",
    "text/yaml",
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN
  })
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Store a contract version: ODCS v3.1 (YAML/JSON) or the seed's JSON. Breaking changes need a"
              + " major version bump; 201 lists the changes against the previous version")
  public Response create(
      String body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @QueryParam("id") String id,
      @QueryParam("name") String name,
      @QueryParam("version") String version,
      @QueryParam("domain") String domain,
      @QueryParam("status") String status) {
    Optional<String> callerDomain =
        caller.domains().size() == 1 ? caller.domains().stream().findFirst() : Optional.empty();
    ContractReader.Parsed parsed =
        reader.read(
            body,
            isYaml(contentType),
            new ContractReader.Defaults(
                Optional.ofNullable(id),
                Optional.ofNullable(name),
                Optional.ofNullable(version),
                Optional.ofNullable(domain).or(() -> callerDomain),
                Optional.ofNullable(status)));
    ContractService.Created created = contracts.create(parsed, body, caller);
    if ("active".equals(created.version().status)) {
      LOG.infof(
          "AUDIT %s created contract %s %s as active",
          caller.name(), parsed.id(), parsed.version());
    }
    return Response.created(
            UriBuilder.fromPath("/api/v1/contracts/{id}/versions/{version}")
                .build(parsed.id(), parsed.version()))
        .entity(
            new CreatedVersion(
                parsed.id(),
                parsed.domain(),
                parsed.version(),
                created.version().status,
                created.version().sourceFormat,
                created.changes()))
        .build();
  }

  @GET
  @Operation(summary = "Contracts, optionally of one domain, with their latest version")
  public List<ContractSummary> list(@QueryParam("domain") String domain) {
    List<DataContract> found =
        domain == null ? DataContract.listAll() : DataContract.list("domain", domain);
    return found.stream()
        .sorted(Comparator.comparing(c -> c.id))
        .map(
            c -> {
              Optional<ContractVersion> latest = contracts.latest(c.id);
              return new ContractSummary(
                  c.id,
                  c.domain,
                  c.name,
                  latest.map(v -> v.version).orElse(null),
                  latest.map(v -> v.status).orElse(null));
            })
        .toList();
  }

  @GET
  @Path("/{id}")
  public ContractDetail get(@PathParam("id") String id) {
    DataContract contract = contracts.contract(id);
    return new ContractDetail(
        contract.id,
        contract.domain,
        contract.name,
        contracts.versions(id).stream().map(VersionSummary::of).toList(),
        ConsumerAgreement.count("contractId = ?1 and status = ?2", id, ConsumerAgreement.ACTIVE));
  }

  @GET
  @Path("/{id}/versions/{version}")
  @Produces({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary =
          "A version as ODCS (JSON, or YAML with Accept: application/yaml) or, with format=seed, the seed's JSON")
  public Response version(
      @PathParam("id") String id,
      @PathParam("version") String version,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    ContractVersion stored = contracts.version(id, version);
    JsonNode odcs = ContractDocuments.readCanonical(stored.document);
    ContractFormat wanted = ContractFormat.parse(format).orElse(ContractFormat.ODCS);
    if (wanted == ContractFormat.SEED) {
      return Response.ok(
              ContractDocuments.toPrettyJson(SeedContracts.fromOdcs(odcs)),
              MediaType.APPLICATION_JSON)
          .build();
    }
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml")) {
      return Response.ok(ContractDocuments.toYaml(odcs), YAML).build();
    }
    return Response.ok(ContractDocuments.toPrettyJson(odcs), MediaType.APPLICATION_JSON).build();
  }

  @POST
  @Path("/{id}/versions/{version}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DOMAIN_OWNER, Roles.PLATFORM_ADMIN})
  @Operation(
      summary =
          "Move a version through draft -> proposed -> active -> deprecated -> retired (audited);"
              + " deprecating a pinned major needs sunsetAt and tells its consumers")
  public VersionSummary transition(
      @PathParam("id") String id,
      @PathParam("version") String version,
      @NotNull(message = "a JSON body is required") @Valid ContractRequests.StatusChange change) {
    ContractVersion moved = contracts.transition(id, version, change, caller);
    LOG.infof("AUDIT %s moved contract %s %s to %s", caller.name(), id, version, change.status());
    return VersionSummary.of(moved);
  }

  @GET
  @Path("/{id}/diff")
  @Operation(summary = "Changes between two versions, each with severity BREAKING, WARNING or INFO")
  public Diff diff(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    List<ContractVersion> versions = contracts.versions(id);
    String before =
        from != null
            ? from
            : versions.size() > 1 ? versions.get(versions.size() - 2).version : null;
    String after =
        to != null ? to : versions.isEmpty() ? null : versions.get(versions.size() - 1).version;
    if (before == null || after == null) {
      throw InvalidRequestException.ofField(
          "contracts.contract.nothing-to-compare",
          "from",
          "give from and to, or have two versions");
    }
    var changes = contracts.diff(id, before, after);
    return new Diff(
        id,
        before,
        after,
        changes.stream().anyMatch(c -> c.severity() == Severity.BREAKING),
        changes);
  }

  @GET
  @Path("/{id}/audit")
  public List<AuditEntry> audit(@PathParam("id") String id) {
    return contracts.audit(id).stream().map(AuditEntry::of).toList();
  }

  @POST
  @Path("/{id}/agreements")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.PLATFORM_SERVICE
  })
  @Operation(
      summary =
          "A consumer pins a major version; breaking changes to it are refused while it is active")
  public Response sign(@PathParam("id") String id, @Valid ContractRequests.SignAgreement request) {
    ContractRequests.SignAgreement body =
        request == null ? new ContractRequests.SignAgreement(null, null, null) : request;
    ConsumerAgreement agreement =
        agreements.sign(id, body.major(), body.consumerDomain(), body.purpose(), caller);
    return Response.created(
            UriBuilder.fromPath("/api/v1/contracts/{id}/agreements/{a}").build(id, agreement.id))
        .entity(AgreementResponse.of(agreement))
        .build();
  }

  @GET
  @Path("/{id}/agreements")
  public List<AgreementResponse> agreements(@PathParam("id") String id) {
    return agreements.list(id).stream().map(AgreementResponse::of).toList();
  }

  @DELETE
  @Path("/{id}/agreements/{agreement}")
  @RolesAllowed({
    Roles.DATA_CONSUMER,
    Roles.DOMAIN_OWNER,
    Roles.PLATFORM_ADMIN,
    Roles.PLATFORM_SERVICE
  })
  public AgreementResponse endAgreement(
      @PathParam("id") String id, @PathParam("agreement") UUID agreement) {
    AgreementResponse ended = AgreementResponse.of(agreements.end(id, agreement, caller));
    LOG.infof("AUDIT %s ended agreement %s on contract %s", caller.name(), agreement, id);
    return ended;
  }

  @POST
  @Path("/{id}/validate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Quality gate: check a batch of JSON records (an array, or {\"records\": [...]}) against"
              + " the contract's types, required, min/max, pattern and allowed values")
  public QualityGate.Outcome validate(
      @PathParam("id") String id,
      @QueryParam("version") String version,
      @QueryParam("object") String object,
      InputStream body)
      throws IOException {
    QualityGate gate = gates.of(contracts.version(id, version), object);
    return RecordStream.validate(
        gate, body, mapper, config.quality().maxRecords(), config.quality().maxErrors());
  }

  private static boolean isYaml(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml");
  }
}
