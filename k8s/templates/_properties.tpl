{{/* The application.properties of one service. Argument: dict root, name. */}}
{{- define "streamgate.properties" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v.services .name -}}
# Infrastructure (existing systems)
kafka.bootstrap.servers={{ include "streamgate.kafkaBootstrap" .root }}
quarkus.redis.hosts={{ $v.redis.hosts }}
{{- range $key, $value := $v.kafka.config }}
kafka.{{ $key }}={{ $value }}
{{- end }}
# Credentials (docs/identity.md); key files come from Secrets, see the Deployment's volumes
streamgate.auth.jwt.issuer={{ $v.auth.jwt.issuer }}
{{- if $v.auth.jwt.audience }}
streamgate.auth.jwt.audience={{ $v.auth.jwt.audience }}
{{- end }}
{{- if $v.auth.jwt.publicKeySecret.name }}
streamgate.auth.jwt.public-key-location={{ include "streamgate.keysDir" . }}/jwt/{{ $v.auth.jwt.publicKeySecret.key }}
{{- end }}
{{- if include "streamgate.issuesTokens" . }}
streamgate.auth.tokens.access-ttl={{ $v.auth.tokens.accessTtl }}
streamgate.auth.tokens.refresh-ttl={{ $v.auth.tokens.refreshTtl }}
{{- if $v.auth.tokens.privateKeySecret.name }}
streamgate.auth.tokens.private-key-location={{ include "streamgate.keysDir" . }}/signing/{{ $v.auth.tokens.privateKeySecret.key }}
{{- end }}
{{- end }}
{{- if $svc.config }}
# Service settings (values: services.{{ .name }}.config)
{{- range $key, $value := $svc.config }}
{{ $key }}={{ $value }}
{{- end }}
{{- end }}
{{- end -}}
