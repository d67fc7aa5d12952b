package io.streamgate.platform.workflows;

/**
 * The Redis layout of workflows: written by the service that runs them (safety-service), read by the gateway
 * to tell a client that a workflow or execution it names is not its tenant's and to give it the current
 * state before the live events. Every key starts with the tenant, so a lookup under the caller's tenant
 * cannot find another tenant's workflow.
 */
public final class WorkflowKeys {

    private WorkflowKeys() {
    }

    /**
     * Hash: workflow id → the workflow's definition as JSON, as the REST API returns it (never its signing
     * secret, which is kept under {@link #secrets(String)}). Has at least {@code id}, {@code name},
     * {@code enabled}, {@code trigger}, {@code steps}, {@code created_at}, {@code updated_at}.
     */
    public static String workflows(String tenant) {
        return "streamgate:tenant:" + tenant + ":workflows";
    }

    /** Hash: workflow id → its webhook signing secret. Read by the runner only. */
    public static String secrets(String tenant) {
        return "streamgate:tenant:" + tenant + ":workflows:secrets";
    }

    /** Hash of one workflow's counters: {@code started}, {@code completed}, {@code failed} ({@link WorkflowStats}). */
    public static String stats(String tenant, String workflowId) {
        return "streamgate:tenant:" + tenant + ":workflows:" + workflowId + ":stats";
    }

    /** Hash: execution id → {@link WorkflowExecution} JSON, of all the tenant's workflows. */
    public static String executions(String tenant) {
        return "streamgate:tenant:" + tenant + ":workflows:executions";
    }
}
