package io.streamgate.platform.alerts;

/**
 * One alert of a tenant's history with its acknowledgement, if any.
 *
 * @param alert          the alert as it was triggered
 * @param acknowledgement who acknowledged it and when; null while unacknowledged
 */
public record AlertHistoryItem(AlertTriggered alert, AlertAcknowledgement acknowledgement) {

    public boolean acknowledged() {
        return acknowledgement != null;
    }
}
