package io.streamgate.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * API keys as the five products issue them: {@code sk_live_…}, {@code sk_test_…} (SkySpy, Spooled)
 * and {@code sp_live_…} (SpatialFlow), followed by 40 random base62 characters (~238 bits). Only the
 * SHA-256 of a key is ever stored; the key itself is shown once, when it is created.
 */
public final class ApiKeys {

    public static final List<String> PREFIXES = List.of("sk_live_", "sk_test_", "sp_live_");

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARS = 40;
    private static final Pattern SHAPE = Pattern.compile("(sk_live_|sk_test_|sp_live_)[0-9A-Za-z]{16,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key with the given prefix (one of {@link #PREFIXES}). */
    public static String generate(String prefix) {
        if (!PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException("unknown API key prefix " + prefix + "; use one of " + PREFIXES);
        }
        StringBuilder key = new StringBuilder(prefix.length() + RANDOM_CHARS).append(prefix);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /** True when {@code token} has the shape of an API key (rather than a JWT). */
    public static boolean looksLikeApiKey(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** The stored form of a key: lower-case hex SHA-256. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A key's first characters, enough for a person to recognise it in a list, never enough to use it. */
    public static String preview(String key) {
        int prefixEnd = key.indexOf('_', key.indexOf('_') + 1) + 1;
        return key.substring(0, Math.min(key.length(), prefixEnd + 4)) + "…";
    }
}
