package io.meshwork.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: name, realm roles and the data domains they own (the {@code domains} claim, from
 * the multivalued Keycloak user attribute of the same name).
 */
@RequestScoped
public class Caller {

  public static final String DOMAINS_CLAIM = "domains";

  private final SecurityIdentity identity;

  public Caller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public Set<String> roles() {
    return new TreeSet<>(identity.getRoles());
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  public Set<String> domains() {
    Set<String> domains = new TreeSet<>();
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      Object claim = token.getClaim(DOMAINS_CLAIM);
      if (claim instanceof JsonArray array) {
        array.getValuesAs(JsonString.class).forEach(value -> domains.add(value.getString()));
      } else if (claim instanceof Collection<?> values) {
        values.forEach(value -> domains.add(String.valueOf(value)));
      } else if (claim instanceof JsonString value) {
        domains.add(value.getString());
      } else if (claim instanceof String value) {
        domains.add(value);
      }
    }
    return domains;
  }

  /** A platform admin acts everywhere; a domain owner only in the domains of their token. */
  public boolean mayChange(String domain) {
    return hasRole(Roles.PLATFORM_ADMIN)
        || (hasRole(Roles.DOMAIN_OWNER) && domains().contains(domain));
  }

  public void requireMayChange(String domain) {
    if (!mayChange(domain)) {
      throw new DomainAccessDeniedException(
          name()
              + " may not change domain '"
              + domain
              + "': needs role "
              + Roles.PLATFORM_ADMIN
              + ", or "
              + Roles.DOMAIN_OWNER
              + " with '"
              + domain
              + "' in the domains claim");
    }
  }
}
