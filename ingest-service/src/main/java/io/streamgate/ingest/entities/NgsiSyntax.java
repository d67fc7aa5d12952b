package io.streamgate.ingest.entities;

import java.util.Optional;
import java.util.Set;

/**
 * NGSI v2's syntax restrictions for identifiers: entity ids and types, attribute names and types. Keeping to
 * them keeps ids safe in URL paths, Redis keys and every client that was written against an NGSI broker.
 */
public final class NgsiSyntax {

    /** NGSI v2 "Field syntax restrictions": at most 256 characters. A protocol rule, so not configurable. */
    public static final int MAX_LENGTH = 256;

    /** Forbidden in every NGSI string field ("General syntax restrictions"), against script injection. */
    private static final String GENERAL_FORBIDDEN = "<>\"'=;()";
    /** Additionally forbidden in identifiers, because they delimit URL paths and queries. */
    private static final String FIELD_FORBIDDEN = "&?/#";

    /** Attribute names with a meaning of their own in NGSI v2 (entity fields, builtins, the wildcard). */
    private static final Set<String> RESERVED_ATTRIBUTE_NAMES = Set.of("id", "type", "*", "dateCreated",
            "dateModified", "dateExpires", "geo:distance");

    private NgsiSyntax() {
    }

    /** What is wrong with {@code value} as an NGSI identifier, or empty when it is fine. */
    public static Optional<String> identifierProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                return Optional.of("must be printable ASCII without whitespace");
            }
            if (GENERAL_FORBIDDEN.indexOf(c) >= 0 || FIELD_FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("must not contain '" + c + "' (NGSI forbids " + GENERAL_FORBIDDEN
                        + FIELD_FORBIDDEN + ")");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with {@code name} as an attribute name, or empty when it is fine. */
    public static Optional<String> attributeNameProblem(String name) {
        if (RESERVED_ATTRIBUTE_NAMES.contains(name)) {
            return Optional.of("'" + name + "' is reserved by NGSI v2 and cannot be an attribute name");
        }
        return identifierProblem(name);
    }
}
