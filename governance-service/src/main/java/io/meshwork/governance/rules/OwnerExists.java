package io.meshwork.governance.rules;

import java.util.Set;

/**
 * {@code owner_exists}: the product's owner is someone the platform knows, a Keycloak user (by
 * e-mail or username) or group (a team, by name or its {@code email} attribute).
 */
public final class OwnerExists implements RuleKind {

  public static final String NAME = "owner_exists";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Rule compile(RuleParams params) {
    params.refuseUnknown(NAME);
    return new Compiled();
  }

  record Compiled() implements Rule {

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public Needs needs() {
      return new Needs(Set.of(), true);
    }

    @Override
    public Check check(ProductDescriptor product, Evidence evidence) {
      Evidence.OwnerLookup lookup = evidence.owner();
      if (product.owner() == null) {
        return Check.unmet("the product names no owner", "Set product.owner.");
      }
      if (lookup == null || !lookup.reachable()) {
        return Check.unmet(
            "the directory could not be asked about " + product.owner(),
            "Nothing to change in the product: evaluate again when the directory is back.");
      }
      if (lookup.found()) {
        return Check.met(lookup.detail());
      }
      return Check.unmet(
          product.owner() + " is no Keycloak user or group",
          "Make product.owner a person's e-mail or username, or a team (group) that exists in"
              + " Keycloak.");
    }
  }
}
