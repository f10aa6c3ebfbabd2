package io.meshwork.web.security;

/** Realm roles of the meshwork realm (deploy/keycloak/meshwork-realm.json). */
public final class Roles {

  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String GOVERNANCE_BOARD = "governance-board";
  public static final String DOMAIN_OWNER = "domain-owner";
  public static final String DATA_CONSUMER = "data-consumer";
  public static final String PLATFORM_SERVICE = "platform-service";

  private Roles() {}
}
