package io.streamgate.service.problem;

import io.streamgate.platform.problem.FieldProblem;
import java.util.List;

/** A request that cannot be accepted as sent; nothing of it was written. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
