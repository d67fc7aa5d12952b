package io.streamgate.safety.alerts;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Redis or Kafka did not answer in time; nothing the caller asked for is known to have happened. */
public final class Unavailable extends RuntimeException {

    public Unavailable(String what, Throwable cause) {
        super(what + " did not answer: " + cause, cause);
    }

    /** Waits for a Redis or Kafka call, at most {@code timeout}. */
    public static <T> T await(String what, CompletionStage<T> stage, Duration timeout) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Unavailable(what, e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what, e);
        }
    }
}
