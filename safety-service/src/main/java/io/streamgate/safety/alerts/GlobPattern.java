package io.streamgate.safety.alerts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The callsign / hex / registration patterns of alert rules: globs, not regular expressions, so a user
 * cannot write a pattern that backtracks for ever. {@code *} is any run of characters, {@code ?} one
 * character; letters, digits, {@code -} and {@code ~} stand for themselves; matching ignores case and
 * covers the whole value ({@code UAL*} matches {@code UAL123}, not {@code XUAL1}).
 */
public final class GlobPattern {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9*?~-]+");

    private GlobPattern() {
    }

    /** @return what is wrong with {@code glob}, or empty when it is a valid pattern */
    public static Optional<String> problem(String glob, int maxLength) {
        if (glob.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (glob.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (!ALLOWED.matcher(glob).matches()) {
            return Optional.of("may contain only letters, digits, '-', '~' and the wildcards '*' and '?'");
        }
        return Optional.empty();
    }

    /** Compiles a valid glob once, for every position the rule sees. */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
