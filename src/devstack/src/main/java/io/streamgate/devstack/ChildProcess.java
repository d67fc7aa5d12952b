package io.streamgate.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process devstack started and must not leave behind: output goes to a log file, stop asks
 * politely (SIGTERM) and then insists, and whatever still runs when the JVM exits is stopped at its
 * {@link ShutdownOrder} stage. Where {@code setsid} exists the process runs in a session of its own, out of
 * the terminal's reach.
 */
public final class ChildProcess implements AutoCloseable {

    /** Puts a child in a session of its own, so the terminal's Ctrl-C reaches only the launcher, which stops it in order. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;
    private final ShutdownOrder.Stage stage;
    private final Runnable stopOnExit = this::stopNow;

    private ChildProcess(String name, Process process, Path log, ShutdownOrder.Stage stage) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stage = stage;
        ShutdownOrder.register(stage, stopOnExit);
    }

    /** A service-like child, stopped with the services when the JVM exits. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            File workDir, Path log) {
        return start(name, command, environment, workDir, log, ShutdownOrder.Stage.SERVICES);
    }

    /**
     * @param stage when it is stopped if the JVM exits first: {@link ShutdownOrder.Stage#INFRASTRUCTURE} for what
     *              the services need until they are down
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            File workDir, Path log, ShutdownOrder.Stage stage) {
        List<String> shielded = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // setsid execs the command in place (a child of the JVM is no group leader): the pid stays the process's.
            shielded.add(SETSID.toString());
        }
        shielded.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(shielded).directory(workDir).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(name, builder.start(), log, stage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            throw new IllegalStateException(name + " did not finish within " + timeout + " " + unit);
        }
        return process.exitValue();
    }

    /**
     * SIGKILL, as the kernel's OOM killer or a node failure ends a process: no shutdown hook runs, no socket is
     * closed politely. Returns once the process is gone.
     */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.destroyForcibly().waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
        ShutdownOrder.cancel(stage, stopOnExit);
    }

    @Override
    public void close() {
        stopNow();
        ShutdownOrder.cancel(stage, stopOnExit);
    }

    private void stopNow() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
