package io.streamgate.platform.identity;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is stored for an API key (under its hash): whose it is and what it may do.
 *
 * @param id        public id of the key, used to list and revoke it
 * @param tenant    the tenant the key acts for
 * @param subject   the user or service account that owns it
 * @param roles     what it may do
 * @param name      a label chosen at creation
 * @param preview   the first characters of the key, for recognition
 * @param createdAt when it was created
 */
public record ApiKeyRecord(
        @JsonProperty("id") String id,
        @JsonProperty("tenant") String tenant,
        @JsonProperty("subject") String subject,
        @JsonProperty("roles") Set<Role> roles,
        @JsonProperty("name") String name,
        @JsonProperty("preview") String preview,
        @JsonProperty("created_at") Instant createdAt) {

    public Identity identity() {
        return new Identity(tenant, subject, roles, false);
    }
}
