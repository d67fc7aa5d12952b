package io.streamgate.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.smallrye.config.ConfigMappings;

/**
 * The configuration one service really reads, taken from the service itself: the property names of its
 * {@code @ConfigMapping} interfaces (found in its sources, loaded from its compiled classes, expanded by SmallRye
 * Config the way Quarkus expands them), Quarkus' Redis client mapping, and the Kafka client keys the platform's
 * {@code KafkaClients} passes on as {@code kafka.<key>}. A key the chart sets that matches none of them is a key the
 * service would ignore (or, under a mapped prefix, refuse at start).
 */
final class ServiceConfiguration {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    /**
     * Environment variables the chart sets that are no configuration property: read by the {@code java} launcher
     * itself (JVM options of the JVM image).
     */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JDK_JAVA_OPTIONS");

    final String service;
    final Set<String> mappingPrefixes = new HashSet<>();
    private final List<Pattern> names = new ArrayList<>();
    private final List<Pattern> envNames = new ArrayList<>();

    private ServiceConfiguration(String service) {
        this.service = service;
    }

    static ServiceConfiguration of(String service) {
        ServiceConfiguration configuration = new ServiceConfiguration(service);
        Path module = Repository.module(service);
        configuration.addMappingsFrom(module);
        if (Repository.read(module.resolve("pom.xml")).contains("<artifactId>streamgate-service-kit</artifactId>")) {
            configuration.addMappingsFrom(Repository.serviceKit());
        }
        if (configuration.mappingPrefixes.isEmpty()) {
            throw new AssertionError("no @ConfigMapping found in " + module);
        }
        configuration.addMapping(RedisConfig.class, "quarkus.redis");
        Set<String> kafkaKeys = new HashSet<>(ProducerConfig.configNames());
        kafkaKeys.addAll(ConsumerConfig.configNames());
        kafkaKeys.forEach(key -> configuration.addName("kafka." + key));
        return configuration;
    }

    /** Whether the service reads this property (a key of application.properties). */
    boolean reads(String property) {
        return names.stream().anyMatch(p -> p.matcher(property).matches());
    }

    /** Whether this environment variable names a property the service reads (MicroProfile Config's env mapping). */
    boolean readsEnvironment(String variable) {
        return LAUNCHER_VARIABLES.contains(variable) || envNames.stream().anyMatch(p -> p.matcher(variable).matches());
    }

    private void addMappingsFrom(Path module) {
        for (Path source : Repository.mainSources(module)) {
            String text = Repository.read(source);
            Matcher mapping = MAPPING.matcher(text);
            if (!mapping.find()) {
                continue;
            }
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                throw new AssertionError("no package in " + source);
            }
            String simpleName = source.getFileName().toString().replace(".java", "");
            try {
                addMapping(Class.forName(pkg.group(1) + "." + simpleName), mapping.group(1));
            } catch (ClassNotFoundException e) {
                throw new AssertionError("compiled class of " + source + " not on the test classpath", e);
            }
        }
    }

    private void addMapping(Class<?> type, String prefix) {
        mappingPrefixes.add(prefix);
        ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type, prefix)).keySet().forEach(this::addName);
    }

    /** A SmallRye property path ({@code *} for a map key, {@code [*]} for a list index) as patterns. */
    private void addName(String name) {
        StringBuilder property = new StringBuilder();
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (name.startsWith("[*]", i)) {
                property.append("\\[\\d+\\]");
                env.append("_\\d+_");
                i += 2;
            } else if (c == '*') {
                property.append("(?:[^.]+|\"[^\"]+\")");
                env.append("[A-Z0-9_]+");
            } else {
                property.append(Pattern.quote(String.valueOf(c)));
                env.append(Character.isLetterOrDigit(c) ? String.valueOf(Character.toUpperCase(c)) : "_");
            }
        }
        names.add(Pattern.compile(property.toString()));
        envNames.add(Pattern.compile(env.toString()));
    }
}
