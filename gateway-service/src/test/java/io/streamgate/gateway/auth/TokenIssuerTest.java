package io.streamgate.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.identity.Authenticated;
import io.streamgate.platform.identity.AuthenticationException;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.IssuedTokens;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.identity.TokenVerifier;

/** The tokens the dialects' login and refresh endpoints hand out, against the real Redis and the gateway's own verifier. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenIssuerTest {

    private static final Identity ALICE = new Identity("acme", "alice", Set.of(Role.TENANT_ADMIN), true);

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Test
    void anIssuedAccessTokenIsAcceptedWithTheSameIdentityAndExpiry() {
        IssuedTokens tokens = join(issuer.issue(ALICE));
        Authenticated verified = join(verifier.verify(tokens.accessToken()));
        assertEquals(ALICE, verified.identity());
        assertEquals(tokens.accessExpiresAt().getEpochSecond(), verified.expiresAt().getEpochSecond());
        assertTrue(tokens.accessExpiresAt().isBefore(tokens.refreshExpiresAt()));
        assertTrue(tokens.accessExpiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(14))),
                "the default access lifetime is 15 minutes");
    }

    @Test
    void aRefreshTokenWorksOnceAndHandsOutANewPair() {
        IssuedTokens first = join(issuer.issue(ALICE));
        IssuedTokens second = join(issuer.refresh(first.refreshToken()));
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(ALICE, join(verifier.verify(second.accessToken())).identity());
        assertRefused(issuer.refresh(first.refreshToken()));
        assertEquals(ALICE, join(verifier.verify(join(issuer.refresh(second.refreshToken())).accessToken())).identity());
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneWins() {
        IssuedTokens tokens = join(issuer.issue(ALICE));
        List<CompletableFuture<IssuedTokens>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(issuer.refresh(tokens.refreshToken()).toCompletableFuture());
        }
        long won = attempts.stream().filter(attempt -> {
            try {
                attempt.join();
                return true;
            } catch (CompletionException e) {
                assertInstanceOf(AuthenticationException.class, e.getCause());
                return false;
            }
        }).count();
        assertEquals(1, won);
    }

    @Test
    void aRevokedOrMadeUpRefreshTokenIsRefused() {
        IssuedTokens tokens = join(issuer.issue(ALICE));
        join(issuer.revoke(tokens.refreshToken()));
        assertRefused(issuer.refresh(tokens.refreshToken()));
        assertRefused(issuer.refresh("rt_not-one-we-issued"));
        assertRefused(issuer.refresh(tokens.accessToken()));
    }

    private static void assertRefused(CompletionStage<IssuedTokens> attempt) {
        CompletionException failure = assertThrows(CompletionException.class, () -> join(attempt));
        assertInstanceOf(AuthenticationException.class, failure.getCause());
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
