package io.streamgate.service.problem;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.streamgate.platform.problem.RefusalRoutes;
import io.vertx.ext.web.Router;

/** Installs the platform's problem answers for refusals Vert.x and Quarkus make before a resource runs. */
@ApplicationScoped
class FrameworkRefusals {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        RefusalRoutes.install(router, maxBodySize.map(size -> OptionalLong.of(size.asLongValue()))
                .orElse(OptionalLong.empty()));
    }
}
