package io.streamgate.gateway.engine;

import io.streamgate.platform.identity.Identity;

/**
 * A session that passes everything to another one; a decorator overrides what it changes (the frames it
 * rewrites, the end it decides). The decorator, not the delegate, is what the views subscribe.
 */
public abstract class ForwardingSession implements Session {

    protected final Session delegate;

    protected ForwardingSession(Session delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean send(Frame frame) {
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
        delegate.finish();
    }
}
