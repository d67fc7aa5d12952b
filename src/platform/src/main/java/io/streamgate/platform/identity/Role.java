package io.streamgate.platform.identity;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an identity may do. The wire names are the ones the five products' tokens carry. */
public enum Role {
    /** Any tenant, any channel. */
    SUPER_ADMIN("super_admin"),
    /** Everything within its own tenant, including key management. */
    TENANT_ADMIN("tenant_admin"),
    /** Read and write its own tenant's data. */
    USER("user");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static Role fromJson(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown role " + name));
    }
}
