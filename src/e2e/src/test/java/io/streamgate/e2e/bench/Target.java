package io.streamgate.e2e.bench;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * One server the benchmark loads: StreamGate's gateway or a peer. Its CPU and memory are those of
 * {@code servers} and their children (nginx's workers); {@code helpers} (Nchan's Kafka bridge) are
 * counted apart, because a deployment needs them but the server's own figure should not hide them.
 *
 * @param gateway true for StreamGate, whose metrics endpoint gives heap, connections and refusals
 */
record Target(String name, URI webSocket, URI sse, List<ProcessHandle> servers, List<ProcessHandle> helpers,
        boolean gateway) {

    long serverCpuNanos() {
        return tree(servers).mapToLong(p -> ProcStats.cpuNanosOrZero(p.pid())).sum();
    }

    long helperCpuNanos() {
        return tree(helpers).mapToLong(p -> ProcStats.cpuNanosOrZero(p.pid())).sum();
    }

    long serverRssBytes() {
        return tree(servers).mapToLong(p -> ProcStats.rssBytesOrZero(p.pid())).sum();
    }

    long helperRssBytes() {
        return tree(helpers).mapToLong(p -> ProcStats.rssBytesOrZero(p.pid())).sum();
    }

    /** The smallest open-files limit among the server's processes. */
    long maxOpenFiles() {
        return tree(servers).mapToLong(p -> {
            try {
                return ProcStats.maxOpenFiles(p.pid());
            } catch (RuntimeException gone) {
                return Long.MAX_VALUE;
            }
        }).min().orElse(Long.MAX_VALUE);
    }

    private static Stream<ProcessHandle> tree(List<ProcessHandle> roots) {
        return roots.stream().flatMap(root -> Stream.concat(Stream.of(root), root.descendants()));
    }
}
