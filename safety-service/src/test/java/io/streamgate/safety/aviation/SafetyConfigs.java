package io.streamgate.safety.aviation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service's real configuration mapping outside Quarkus, for unit tests and the replay tools: the
 * defaults are the {@code @WithDefault}s, never a copy of them.
 */
public final class SafetyConfigs {

    private static final String PREFIX = "streamgate.safety.aviation.";

    private SafetyConfigs() {
    }

    public static AviationSafetyConfig defaults() {
        return with(Map.of());
    }

    /** @param overrides keys below {@code streamgate.safety.aviation.}, e.g. {@code proximity.cooldown} */
    public static AviationSafetyConfig with(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        overrides.forEach((key, value) -> properties.put(PREFIX + key, value));
        // Quarkus' converter reads "15s" as Quarkus does; plain SmallRye only reads ISO-8601 ("PT15S").
        SmallRyeConfig config = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(AviationSafetyConfig.class)
                .withSources(new PropertiesConfigSource(properties, "overrides", 500)).build();
        return config.getConfigMapping(AviationSafetyConfig.class);
    }
}
