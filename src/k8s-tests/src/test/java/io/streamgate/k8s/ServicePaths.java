package io.streamgate.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP paths each service serves, read from its sources without starting Quarkus: class-level JAX-RS
 * {@code @Path}s (the REST resources), and for the gateway every dialect endpoint's path (the string literals its
 * dialects hand to {@code Endpoint.webSocket/sse}, the event channels' {@code webSocket/sse}, and the
 * {@code *_PATH} constants they use).
 */
final class ServicePaths {

    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"(/[^\"]*)\"\\)");
    private static final Pattern ENDPOINT_LITERAL = Pattern.compile(
            "\\.(?:webSocket|sse|webSocketAuthenticatedOnUpgrade)\\(\"(/[^\"]*)\"");
    private static final Pattern PATH_CONSTANT = Pattern.compile("static final String \\w*PATH = \"(/[^\"]*)\"");

    private ServicePaths() {
    }

    static List<String> rest(String service) {
        List<String> paths = new ArrayList<>();
        for (var source : Repository.mainSources(Repository.module(service))) {
            find(CLASS_PATH, Repository.read(source), paths);
        }
        return paths;
    }

    static List<String> dialectEndpoints() {
        List<String> paths = new ArrayList<>();
        for (var source : Repository.mainSources(Repository.module("gateway"))) {
            if (source.toString().contains("/dialect/")) {
                String text = Repository.read(source);
                find(ENDPOINT_LITERAL, text, paths);
                find(PATH_CONSTANT, text, paths);
            }
        }
        return paths;
    }

    /** A concrete request path for a route template ({@code /:queue}, {@code /{id}}). */
    static String sample(String path) {
        return path.replaceAll(":[A-Za-z]+", "sample").replaceAll("\\{[^}]+\\}", "sample");
    }

    private static void find(Pattern pattern, String text, List<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!into.contains(matcher.group(1))) {
                into.add(matcher.group(1));
            }
        }
    }
}
