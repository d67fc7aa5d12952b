package io.streamgate.gateway.transport;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.InboundError;
import io.streamgate.gateway.engine.Frame;

/**
 * A dialect that exists only in the tests, to exercise what the transports offer every dialect with
 * codes no real dialect shares: a first-message-auth endpoint that greets the caller's tenant and
 * echoes what it says; {@code shared:N} is answered with the same fan-out frame of N characters twice,
 * the way the engine sends a tick's frame.
 */
@ApplicationScoped
public class EchoDialect implements Dialect {

    static final String PATH = "/test/echo";
    static final String SHARED = "shared:";
    static final CloseCodes CODES = new CloseCodes(4101, 4102, 4100, 4113, 4103, 4109, 4001, 4104, 4105);

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.webSocketWithFirstMessageAuth(PATH, (session, handshake) -> {
            session.send("{\"type\":\"welcome\",\"tenant\":\"" + session.identity().tenant() + "\"}");
            return new Conversation() {
                @Override
                public Uni<String> text(String message) {
                    if (message.startsWith(SHARED)) {
                        Frame frame = Frame.shared("x".repeat(Integer.parseInt(message.substring(SHARED.length()))));
                        session.send(frame);
                        session.send(frame);
                        return Conversation.NO_REPLY;
                    }
                    return Uni.createFrom().item("{\"type\":\"echo\",\"text\":\"" + message + "\"}");
                }
            };
        }));
    }

    @Override
    public CloseCodes closeCodes() {
        return CODES;
    }

    @Override
    public Duration heartbeatTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public String inboundError(InboundError error) {
        return null;
    }
}
