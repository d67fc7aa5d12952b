package io.streamgate.platform.problem;

/**
 * One thing wrong with one part of a request.
 *
 * @param pointer JSON Pointer (RFC 6901) to the offending value, such as {@code /aircraft/3/lat}
 * @param detail  what is wrong with it, for a person
 */
public record FieldProblem(String pointer, String detail) {
}
