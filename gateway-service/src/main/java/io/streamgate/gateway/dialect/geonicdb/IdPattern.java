package io.streamgate.gateway.dialect.geonicdb;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.micrometer.core.instrument.Counter;

/**
 * A client's {@code idPattern}, compiled so that it cannot stall the engine thread that runs it.
 * Java's regex engine backtracks, and a pattern such as {@code (a+)+b} takes exponential time on
 * {@code aaaa…}. Every step of a match reads a character of the input, so the id is matched through
 * a {@link CharSequence} that counts its reads and gives up after
 * {@code streamgate.geonicdb.id-pattern.match-budget} of them: the match then fails (and is counted),
 * whatever the pattern. The source length is bounded too, and a pattern that does not compile is
 * refused with the compiler's own description.
 *
 * <p>Matching is unanchored, like JavaScript's {@code RegExp.test} that GeonicDB runs: {@code Room}
 * matches {@code urn:ngsi-ld:Room:001}; anchor with {@code ^…$} for a whole-id match. Value equality is
 * by source and budget, so sessions with the same pattern share their filter group.
 */
final class IdPattern {

    private final String source;
    private final Pattern pattern;
    private final int budget;
    private final Counter exhausted;

    private IdPattern(String source, Pattern pattern, int budget, Counter exhausted) {
        this.source = source;
        this.pattern = pattern;
        this.budget = budget;
        this.exhausted = exhausted;
    }

    static IdPattern compile(String source, int maxLength, int budget, Counter exhausted) throws FilterRefused {
        if (source.length() > maxLength) {
            throw new FilterRefused("idPattern is " + source.length() + " characters long; at most " + maxLength
                    + " are accepted");
        }
        try {
            return new IdPattern(source, Pattern.compile(source), budget, exhausted);
        } catch (PatternSyntaxException e) {
            // The description and index, without the multi-line caret drawing of getMessage().
            throw new FilterRefused("idPattern is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    String source() {
        return source;
    }

    /** True when the pattern is found in {@code id} within the budget. */
    boolean matches(String id) {
        try {
            return pattern.matcher(new BudgetedChars(id, budget)).find();
        } catch (BudgetedChars.Exhausted | StackOverflowError e) {
            // Some constructs recurse per character instead of reading more; the budget bounds the input
            // a match reads, and a blown stack on the engine thread is the same verdict: no match.
            exhausted.increment();
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdPattern that && source.equals(that.source) && budget == that.budget;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, budget);
    }

    @Override
    public String toString() {
        return source;
    }

    /** An id whose characters may be read at most {@code budget} times in all. */
    static final class BudgetedChars implements CharSequence {

        /** Thrown out of the regex engine when the budget is spent; no stack trace, it is control flow. */
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("match budget exhausted", null, false, false);
            }
        }

        private final String chars;
        private final int[] remaining;
        private final int from;
        private final int to;

        BudgetedChars(String chars, int budget) {
            this(chars, new int[] { budget }, 0, chars.length());
        }

        private BudgetedChars(String chars, int[] remaining, int from, int to) {
            this.chars = chars;
            this.remaining = remaining;
            this.from = from;
            this.to = to;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new Exhausted();
            }
            return chars.charAt(from + index);
        }

        @Override
        public int length() {
            return to - from;
        }

        /** Shares the budget: work on a part counts against the whole match. */
        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(chars, remaining, from + start, from + end);
        }

        @Override
        public String toString() {
            return chars.substring(from, to);
        }
    }
}
