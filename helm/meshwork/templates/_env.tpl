{{/*
The environment of each service: only variables the services read (their application.properties,
the platform modules' microprofile-config.properties and @ConfigMapping interfaces; the deploy-tests
module fails when a name here maps to no property of the service).
*/}}

{{/* dict "root" $ "key" "catalog" -> map of the non-secret variables (the service's ConfigMap) */}}
{{- define "meshwork.config" -}}
{{- $v := .root.Values -}}
{{- $fact := include "meshwork.fact" . | fromJson -}}
{{- $env := dict -}}
{{- $_ := set $env "QUARKUS_HTTP_PORT" (toString $fact.port) -}}
{{- $_ = set $env "QUARKUS_DATASOURCE_JDBC_URL" (include "meshwork.jdbcUrl" .root) -}}
{{- $_ = set $env "QUARKUS_DATASOURCE_USERNAME" $v.postgresql.username -}}
{{- $_ = set $env "KAFKA_BOOTSTRAP_SERVERS" $v.kafka.bootstrapServers -}}
{{- if $v.kafka.topicPrefix -}}
{{- $_ = set $env "MESHWORK_KAFKA_TOPIC_PREFIX" $v.kafka.topicPrefix -}}
{{- end -}}
{{- $_ = set $env "MESHWORK_KAFKA_PARTITIONS" (toString $v.kafka.topics.partitions) -}}
{{- $_ = set $env "MESHWORK_KAFKA_REPLICATION_FACTOR" (toString $v.kafka.topics.replicationFactor) -}}
{{- $_ = set $env "QUARKUS_OIDC_AUTH_SERVER_URL" (include "meshwork.realmUrl" .root) -}}
{{- $_ = set $env "MESHWORK_JSON_LOGS" (toString $v.logging.json) -}}
{{- $warehouseUser := $v.warehouse.username | default $v.postgresql.username -}}
{{- if eq .key "provisioning" -}}
{{- $_ = set $env "MESHWORK_PROVISIONING_SCHEMA_REGISTRY_URL" (printf "http://%s:8085" (include "meshwork.serviceName" (dict "root" .root "key" "contractRegistry"))) -}}
{{- $_ = set $env "MESHWORK_PROVISIONING_KAFKA_REPLICATION_FACTOR" (toString $v.kafka.topics.replicationFactor) -}}
{{- $_ = set $env "MESHWORK_PROVISIONING_POSTGRES_USERNAME" $warehouseUser -}}
{{- with $v.warehouse.jdbcUrl -}}
{{- $_ = set $env "MESHWORK_PROVISIONING_POSTGRES_SERVER_URL" . -}}
{{- end -}}
{{- with $v.s3.endpoint -}}
{{- $_ = set $env "MESHWORK_S3_ENDPOINT" . -}}
{{- end -}}
{{- $_ = set $env "MESHWORK_S3_REGION" $v.s3.region -}}
{{- $_ = set $env "MESHWORK_S3_PATH_STYLE" (toString $v.s3.pathStyle) -}}
{{- else if eq .key "governance" -}}
{{- $_ = set $env "MESHWORK_KEYCLOAK_URL" $v.keycloak.url -}}
{{- $_ = set $env "MESHWORK_GOVERNANCE_DIRECTORY_REALM" $v.keycloak.realm -}}
{{- $_ = set $env "MESHWORK_GOVERNANCE_WAREHOUSE_USERNAME" $warehouseUser -}}
{{- with $v.warehouse.jdbcUrl -}}
{{- $_ = set $env "MESHWORK_GOVERNANCE_WAREHOUSE_SERVER_URL" . -}}
{{- end -}}
{{- else if eq .key "contractRegistry" -}}
{{- $_ = set $env "MESHWORK_CONTRACTS_QUALITY_USERNAME" $warehouseUser -}}
{{- $_ = set $env "MESHWORK_CONTRACTS_QUALITY_ALLOWED_HOSTS" (prepend $v.warehouse.allowedHosts $v.postgresql.host | uniq | join ",") -}}
{{- with $v.warehouse.jdbcUrl -}}
{{- $_ = set $env "MESHWORK_CONTRACTS_OBSERVABILITY_SERVER_URL" . -}}
{{- end -}}
{{- else if eq .key "lineage" -}}
{{- $_ = set $env "MESHWORK_LINEAGE_STORAGE_POSTGRES_NAMESPACE" (printf "postgres://%s:%d" $v.postgresql.host (int $v.postgresql.port)) -}}
{{- $_ = set $env "MESHWORK_LINEAGE_STORAGE_KAFKA_NAMESPACE" (printf "kafka://%s" $v.kafka.bootstrapServers) -}}
{{- with $v.lineage.intakeApiKeys -}}
{{- $_ = set $env "MESHWORK_LINEAGE_INTAKE_API_KEYS" (join "," .) -}}
{{- end -}}
{{- end -}}
{{- toJson $env -}}
{{- end -}}

{{/* One env entry from a secret: dict "root" $ "name" ENV "what" key ["optional" true] */}}
{{- define "meshwork.secretEnvVar" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      {{- include "meshwork.secretRef" . | nindent 6 }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* dict "root" $ "key" "catalog" -> env entries of the service's secrets */}}
{{- define "meshwork.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $fact := include "meshwork.fact" . | fromJson -}}
{{- include "meshwork.secretEnvVar" (dict "root" .root "name" "QUARKUS_DATASOURCE_PASSWORD" "what" "postgres-password") }}
{{- with $fact.clientSecret }}
{{ include "meshwork.secretEnvVar" (dict "root" $.root "name" (printf "MESHWORK_CLIENT_SECRET_%s" (upper .)) "what" (printf "client-secret-%s" .)) }}
{{- end }}
{{- with $fact.warehouse }}
{{- $warehouseKey := ternary "warehouse-password" "postgres-password" (ne $v.warehouse.username "") }}
{{- $passwordEnv := dict "provisioning" "MESHWORK_PROVISIONING_POSTGRES_PASSWORD" "governance" "MESHWORK_GOVERNANCE_WAREHOUSE_PASSWORD" "contracts" "MESHWORK_CONTRACTS_QUALITY_PASSWORD" }}
{{ include "meshwork.secretEnvVar" (dict "root" $.root "name" (index $passwordEnv .) "what" $warehouseKey) }}
{{- end }}
{{- if and $fact.s3 (or $v.secrets.existingSecret $v.secrets.s3AccessKey) }}
{{ include "meshwork.secretEnvVar" (dict "root" .root "name" "MESHWORK_S3_ACCESS_KEY" "what" "s3-access-key" "optional" true) }}
{{ include "meshwork.secretEnvVar" (dict "root" .root "name" "MESHWORK_S3_SECRET_KEY" "what" "s3-secret-key" "optional" true) }}
{{- end }}
{{- end -}}
