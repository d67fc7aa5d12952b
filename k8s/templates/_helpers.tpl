{{/* Release-wide name prefix: the release name, cut to leave room for the service suffix. */}}
{{- define "streamgate.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one service's objects: <release>-<service>, e.g. streamgate-gateway. Argument: dict root, name. */}}
{{- define "streamgate.serviceName" -}}
{{- printf "%s-%s" (include "streamgate.fullname" .root) .name -}}
{{- end -}}

{{/* Labels every object carries. Argument: dict root, name. */}}
{{- define "streamgate.labels" -}}
app.kubernetes.io/name: {{ .name }}-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: streamgate
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels that select one service's pods (stable across upgrades). Argument: dict root, name. */}}
{{- define "streamgate.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Image of one service. Argument: dict root, name. */}}
{{- define "streamgate.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- $path := printf "%s/%s-service:%s" $image.repository .name $tag -}}
{{- if $image.registry -}}
{{- printf "%s/%s" $image.registry $path -}}
{{- else -}}
{{- $path -}}
{{- end -}}
{{- end -}}

{{/* Working directory of the image; Quarkus reads <workdir>/config/application.properties. */}}
{{- define "streamgate.workdir" -}}
{{- if eq .Values.image.flavor "native" -}}/work{{- else -}}/deployments{{- end -}}
{{- end -}}

{{/* Kafka bootstrap address: the value, else the Strimzi cluster's bootstrap Service. */}}
{{- define "streamgate.kafkaBootstrap" -}}
{{- if .Values.kafka.bootstrapServers -}}
{{- .Values.kafka.bootstrapServers -}}
{{- else if .Values.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" .Values.strimzi.clusterName -}}
{{- else -}}
{{- fail "kafka.bootstrapServers is required (or strimzi.enabled)" -}}
{{- end -}}
{{- end -}}

{{/* Services that issue tokens (login and refresh endpoints): they mount the signing key. */}}
{{- define "streamgate.issuesTokens" -}}
{{- if has .name (list "gateway" "ingest") -}}true{{- end -}}
{{- end -}}

{{/* Where the secret key files are mounted. */}}
{{- define "streamgate.keysDir" -}}/etc/streamgate/keys{{- end -}}
