package io.meshwork.governance.evaluation;

import io.meshwork.governance.policy.PolicyDocument;
import io.meshwork.governance.policy.PolicyReader;
import io.meshwork.governance.policy.PolicySet;
import io.meshwork.governance.policy.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policies in force for a domain: every global document's current version and the domain's own.
 * A version is read and compiled once (versions never change) and kept by document@version.
 */
@ApplicationScoped
public class ActivePolicies {

  private final PolicyReader reader;
  private final Map<String, PolicySet> compiled = new ConcurrentHashMap<>();

  public ActivePolicies(PolicyReader reader) {
    this.reader = reader;
  }

  public List<ActivePolicy> forDomain(String domain) {
    List<PolicyDocument> documents =
        PolicyDocument.list("domain is null or domain = ?1 order by name", domain);
    List<ActivePolicy> active = new ArrayList<>();
    for (PolicyDocument document : documents) {
      PolicySet set =
          compiled.computeIfAbsent(
              document.name + "@" + document.currentVersion,
              key -> reader.read(hcl(document.name, document.currentVersion)));
      set.policies()
          .forEach(
              policy ->
                  active.add(
                      new ActivePolicy(
                          document.name, document.currentVersion, document.domain, policy)));
    }
    return active;
  }

  private static String hcl(String document, int version) {
    PolicyVersion stored = PolicyVersion.findById(new PolicyVersion.Key(document, version));
    return stored.hcl;
  }
}
