package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamgate.devstack.DevApiKey;
import io.streamgate.devstack.DevUsers;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficSource;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;

/**
 * Every command of the README's "Try it" block, run as written against the whole stack with its demo traffic —
 * the credentials a reader pastes from the banner, the hosts rewritten to this run's free ports — so the front
 * door cannot rot. A one-shot command must exit 0 (an ingest post must answer 202); a stream (`curl -N`,
 * `python3 -m websockets`) must still be open when the test stops it, and a WebSocket client must have received a
 * message. Input a reader types after connecting is the command's trailing {@code # then …} comment
 * ({@code $NAME} expanded).
 */
class ReadmeCommandsIT {

    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=\\$\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Z_]+)");
    private static final long STREAM_SECONDS = 10;

    private static Stack stack;
    private static TrafficSource traffic;
    private static final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void startStackAndTraffic() {
        stack = Stack.start(false);
        String token = stack.infrastructure().credentials().token(Identity.DEFAULT_TENANT, "readme-reader",
                Set.of(Role.TENANT_ADMIN), Duration.ofHours(1));
        String apiKey = DevApiKey.create(stack.url(Service.INGEST), token);
        DevUsers.create(stack.url(Service.INGEST), token);
        traffic = TrafficSource.start(stack.url(Service.INGEST), apiKey, TrafficConfig.of(Map.of()), System.out::println);
        env.put("TOKEN", token);
        env.put("API_KEY", apiKey);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyCommandOfTryItRunsAsWritten() throws Exception {
        List<String> commands = tryItCommands(Files.readString(Stack.repositoryRoot().resolve("README.md")));
        assertTrue(commands.size() >= 10, "the block was found: " + commands);
        List<String> failures = new ArrayList<>();
        for (String command : commands) {
            String failure = run(command);
            System.out.println((failure == null ? "ok    " : "FAILED ") + command);
            if (failure != null) {
                failures.add(command + "\n  → " + failure);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Null when the command did what the README says, else what went wrong. */
    private String run(String written) throws IOException, InterruptedException {
        String input = null;
        String command = written;
        int then = command.indexOf("# then ");
        if (then >= 0) {
            input = expand(command.substring(then + "# then ".length()).strip());
            command = command.substring(0, then).strip();
        }
        command = localHosts(command);
        Matcher assignment = ASSIGNMENT.matcher(command);
        if (assignment.matches()) {
            Result result = bash("printf %s \"$(" + assignment.group(2) + ")\"", null, 60);
            String value = result.output.strip();
            if (result.exit != 0 || value.isEmpty() || value.equals("null")) {
                return "exit " + result.exit + ", value '" + value + "'";
            }
            env.put(assignment.group(1), value);
            return null;
        }
        if (command.contains("python3 -m websockets")) {
            Result result = bash("(" + (input == null ? "" : "printf '%s\\n' \"$SG_INPUT\"; ") + "sleep " + STREAM_SECONDS
                    + ") | timeout " + (STREAM_SECONDS + 5) + " " + command, input, STREAM_SECONDS + 20);
            boolean received = result.output.lines().anyMatch(line -> line.replaceAll("\\p{Cntrl}\\[[0-9;]*[A-Za-z]", "")
                    .replaceAll("\\p{Cntrl}.", "").contains("< "));
            boolean refused = result.output.contains("Connection closed: 4") || result.output.contains("1008");
            return received && !refused ? null : "no message received or refused: " + tail(result.output);
        }
        if (command.contains("curl -N")) {
            Result result = bash("timeout " + STREAM_SECONDS + " " + command, null, STREAM_SECONDS + 10);
            return result.exit == 124 && !result.output.contains("\"status\":4") ? null
                    : "the stream ended (exit " + result.exit + "): " + tail(result.output);
        }
        Result result = bash(command, null, 60);
        if (result.exit != 0) {
            return "exit " + result.exit + ": " + tail(result.output);
        }
        if (command.contains("curl -i") && command.contains("/v1/aircraft") && !result.output.contains(" 202")) {
            return "ingest did not answer 202: " + tail(result.output);
        }
        return null;
    }

    private Result bash(String script, String input, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(Stack.repositoryRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        // Debian's python3 has the websockets package the README names; a version manager's may not.
        builder.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        if (input != null) {
            builder.environment().put("SG_INPUT", input);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }

    /** The commands of the bash block under "## Try it", continuation lines joined, comments dropped. */
    static List<String> tryItCommands(String readme) {
        int section = readme.indexOf("## Try it");
        int start = readme.indexOf("```bash", section) + "```bash".length();
        int end = readme.indexOf("```", start);
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : readme.substring(start, end).split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            commands.add(current.toString());
            current.setLength(0);
        }
        return commands;
    }

    private static String localHosts(String command) {
        String result = command;
        for (Service service : Service.values()) {
            String url = stack.url(service).toString().replaceFirst("/$", "");
            String hostPort = url.substring(url.indexOf("://") + 3);
            result = result.replace("127.0.0.1:" + service.defaultPort(), hostPort);
        }
        return result;
    }

    private static String expand(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(variable.group(1), "")));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** The end of what the command printed, without the terminal control sequences of an interactive client. */
    private static String tail(String output) {
        String text = output.replaceAll("\\p{Cntrl}\\[[0-9;]*[A-Za-z]", "").replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
        return text.length() <= 400 ? text : "…" + text.substring(text.length() - 400);
    }
}
