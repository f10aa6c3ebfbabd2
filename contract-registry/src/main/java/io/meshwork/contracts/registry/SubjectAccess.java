package io.meshwork.contracts.registry;

import io.meshwork.web.security.Caller;
import io.meshwork.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subjects belong to a data domain; only owners of that domain (or platform admins) change them. A
 * new subject's domain is, in this order: the {@code domain} query parameter; the subject's first
 * name segment ({@code marketing.customer-value} -> marketing) when the caller owns it; the
 * caller's only domain.
 */
@ApplicationScoped
public class SubjectAccess {

  private static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

  public String domainForNewSubject(String subject, Optional<String> requested, Caller caller) {
    if (requested.isPresent()) {
      String domain = requested.get().toLowerCase(Locale.ROOT);
      if (!DOMAIN.matcher(domain).matches()) {
        throw RegistryException.invalidSubject("Invalid domain '" + requested.get() + "'");
      }
      requireMayChange(domain, subject, caller);
      return domain;
    }
    int dot = subject.indexOf('.');
    if (dot > 0) {
      String prefix = subject.substring(0, dot).toLowerCase(Locale.ROOT);
      if (DOMAIN.matcher(prefix).matches()) {
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
            + "' belongs to: name it '<domain>."
            + subject
            + "' or pass ?domain=<domain> (your domains: "
            + owned
            + ")");
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
