{{/*
Names, labels and small lookups shared by every template. Conventions follow `helm create` and the
common Bitnami charts: <release>-<chart> as the full name (or the release name alone when it already
contains the chart name), app.kubernetes.io/* labels, `existingSecret` wins over inline values.
*/}}

{{- define "sgec.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name, truncated so that "<fullname>-import-<supplier>" style names still fit: Kubernetes names
are at most 63 characters and CronJob names at most 52.
*/}}
{{- define "sgec.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 30 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 30 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 30 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "sgec.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object; call with (dict "root" $ "component" "auth"). */}}
{{- define "sgec.labels" -}}
helm.sh/chart: {{ include "sgec.chart" .root }}
{{ include "sgec.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: system-gear-ec
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The labels a Service, PDB, HPA or NetworkPolicy selects pods by; immutable in a Deployment. */}}
{{- define "sgec.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sgec.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{- define "sgec.annotations" -}}
{{- with .Values.commonAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* "<fullname>-<component>": the name of a component's Deployment, Service, ConfigMap, ... */}}
{{- define "sgec.componentName" -}}
{{- printf "%s-%s" (include "sgec.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "sgec.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sgec.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
A service's settings: serviceDefaults overlaid with services.<short>. Returned as YAML; callers use
`include ... | fromYaml`. Call with (dict "root" $ "short" "import").
*/}}
{{- define "sgec.serviceValues" -}}
{{- include "sgec.merge" (dict "base" .root.Values.serviceDefaults "over" (index .root.Values.services .short)) }}
{{- end }}

{{/*
Deep merge of two maps, `over` winning, as YAML. Sprig's mergeOverwrite is not used on purpose: it
skips "empty" values, so a service's `autoscaling.enabled: false` would lose to the default `true`.
*/}}
{{- define "sgec.merge" -}}
{{- $out := deepCopy .base }}
{{- range $k, $v := .over }}
{{- if and (kindIs "map" $v) (kindIs "map" (index $out $k)) }}
{{- $_ := set $out $k (include "sgec.merge" (dict "base" (index $out $k) "over" $v) | fromYaml) }}
{{- else }}
{{- $_ := set $out $k $v }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* Services that read REDIS_URL (the others have no Redis client). */}}
{{- define "sgec.redisClients" -}}
auth catalog
{{- end }}

{{/* In-cluster base URL of a service's public port: (dict "root" $ "short" "auth"). */}}
{{- define "sgec.serviceUrl" -}}
{{- $svc := index .root.Values.services .short }}
{{- printf "http://%s:%v" (include "sgec.componentName" (dict "root" .root "component" .short)) $svc.port }}
{{- end }}

{{/* Image reference of a service or the web app: (dict "root" $ "name" "auth-service" "tag" ""). */}}
{{- define "sgec.image" -}}
{{- $img := .root.Values.image }}
{{- $tag := default (default .root.Chart.AppVersion $img.tag) .tag }}
{{- if and (eq $img.variant "native") (ne .name "web") }}
{{- $tag = printf "%s-native" $tag }}
{{- end }}
{{- $repo := printf "%s/%s" $img.repositoryPrefix .name }}
{{- if $img.registry }}
{{- printf "%s/%s:%s" $img.registry $repo $tag }}
{{- else }}
{{- printf "%s:%s" $repo $tag }}
{{- end }}
{{- end }}

{{/* A plain image reference from {registry, repository, tag}. */}}
{{- define "sgec.plainImage" -}}
{{- if .registry }}
{{- printf "%s/%s:%s" .registry .repository .tag }}
{{- else }}
{{- printf "%s:%s" .repository .tag }}
{{- end }}
{{- end }}

{{- define "sgec.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end }}

{{/* Secret names: the existing one when given, otherwise the one this chart creates. */}}
{{- define "sgec.databaseSecretName" -}}
{{- default (printf "%s-database" (include "sgec.fullname" .)) .Values.database.existingSecret }}
{{- end }}

{{- define "sgec.jwtSecretName" -}}
{{- default (printf "%s-jwt" (include "sgec.fullname" .)) .Values.jwt.existingSecret }}
{{- end }}

{{- define "sgec.adminSecretName" -}}
{{- default (printf "%s-admin" (include "sgec.fullname" .)) .Values.admin.existingSecret }}
{{- end }}

{{- define "sgec.redisSecretName" -}}
{{- default (printf "%s-redis" (include "sgec.fullname" .)) .Values.redis.existingSecret }}
{{- end }}

{{- define "sgec.internalClientSecretName" -}}
{{- default (printf "%s-internal-client" (include "sgec.fullname" .)) .Values.internalClient.existingSecret }}
{{- end }}

{{- define "sgec.importClientSecretName" -}}
{{- default (printf "%s-import-client" (include "sgec.fullname" .)) .Values.importTriggers.client.existingSecret }}
{{- end }}

{{/* Whether the admin Secret exists at all (existing, or created from inline values). */}}
{{- define "sgec.adminConfigured" -}}
{{- if or .Values.admin.existingSecret (and .Values.admin.username .Values.admin.password) }}true{{- end }}
{{- end }}

{{- define "sgec.redisConfigured" -}}
{{- if or .Values.redis.existingSecret .Values.redis.url }}true{{- end }}
{{- end }}

{{/* The DB_* environment of a job or service that logs in as `user` with the secret key `key`. */}}
{{- define "sgec.pgEnv" -}}
- name: PGHOST
  value: {{ .root.Values.database.host | quote }}
- name: PGPORT
  value: {{ .root.Values.database.port | quote }}
- name: PGDATABASE
  value: {{ .root.Values.database.name | quote }}
- name: PGUSER
  value: {{ .user | quote }}
- name: PGPASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "sgec.databaseSecretName" .root }}
      key: {{ .key }}
{{- end }}

{{/* NetworkPolicy peers for a {namespaceSelector, podSelector, cidrs} block. */}}
{{- define "sgec.peers" -}}
{{- if or .namespaceSelector .podSelector }}
- {{- with .namespaceSelector }}
  namespaceSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .podSelector }}
  podSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- range .cidrs }}
- ipBlock:
    cidr: {{ . }}
{{- end }}
{{- if not (or .namespaceSelector .podSelector .cidrs) }}
{{- /* Nothing named: any pod in the cluster and any address, but still only on the rule's ports. */}}
- namespaceSelector: {}
- ipBlock:
    cidr: 0.0.0.0/0
{{- end }}
{{- end }}

{{/* Egress to DNS, which every pod that connects anywhere needs. */}}
{{- define "sgec.dnsEgress" -}}
- to:
    {{- include "sgec.peers" .Values.networkPolicy.dns | nindent 4 }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end }}

{{- define "sgec.databaseEgress" -}}
- to:
    {{- include "sgec.peers" .Values.networkPolicy.database | nindent 4 }}
  ports:
    - protocol: TCP
      port: {{ .Values.database.port }}
{{- end }}

{{/* Pods of this release with one of the given components: (dict "root" $ "components" (list ...)). */}}
{{- define "sgec.releasePods" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ include "sgec.name" .root }}
      app.kubernetes.io/instance: {{ .root.Release.Name }}
    matchExpressions:
      - key: app.kubernetes.io/component
        operator: In
        values:
          {{- toYaml .components | nindent 10 }}
{{- end }}

{{/* Kubernetes name suffix of a supplier: its `name`, else its code in DNS-label form. */}}
{{- define "sgec.supplierName" -}}
{{- default (.code | toString | lower | replace "_" "-" | replace "." "-") .name | trunc 20 | trimSuffix "-" }}
{{- end }}
