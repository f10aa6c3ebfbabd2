package io.meshwork.contracts.registry;

import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subjects belong to a data domain; only owners of that domain (or platform admins) change them.
 * The domain is set when the subject is first registered and never moves. A new subject's domain
 * is, in this order (docs/schema-registry.md):
 *
 * <ol>
 *   <li>the {@code domain} query parameter;
 *   <li>the longest prefix of its topic or record name in {@code
 *       meshwork.contracts.subjects.domain-prefixes} ({@code com.acme.orders -> sales});
 *   <li>the first dot segment of its topic (or record) name, when that is a data domain the
 *       registry knows: one of the caller's, one that owns subjects already, or one in {@code
 *       meshwork.contracts.subjects.domains};
 *   <li>the caller's only domain.
 * </ol>
 *
 * Otherwise the register is refused, asking for {@code ?domain=}.
 */
@ApplicationScoped
public class SubjectAccess {

  private static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

  private final ContractsConfig.Subjects config;
  private final EntityManager entityManager;

  public SubjectAccess(ContractsConfig config, EntityManager entityManager) {
    this.config = config.subjects();
    this.entityManager = entityManager;
  }

  public String domainForNewSubject(String subject, Optional<String> requested, Caller caller) {
    if (requested.isPresent()) {
      String domain = requested.get().toLowerCase(Locale.ROOT);
      if (!DOMAIN.matcher(domain).matches()) {
        throw RegistryException.invalidSubject("Invalid domain '" + requested.get() + "'");
      }
      requireMayChange(domain, subject, caller);
      return domain;
    }
    SubjectNames names = SubjectNames.of(subject);
    Optional<String> mapped = mappedDomain(names, config.domainPrefixes());
    if (mapped.isPresent()) {
      requireMayChange(mapped.get(), subject, caller);
      return mapped.get();
    }
    String segment = names.firstSegment();
    if (segment != null) {
      String prefix = segment.toLowerCase(Locale.ROOT);
      if (DOMAIN.matcher(prefix).matches() && knownDomains(caller).contains(prefix)) {
        requireMayChange(prefix, subject, caller);
        return prefix;
      }
    }
    Set<String> owned = caller.domains();
    if (owned.size() == 1 && caller.mayChange(owned.iterator().next())) {
      return owned.iterator().next();
    }
    if (!caller.hasRole(Roles.DOMAIN_OWNER) && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
      throw RegistryException.forbidden(
          "User "
              + caller.name()
              + " may not register schemas: needs role domain-owner or platform-admin");
    }
    throw RegistryException.invalidSubject(
        "Cannot tell which data domain subject '"
            + subject
            + "' belongs to: pass ?domain=<domain> (your domains: "
            + owned
            + "), name its topic '<domain>.<topic>', or map its prefix in"
            + " meshwork.contracts.subjects.domain-prefixes");
  }

  /** The domain of the longest configured prefix of the subject's topic or record name. */
  static Optional<String> mappedDomain(SubjectNames names, Map<String, String> prefixes) {
    return prefixes.entrySet().stream()
        .filter(entry -> names.parts().stream().anyMatch(part -> startsWith(part, entry.getKey())))
        .max(Comparator.comparingInt(entry -> entry.getKey().length()))
        .map(entry -> entry.getValue().toLowerCase(Locale.ROOT));
  }

  /** {@code com.acme.orders} is a prefix of {@code com.acme.orders.OrderPlaced}, not of ordersX. */
  private static boolean startsWith(String name, String prefix) {
    return name.equals(prefix)
        || (name.startsWith(prefix)
            && (prefix.endsWith(".") || name.charAt(prefix.length()) == '.'));
  }

  private Set<String> knownDomains(Caller caller) {
    Set<String> known = new HashSet<>(caller.domains());
    config.domains().ifPresent(known::addAll);
    known.addAll(
        entityManager
            .createQuery("select distinct s.domain from Subject s", String.class)
            .getResultList());
    return known;
  }

  public void requireMayChange(Subject subject, Caller caller) {
    requireMayChange(subject.domain, subject.name, caller);
  }

  private void requireMayChange(String domain, String subject, Caller caller) {
    if (!caller.mayChange(domain)) {
      throw RegistryException.forbidden(
          "User "
              + caller.name()
              + " may not change subject '"
              + subject
              + "' of domain '"
              + domain
              + "': needs platform-admin, or domain-owner of '"
              + domain
              + "'");
    }
  }

  public void requirePlatformAdmin(Caller caller, String what) {
    if (!caller.hasRole(Roles.PLATFORM_ADMIN)) {
      throw RegistryException.forbidden("Only a platform-admin may " + what);
    }
  }
}
