package io.streamgate.platform.alerts;

/**
 * The Redis layout of rule alerts, shared by the safety service (writes) and the gateway (reads,
 * acknowledgements). Every key but the version hash is namespaced by tenant.
 */
public final class AlertKeys {

    private AlertKeys() {
    }

    /** Hash of rule id → JSON {@link AlertRule}. */
    public static String rules(String tenant) {
        return tenant(tenant) + "rules";
    }

    /**
     * Hash of tenant → counter, incremented with every change of that tenant's rules: evaluators poll it and
     * reload only the tenants whose counter moved.
     */
    public static String ruleVersions() {
        return "streamgate:alerts:rule-versions";
    }

    /** Counter giving each alert of the tenant its id. */
    public static String alertSequence(String tenant) {
        return tenant(tenant) + "seq";
    }

    /** Sorted set of alert ids scored by {@code triggered_at} in epoch milliseconds: the history's order. */
    public static String history(String tenant) {
        return tenant(tenant) + "history";
    }

    /** Hash of alert id → JSON {@link AlertTriggered}. */
    public static String alerts(String tenant) {
        return tenant(tenant) + "items";
    }

    /** Hash of alert id → JSON {@link AlertAcknowledgement}; an alert without a field is unacknowledged. */
    public static String acknowledgements(String tenant) {
        return tenant(tenant) + "acks";
    }

    /** String with a TTL of the rule's cooldown, set when the rule triggers for the aircraft. */
    public static String cooldown(String tenant, String ruleId, String hex) {
        return tenant(tenant) + "cooldown:" + ruleId + ":" + hex;
    }

    private static String tenant(String tenant) {
        return "streamgate:tenant:" + tenant + ":alerts:";
    }
}
