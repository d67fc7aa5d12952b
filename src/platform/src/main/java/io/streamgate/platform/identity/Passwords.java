package io.streamgate.platform.identity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Login password hashing with BCrypt (Spring Security's encoder): salted, deliberately slow, and the cost is
 * stored in each hash, so raising {@code cost} later leaves existing hashes valid.
 */
public final class Passwords {

    /**
     * Checked against when the login name is unknown, so that an unknown user costs as much time as a wrong
     * password and response times do not reveal which names exist.
     */
    private static final String ABSENT_USER_HASH = new BCryptPasswordEncoder(10).encode("absent-user");

    /** BCrypt accepts at most 72 bytes and ignores the rest; longer passwords are refused instead. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;

    /** @param cost BCrypt's log2 work factor, 4 to 31; 10 is Spring's default */
    public Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** @param hash null when there is no such user: the answer is false, after the same amount of work */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, ABSENT_USER_HASH);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
