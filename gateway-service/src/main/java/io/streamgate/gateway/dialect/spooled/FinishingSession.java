package io.streamgate.gateway.dialect.spooled;

import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.identity.Identity;

/**
 * The job stream's session: passes every frame on until {@link SpooledEventCodec#END}, then ends the
 * stream normally once what came before it is written, and drops anything after.
 */
final class FinishingSession implements Session {

    private final Session delegate;
    private volatile boolean finished;

    FinishingSession(Session delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean send(Frame frame) {
        if (finished) {
            return true;
        }
        if (frame.size() == SpooledEventCodec.END.length() && SpooledEventCodec.END.equals(frame.text())) {
            finished = true;
            delegate.finish();
            return true;
        }
        return delegate.send(frame);
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Identity identity() {
        return delegate.identity();
    }

    @Override
    public boolean isBackedUp() {
        return delegate.isBackedUp();
    }

    @Override
    public void close(Refusal refusal, String reason) {
        delegate.close(refusal, reason);
    }

    @Override
    public void finish() {
        finished = true;
        delegate.finish();
    }
}
