package io.streamgate.gateway.dialect.spooled;

import io.streamgate.gateway.engine.ForwardingSession;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Session;

/**
 * The job stream's session: passes every frame on until {@link SpooledEventCodec#END}, then ends the
 * stream normally once what came before it is written, and drops anything after.
 */
final class FinishingSession extends ForwardingSession {

    private volatile boolean finished;

    FinishingSession(Session delegate) {
        super(delegate);
    }

    @Override
    public boolean send(Frame frame) {
        if (finished) {
            return true;
        }
        if (frame.size() == SpooledEventCodec.END.length() && SpooledEventCodec.END.equals(frame.text())) {
            finish();
            return true;
        }
        return delegate.send(frame);
    }

    @Override
    public void finish() {
        finished = true;
        delegate.finish();
    }
}
