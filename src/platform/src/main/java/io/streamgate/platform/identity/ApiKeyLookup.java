package io.streamgate.platform.identity;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where API keys are kept (Redis in every service), looked up by the key's hash. */
@FunctionalInterface
public interface ApiKeyLookup {

    /** @param hash {@link ApiKeys#hash(String)} of the presented key */
    CompletionStage<Optional<ApiKeyRecord>> find(String hash);
}
