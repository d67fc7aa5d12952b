package io.streamgate.gateway.dialect.geonicdb;

import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * GeonicDB's {@code idPattern}, the one client input that becomes code (a regular expression): any text
 * either compiles or is refused with a {@link FilterRefused} (the client's error message), and a compiled
 * pattern answers every id within its budget — catastrophic backtracking included.
 */
class IdPatternProperties {

    private static final Counter EXHAUSTED = new SimpleMeterRegistry().counter("exhausted");

    @Property(seed = "2331")
    void anyPatternCompilesOrIsRefusedAndMatchesWithinItsBudget(@ForAll("patterns") String source,
            @ForAll("ids") String id) {
        IdPattern pattern;
        try {
            pattern = IdPattern.compile(source, 256, 100_000, EXHAUSTED);
        } catch (FilterRefused refused) {
            assertFalse(refused.getMessage().isBlank());
            Statistics.collect("refused");
            return;
        }
        pattern.matches(id);
        Statistics.collect("compiled");
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("()[]{}*+?|^$\\.-,0123456789aAbB:<>=!pPkKQE").ofMaxLength(120),
                Arbitraries.of("(a+)+b", "(a|aa)+$", "(.*a){20}", "((a*)*)*b", "\\p{Nope}", "(?<n>a)\\k<m>",
                        "a{2147483647}", "a{99999999999}", "(".repeat(200) + ")".repeat(200), "[" + "a-".repeat(100),
                        "(?i)(?u)(?x)room", "\\Q(a+)+", "(?=a)*", "x".repeat(257)));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.integers().between(0, 5000).map(n -> "a".repeat(n) + "c"));
    }
}
