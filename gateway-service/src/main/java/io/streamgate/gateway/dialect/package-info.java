/**
 * The dialect SPI. A dialect is a codec over the engine: it declares its {@link Endpoint}s, the
 * {@link CloseCodes} its clients expect for each {@link io.streamgate.gateway.engine.Refusal}, how long
 * a silent client may live, and per endpoint a {@link Channel} that subscribes an admitted session to
 * the views and answers its messages. Everything else — the upgrade, credentials and admission,
 * heartbeats, idle and token-expiry closes, frame limits, outbound budgets, SSE framing and
 * {@code Last-Event-ID} — belongs to the transports in {@code gateway.transport}.
 */
package io.streamgate.gateway.dialect;
