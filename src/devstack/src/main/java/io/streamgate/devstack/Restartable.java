package io.streamgate.devstack;

/**
 * The current process of an infrastructure server that tests stop or kill and start again on the same port and
 * data (Kafka, Redis): at most one at a time, none while stopped.
 */
final class Restartable {

    private ChildProcess process;

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized ChildProcess current() {
        return process;
    }

    synchronized void started(ChildProcess started) {
        process = started;
    }

    /** SIGTERM, then SIGKILL. */
    synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** SIGKILL: no shutdown of its own, as a crash ends it. */
    synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }
}
