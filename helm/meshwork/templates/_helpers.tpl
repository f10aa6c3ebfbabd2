{{/*
Names, labels and the facts of the five services. Every per-service template ranges over
"meshwork.serviceKeys" and reads the facts below and the merged values of "meshwork.serviceValues".
*/}}

{{- define "meshwork.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "meshwork.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "meshwork.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The values keys of the services, in the order of their ports (8081 to 8085). */}}
{{- define "meshwork.serviceKeys" -}}
{{- list "catalog" "provisioning" "lineage" "governance" "contractRegistry" | toJson -}}
{{- end -}}

{{/*
What the chart knows about each service (not configurable): its module name, HTTP port, the
services whose API it calls, and which optional settings it reads.
*/}}
{{- define "meshwork.facts" -}}
catalog:
  name: catalog-service
  port: 8081
  calls: []
provisioning:
  name: provisioning-service
  port: 8082
  calls: [contractRegistry]
  clientSecret: provisioning
  s3: true
  warehouse: provisioning
lineage:
  name: lineage-service
  port: 8083
  calls: []
governance:
  name: governance-service
  port: 8084
  calls: []
  clientSecret: governance
  keycloakAdminApi: true
  warehouse: governance
contractRegistry:
  name: contract-registry
  port: 8085
  calls: []
  warehouse: contracts
{{- end -}}

{{/* dict "root" $ "key" "catalog" -> the facts of one service */}}
{{- define "meshwork.fact" -}}
{{- index (include "meshwork.facts" .root | fromYaml) .key | toJson -}}
{{- end -}}

{{/* Writes src into dst: maps are merged key by key, anything else replaces. */}}
{{- define "meshwork.merge" -}}
{{- $dst := .dst -}}
{{- range $k, $v := .src -}}
{{- if and (kindIs "map" $v) (kindIs "map" (index $dst $k)) -}}
{{- include "meshwork.merge" (dict "dst" (index $dst $k) "src" $v) -}}
{{- else -}}
{{- $_ := set $dst $k (deepCopy $v) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* dict "root" $ "key" "catalog" -> serviceDefaults with services.<key> merged in */}}
{{- define "meshwork.serviceValues" -}}
{{- $merged := deepCopy .root.Values.serviceDefaults -}}
{{- include "meshwork.merge" (dict "dst" $merged "src" (index .root.Values.services .key | default dict)) -}}
{{- toJson $merged -}}
{{- end -}}

{{/* dict "root" $ "key" "catalog" -> resource name of a service */}}
{{- define "meshwork.serviceName" -}}
{{- $fact := include "meshwork.fact" . | fromJson -}}
{{- printf "%s-%s" (include "meshwork.fullname" .root | trunc 45 | trimSuffix "-") $fact.name -}}
{{- end -}}

{{- define "meshwork.labels" -}}
helm.sh/chart: {{ include "meshwork.chart" . }}
app.kubernetes.io/name: {{ include "meshwork.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: meshwork
{{- end -}}

{{/* dict "root" $ "component" "catalog-service" */}}
{{- define "meshwork.selectorLabels" -}}
app.kubernetes.io/name: {{ include "meshwork.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "meshwork.componentLabels" -}}
{{ include "meshwork.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "meshwork.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* Pod and container security contexts shared by the services and the realm import. */}}
{{- define "meshwork.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "meshwork.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "meshwork.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "meshwork.fullname" .)) -}}
{{- end -}}

{{/* The Secret and key of one secret: dict "root" $ "what" <key in the chart's Secret> */}}
{{- define "meshwork.secretRef" -}}
{{- $v := .root.Values -}}
{{- if and (eq .what "postgres-password") $v.postgresql.existingSecret -}}
name: {{ $v.postgresql.existingSecret }}
key: {{ $v.postgresql.existingSecretPasswordKey }}
{{- else if and (eq .what "keycloak-admin-password") $v.keycloak.admin.existingSecret -}}
name: {{ $v.keycloak.admin.existingSecret }}
key: {{ $v.keycloak.admin.existingSecretPasswordKey }}
{{- else -}}
name: {{ include "meshwork.secretName" .root }}
key: {{ .what }}
{{- end -}}
{{- end -}}

{{- define "meshwork.jdbcUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- printf "jdbc:postgresql://%s:%d/%s" $pg.host (int $pg.port) $pg.database -}}
{{- if $pg.parameters }}?{{ $pg.parameters }}{{ end -}}
{{- end -}}

{{- define "meshwork.realmUrl" -}}
{{- printf "%s/realms/%s" .Values.keycloak.url .Values.keycloak.realm -}}
{{- end -}}
