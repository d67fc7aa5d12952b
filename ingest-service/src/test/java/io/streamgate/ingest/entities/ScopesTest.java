package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;

class ScopesTest {

    private final Identity acmeUser = new Identity("acme", "bob", Set.of(Role.USER), false);
    private final Identity superAdmin = new Identity("ops", "root", Set.of(Role.SUPER_ADMIN), false);

    @Test
    void withoutHeadersTheCallersTenantAndTheRootPathAreUsed() {
        assertEquals(new Scope("acme", "/"), Scopes.resolve(null, null, acmeUser));
        assertEquals(new Scope("acme", "/"), Scopes.resolve(" ", "", acmeUser));
    }

    @Test
    void theServiceNameIsCaseInsensitiveAndStoredLowerCase() {
        assertEquals(new Scope("acme", "/Madrid/Gardens"), Scopes.resolve("ACME", "/Madrid/Gardens", acmeUser));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-corp", "acme corp", "acme/x", "ácme", "a:b"})
    void aServiceNameOutsideTheAlphabetIsABadRequest(String service) {
        NgsiProblemException e = assertThrows(NgsiProblemException.class,
                () -> Scopes.resolve(service, null, superAdmin));
        assertEquals(400, e.status());
        assertEquals("BadRequest", e.error());
    }

    @Test
    void aServiceNameIsAtMostFiftyCharacters() {
        assertEquals("x".repeat(50), Scopes.resolve("x".repeat(50), null, superAdmin).tenant());
        assertEquals(400, assertThrows(NgsiProblemException.class,
                () -> Scopes.resolve("x".repeat(51), null, superAdmin)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Madrid", "/Madrid/", "//", "/Madrid/#", "/a,/b", "/Mad rid", "/a/b/c/d/e/f/g/h/i/j/k",
            "/Madrid-Centro"})
    void aServicePathOutsideOrionsRulesIsABadRequest(String path) {
        assertEquals(400, assertThrows(NgsiProblemException.class,
                () -> Scopes.resolve("acme", path, acmeUser)).status());
    }

    @Test
    void tenLevelsOfFiftyCharactersAreAccepted() {
        String level = "/" + "a".repeat(50);
        assertEquals(level.repeat(10), Scopes.resolve("acme", level.repeat(10), acmeUser).servicePath());
    }

    @Test
    void anotherTenantIsForbiddenToAnyoneButASuperAdmin() {
        NgsiProblemException e = assertThrows(NgsiProblemException.class,
                () -> Scopes.resolve("globex", null, acmeUser));
        assertEquals(403, e.status());
        assertEquals(new Scope("globex", "/"), Scopes.resolve("globex", null, superAdmin));
    }

    @Test
    void anAnonymousCallerHasOnlyItsDefaultTenant() {
        Identity anonymous = Identity.anonymous(Identity.DEFAULT_TENANT);
        assertEquals(new Scope("default", "/"), Scopes.resolve(null, null, anonymous));
        assertEquals(403, assertThrows(NgsiProblemException.class,
                () -> Scopes.resolve("acme", null, anonymous)).status());
    }
}
