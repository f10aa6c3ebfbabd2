#!/bin/bash
# Imports the meshwork realm through Keycloak's admin API: creates it on the first install; on
# upgrades adds what is missing (IF_RESOURCE_EXISTS=SKIP) or replaces it (OVERWRITE).
# Keycloak resolves the realm file's ${MESHWORK_*} placeholders only for imports at its own start,
# so this script fills them in from the environment (the chart's Secret) first.
set -euo pipefail
KCADM=${KCADM:-/opt/keycloak/bin/kcadm.sh}
REALM_FILE=${REALM_FILE:-/opt/meshwork/meshwork-realm.json}
KCADM_CONFIG=${KCADM_CONFIG:-/tmp/kcadm.config}

realm=$(<"$REALM_FILE")
for name in "${!MESHWORK_@}"; do
  value=${!name}
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  realm=${realm//"\${$name}"/"$value"}
done
if [[ $realm == *'${MESHWORK_'* ]]; then
  echo "realm import: a \${MESHWORK_...} placeholder of the realm file has no value" >&2
  exit 1
fi

kc() { "$KCADM" "$@" --config "$KCADM_CONFIG"; }

kc config credentials --server "$KEYCLOAK_URL" --realm master \
  --user "$KEYCLOAK_ADMIN" --password "$KEYCLOAK_ADMIN_PASSWORD"
realms=$(kc get realms --fields realm)
if [[ $realms == *"\"$KEYCLOAK_REALM\""* ]]; then
  echo "realm import: $KEYCLOAK_REALM exists; partial import, existing resources: $IF_RESOURCE_EXISTS"
  printf '%s' "$realm" |
    kc create partialImport -r "$KEYCLOAK_REALM" -s "ifResourceExists=$IF_RESOURCE_EXISTS" -o -f -
else
  echo "realm import: creating $KEYCLOAK_REALM"
  printf '%s' "$realm" | kc create realms -f -
fi
echo "realm import: done"
