package io.streamgate.ingest.entities;

/**
 * Where an entity lives: a tenant ({@code Fiware-Service}) and a service path ({@code Fiware-ServicePath}).
 * An entity id is unique within one scope; the same id in another scope is another entity.
 *
 * @param tenant      {@code [a-z0-9_]{1,50}}
 * @param servicePath {@code /} or up to 10 levels of {@code /[A-Za-z0-9_]{1,50}}
 */
public record Scope(String tenant, String servicePath) {
}
