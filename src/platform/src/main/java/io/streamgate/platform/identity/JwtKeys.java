package io.streamgate.platform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;

/** Builds a service's JWT verifier from its configuration values; none when no key is configured. */
public final class JwtKeys {

    private JwtKeys() {
    }

    /**
     * @param publicKeyPem      inline PEM public key; wins over {@code publicKeyLocation}
     * @param publicKeyLocation file holding a PEM public key
     * @param hmacSecret        HS256 secret
     */
    public static Optional<JwtVerifier> verifier(String issuer, Optional<String> audience,
            Optional<String> publicKeyPem, Optional<Path> publicKeyLocation, Optional<String> hmacSecret,
            Duration clockSkew) {
        return verifier(issuer, audience, publicKeyPem, publicKeyLocation, hmacSecret, clockSkew, Optional.empty());
    }

    /** As above, with an OIDC issuer's JWKS, which may be the only key source. */
    public static Optional<JwtVerifier> verifier(String issuer, Optional<String> audience,
            Optional<String> publicKeyPem, Optional<Path> publicKeyLocation, Optional<String> hmacSecret,
            Duration clockSkew, Optional<JwksSource> jwks) {
        Optional<PublicKey> publicKey = publicKeyPem.or(() -> publicKeyLocation.map(JwtKeys::read)).map(Pem::publicKey);
        Optional<byte[]> secret = hmacSecret.map(s -> s.getBytes(StandardCharsets.UTF_8));
        if (publicKey.isEmpty() && secret.isEmpty() && jwks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JwtVerifier(new JwtSettings(issuer, audience, publicKey, secret, clockSkew, jwks)));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key " + path, e);
        }
    }
}
