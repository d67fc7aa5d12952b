package io.streamgate.gateway.dialect.spooled;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/**
 * A client's WebSocket command, in either spelling clients use: Spooled's documented
 * {@code {"cmd":"Subscribe","queue":"emails","job_id":null}} ({@code cmd} matched without regard to case:
 * the Node SDK's protocol docs write {@code Subscribe}, the Python SDK sends {@code subscribe}), or the
 * Node SDK's {@code {"type":"subscribe","filter":{"queue":…,"jobId":…},"requestId":"req_…"}}, which expects
 * an answer carrying its {@code requestId}.
 *
 * @param verb      subscribe, unsubscribe or ping; null when the message is not a command
 * @param queue     the queue it names, or null
 * @param jobId     the job it names, or null
 * @param requestId the SDK's request id, or null for the documented spelling (which gets no answer)
 * @param problem   why it is not a command, when {@code verb} is null
 */
record SpooledCommand(String verb, String queue, String jobId, String requestId, String problem) {

    static SpooledCommand parse(String text) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(text);
        } catch (IOException e) {
            return refused(null, "Invalid command: not JSON");
        }
        if (message == null || !message.isObject()) {
            return refused(null, "Invalid command: expected a JSON object");
        }
        String requestId = text(message.get("requestId"));
        JsonNode verbNode = message.hasNonNull("cmd") ? message.get("cmd") : message.get("type");
        String verb = text(verbNode);
        if (verb == null) {
            return refused(requestId, "Invalid command: expected \"cmd\": Subscribe, Unsubscribe or Ping");
        }
        verb = verb.toLowerCase(Locale.ROOT);
        if (!verb.equals("subscribe") && !verb.equals("unsubscribe") && !verb.equals("ping")) {
            return refused(requestId, "Unknown command: " + abbreviated(text(verbNode)));
        }
        JsonNode scope = message.path("filter").isObject() ? message.get("filter") : message;
        String queue = first(scope, "queue", "queue_name", "queueName");
        String jobId = first(scope, "job_id", "jobId");
        return new SpooledCommand(verb, queue, jobId, requestId, null);
    }

    private static SpooledCommand refused(String requestId, String problem) {
        return new SpooledCommand(null, null, null, requestId, problem);
    }

    private static String first(JsonNode scope, String... names) {
        for (String name : names) {
            String value = text(scope.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
