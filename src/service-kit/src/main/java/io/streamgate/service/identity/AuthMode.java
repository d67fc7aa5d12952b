package io.streamgate.service.identity;

/** SkySpy's deployment auth modes, shared by every service. */
public enum AuthMode {
    /** No credential needed; anonymous callers act for the default tenant. */
    PUBLIC,
    /** Anonymous callers get public features; anything private needs a credential. Writes are private. */
    HYBRID,
    /** Every call needs a credential. */
    PRIVATE
}
