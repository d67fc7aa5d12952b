package io.streamgate.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What Linux's {@code /proc} says about a process and the machine: CPU time, resident memory, limits. */
public final class ProcStats {

    private static final long CLOCK_TICKS = clockTicks();

    private ProcStats() {
    }

    /** User + system CPU time of {@code pid} so far, in nanoseconds. */
    static long cpuNanos(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // The command name is in parentheses and may hold spaces: fields are counted after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    /** As {@link #cpuNanos}, or 0 for a process that is gone (a worker that exited between list and read). */
    static long cpuNanosOrZero(long pid) {
        try {
            return cpuNanos(pid);
        } catch (UncheckedIOException | IllegalStateException gone) {
            return 0;
        }
    }

    /** As {@link #rssBytes}, or 0 for a process that is gone. */
    public static long rssBytesOrZero(long pid) {
        try {
            return rssBytes(pid);
        } catch (UncheckedIOException | IllegalStateException gone) {
            return 0;
        }
    }

    /** Resident set size of {@code pid}, in bytes. */
    public static long rssBytes(long pid) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Open file descriptors of {@code pid} (the entries of {@code /proc/<pid>/fd}), or -1 for a process that is gone. */
    public static long openFiles(long pid) {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException | UncheckedIOException gone) {
            return -1;
        }
    }

    /** The soft limit on open files of {@code pid}, or {@code Long.MAX_VALUE} when unlimited. */
    public static long maxOpenFiles(long pid) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "limits")).split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return Long.MAX_VALUE;
    }

    /** The machine's busy and total CPU time so far, in clock ticks summed over every core. */
    static long[] machineTicks() {
        String[] cpu = read(Path.of("/proc/stat")).split("\n")[0].split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new long[] {total - idle, total};
    }

    public static String loadAverage() {
        String[] parts = read(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder(List.of("getconf", "CLK_TCK")).redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to Linux's usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
