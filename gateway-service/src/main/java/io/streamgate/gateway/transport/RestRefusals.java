package io.streamgate.gateway.transport;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.streamgate.platform.problem.HttpRefusal;
import io.streamgate.platform.problem.ProblemDetail;

/**
 * The gateway's few REST endpoints (login, refresh) refuse as the REST services do: RESTEasy's own refusals (a
 * method or Content-Type the endpoint does not take) come without a body, so they get the platform's problem
 * document; a response an endpoint built itself is kept as it is.
 */
public class RestRefusals {

    /*
     * Not WebApplicationException as a whole: a mapper that covers NotFoundException stops RESTEasy from passing a
     * path it has no resource for on to the gateway's other routes (the dashboard at GET /, the transports).
     */
    @ServerExceptionMapper({ NotAllowedException.class, NotSupportedException.class, NotAcceptableException.class })
    public Response framework(WebApplicationException e, HttpHeaders headers, UriInfo uri, Request request) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String detail = HttpRefusal.frameworkDetail(status, request.getMethod(), "/" + uri.getPath().replaceFirst("^/", ""),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        // fromResponse keeps the framework's headers, Allow on a 405 among them.
        return Response.fromResponse(original).type(ProblemDetail.MEDIA_TYPE).entity(HttpRefusal.of(status, detail))
                .build();
    }
}
