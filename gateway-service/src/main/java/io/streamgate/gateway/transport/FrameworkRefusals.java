package io.streamgate.gateway.transport;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.streamgate.platform.problem.RefusalRoutes;
import io.vertx.ext.web.Router;

/**
 * The platform's problem answers for what Vert.x refuses before a transport runs (no endpoint at the path,
 * a method the endpoint does not take), as the REST services install them through service-kit.
 */
@ApplicationScoped
class FrameworkRefusals {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        RefusalRoutes.install(router, maxBodySize.map(size -> OptionalLong.of(size.asLongValue()))
                .orElse(OptionalLong.empty()));
    }
}
