package io.streamgate.service.problem;

/** The body is not JSON at all. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String parserMessage) {
        super("the body is not valid JSON: " + parserMessage);
    }
}
