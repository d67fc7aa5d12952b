import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { EventSource } from 'eventsource';
import WebSocket from 'ws';

import { StreamGateConnection, geonicdb, haltless, skyspy } from '../dist/index.js';
import { FakeGateway, next, sseFrame } from './fake-gateway.mjs';

let gateway;
let connection;
beforeEach(async () => {
    gateway = await new FakeGateway().start();
});
afterEach(async () => {
    connection?.close();
    await gateway.stop();
});

function connect(dialect, options = {}) {
    connection = new StreamGateConnection({ url: gateway.url, dialect, WebSocket, EventSource,
        backoff: { initialMs: 20, maxMs: 100 }, random: () => 0.5, ...options });
    return connection;
}

test('when the WebSocket cannot be opened it falls back to SSE, token in the query, named events read', async () => {
    gateway.refuseWebSockets = true;
    connect(haltless(), { token: 'jwt' });
    const fallback = next(connection, 'fallback');
    connection.connect();
    assert.deepEqual((await fallback)[0], { from: 'websocket', to: 'sse' });
    const stream = await gateway.until(() => gateway.streams[0], 'the event stream');
    assert.equal(stream.url.pathname, '/api/v1/sse/dashboard');
    assert.equal(stream.url.searchParams.get('token'), 'jwt');
    stream.response.write(sseFrame(null, 'heartbeat', { type: 'heartbeat', server_time: 'now' }));
    stream.response.write(sseFrame('m1', 'machine_status', { type: 'machine_status', machine_id: 'press-7', new_status: 'warning' }));
    stream.response.write(sseFrame(null, 'sensor_update', { type: 'sensor_update', machine_id: 'press-7', value: 73.2 }));
    const types = [];
    connection.on('message', (m, meta) => types.push([m.type, meta.transport, meta.eventId]));
    await next(connection, 'message', (m) => m.type === 'sensor_update');
    assert.deepEqual(types, [['machine_status', 'sse', 'm1'], ['sensor_update', 'sse', undefined]]);
    assert.equal(connection.transport, 'sse');
});

test('a dropped event stream reconnects with back-off and resumes from the last id', async () => {
    connect(skyspy({ channel: 'safety' }), { transport: 'sse' }).connect();
    const first = await gateway.until(() => gateway.streams[0], 'the first stream');
    assert.equal(first.url.pathname, '/sse/safety/');
    first.response.write(sseFrame('s1', 'safety:event', { type: 'safety:event', data: { id: 1 }, event_id: 's1' }));
    first.response.write(sseFrame('s2', 'safety:event', { type: 'safety:event', data: { id: 2 }, event_id: 's2' }));
    await next(connection, 'message', (m) => m.data.id === 2);
    const reconnecting = next(connection, 'reconnecting');
    first.response.destroy();
    assert.equal((await reconnecting)[0].delayMs, 10);
    const second = await gateway.until(() => gateway.streams[1], 'the resumed stream');
    assert.deepEqual(second.url.searchParams.getAll('last_event_id'), ['s2']);
});

test('ids from the SSE id: line are resumed too (GeonicDB events carry no id in their JSON)', async () => {
    connect(geonicdb({ tenant: 'smartcity' }), { transport: 'sse', token: 't' }).connect();
    const first = await gateway.until(() => gateway.streams[0], 'the first stream');
    assert.equal(first.url.pathname, '/sse/entities');
    assert.equal(first.url.searchParams.get('tenant'), 'smartcity');
    first.response.write(`id: g9\ndata: ${JSON.stringify({ type: 'entityUpdated', entityId: 'urn:1' })}\n\n`);
    const [message, meta] = await next(connection, 'message');
    assert.equal(message.entityId, 'urn:1');
    assert.equal(meta.eventId, 'g9');
    first.response.destroy();
    const second = await gateway.until(() => gateway.streams[1], 'the resumed stream');
    assert.deepEqual(second.url.searchParams.getAll('last_event_id'), ['g9']);
});

test('the gateway\'s final close event is acted on like a close code: 4001 refreshes', async () => {
    connect(haltless(), { transport: 'sse', token: 'old', refreshToken: async () => 'fresh' }).connect();
    const first = await gateway.until(() => gateway.streams[0], 'the first stream');
    first.response.write(sseFrame(null, 'close', { code: 4001, reason: 'token expired' }));
    const second = await gateway.until(() => gateway.streams[1], 'the stream with the new token');
    assert.equal(second.url.searchParams.get('token'), 'fresh');
});

test('a close event with 4003 stops the stream for good', async () => {
    connect(skyspy({ channel: 'alerts' }), { transport: 'sse' }).connect();
    const first = await gateway.until(() => gateway.streams[0], 'the stream');
    const stopped = next(connection, 'stopped');
    first.response.write(sseFrame(null, 'close', { code: 4003, reason: 'forbidden' }));
    assert.equal((await stopped)[0].code, 4003);
    assert.equal(gateway.streams.length, 1);
});

test('a channel without an SSE endpoint refuses transport: sse at once', () => {
    assert.throws(() => new StreamGateConnection({ url: 'http://x', dialect: skyspy({ channel: 'all' }), transport: 'sse' }),
        /no Server-Sent Events endpoint/);
});

test('when the gateway is away altogether it alternates WebSocket and SSE with back-off, and takes whichever opens', async () => {
    gateway.refuseWebSockets = true;
    gateway.refuseStreams = 2;
    connect(skyspy({ channel: 'safety' }), { backoff: { initialMs: 20, maxMs: 40 } });
    const transports = [];
    connection.on('reconnecting', (r) => transports.push(r.transport));
    connection.connect();
    await gateway.until(() => gateway.refusedStreams >= 2, 'two refused streams');
    gateway.refuseWebSockets = false;
    const ws = await gateway.until(() => gateway.connections[0], 'the WebSocket once the gateway is back');
    assert.equal(ws.url.pathname, '/ws/safety/');
    const [open] = await next(connection, 'open');
    assert.equal(open.transport, 'websocket');
    assert.ok(transports.length >= 1 && transports.every((t) => t === 'websocket'),
        `after a failed stream the next try is a WebSocket: ${transports}`);
});
