package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code streamgate.traffic.*} settings the way the services read theirs: a system property
 * first, then the environment variable of the same name upper-cased with dots and dashes as
 * underscores ({@code streamgate.traffic.speed} → {@code STREAMGATE_TRAFFIC_SPEED}). The environment
 * matters because {@code ./mvnw -Pstack} runs the launcher in a child JVM that inherits Maven's
 * environment but not its {@code -D} options.
 */
final class SettingsSource {

    private final Function<String, String> lookup;

    SettingsSource(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    static SettingsSource fromSystem() {
        return new SettingsSource(key -> {
            // The run profile passes unset options as empty properties: those fall through too.
            String value = System.getProperty(key);
            return value != null && !value.isBlank() ? value : System.getenv(environmentName(key));
        });
    }

    static SettingsSource of(Map<String, String> values) {
        return new SettingsSource(values::get);
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    String text(String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    boolean flag(String key, boolean fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    long integer(String key, long fallback) {
        String value = text(key, null);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number");
        }
    }

    double number(String key, double fallback) {
        String value = text(key, null);
        try {
            double parsed = value == null ? fallback : Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw invalid(key, value, "a finite number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number");
        }
    }

    /** {@code 250ms}, {@code 5s}, {@code 3m}, {@code 1h}, or ISO-8601 such as {@code PT5S}. */
    Duration duration(String key, Duration fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return parseDuration(value);
        } catch (RuntimeException e) {
            throw invalid(key, value, "a duration such as 250ms, 5s, 3m or PT5S");
        }
    }

    static Duration parseDuration(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1).strip());
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(key + " must be " + expected + ", not '" + value + "'");
    }
}
