package io.meshwork.governance.directory;

import io.meshwork.clients.directory.DirectoryApi;
import io.meshwork.clients.directory.DirectoryGroup;
import io.meshwork.clients.directory.DirectoryUser;
import io.meshwork.governance.config.GovernanceConfig;
import io.meshwork.governance.rules.Evidence.OwnerLookup;
import io.meshwork.web.problem.Incidents;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Whether a product's owner is someone the platform knows: a Keycloak user (by e-mail or username)
 * or a group, i.e. a team (by name, or by its {@code email} attribute for a team's address such as
 * {@code data-team@company.com}). Answers are cached for a while (see {@code
 * quarkus.cache.caffeine.owners}); an unreachable directory is said so, not cached.
 */
@ApplicationScoped
public class OwnerDirectory {

  private static final Logger LOG = Logger.getLogger(OwnerDirectory.class);

  private final DirectoryApi directory;
  private final String realm;

  public OwnerDirectory(@RestClient DirectoryApi directory, GovernanceConfig config) {
    this.directory = directory;
    this.realm = config.directory().realm();
  }

  @CacheResult(cacheName = "owners")
  public OwnerLookup lookup(String owner) {
    try {
      return owner.contains("@") ? byEmail(owner) : byName(owner);
    } catch (RuntimeException e) {
      Incidents.record(LOG, "The directory could not be asked about an owner", e);
      throw new DirectoryUnavailableException();
    }
  }

  private OwnerLookup byEmail(String email) {
    List<DirectoryUser> users = directory.usersByEmail(realm, email, true);
    if (!users.isEmpty()) {
      return found("Keycloak user " + users.get(0).username() + " <" + email + ">");
    }
    for (DirectoryGroup group : directory.groupsByAttribute(realm, "email:" + email, false)) {
      if (group.attributes().getOrDefault("email", List.of()).contains(email)) {
        return found("Keycloak group " + group.path() + " <" + email + ">");
      }
    }
    return new OwnerLookup(true, false, "no Keycloak user or group has the e-mail " + email);
  }

  private OwnerLookup byName(String name) {
    List<DirectoryUser> users = directory.usersByUsername(realm, name, true);
    if (!users.isEmpty()) {
      return found("Keycloak user " + users.get(0).username());
    }
    for (DirectoryGroup group : directory.groupsByName(realm, name, true, true)) {
      if (name.equals(group.name())) {
        return found("Keycloak group " + group.path());
      }
    }
    return new OwnerLookup(true, false, "no Keycloak user or group is named " + name);
  }

  private static OwnerLookup found(String detail) {
    return new OwnerLookup(true, true, detail);
  }

  /** Thrown (so the cache keeps nothing) when the directory did not answer. */
  public static class DirectoryUnavailableException extends RuntimeException {
    DirectoryUnavailableException() {
      super("directory unavailable", null, false, false);
    }
  }
}
