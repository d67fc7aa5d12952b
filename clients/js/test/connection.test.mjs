import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import WebSocket from 'ws';

import { StreamGateConnection, geonicdb, haltless, skyspy, spatialflow, spooled } from '../dist/index.js';
import { FakeGateway, next } from './fake-gateway.mjs';

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
    connection = new StreamGateConnection({ url: gateway.url, dialect, WebSocket, backoff: { initialMs: 20, maxMs: 100 },
        random: () => 0.5, ...options });
    return connection;
}

const safety = (id, eventId) => ({ type: 'safety:event', data: { id, event_type: 'TCAS_RA' }, event_id: eventId });

test('a batch frame arrives as its messages, in order; heartbeats are not messages', async () => {
    connect(skyspy({ channel: 'aircraft' })).connect();
    const seen = [];
    connection.on('message', (m) => seen.push(m.data.hex));
    const heartbeats = [];
    connection.on('heartbeat', (m) => heartbeats.push(m.type));
    const client = await gateway.until(() => gateway.connections[0], 'a connection');
    client.socket.send(JSON.stringify({ type: 'batch', messages: [
        { type: 'aircraft:update', data: { hex: 'a' } }, { type: 'aircraft:update', data: { hex: 'b' } },
        { type: 'aircraft:heartbeat', count: 2 }, { type: 'aircraft:update', data: { hex: 'c' } }] }));
    client.socket.send(JSON.stringify({ type: 'pong' }));
    await next(connection, 'heartbeat', (m) => m.type === 'pong');
    assert.deepEqual(seen, ['a', 'b', 'c']);
    assert.deepEqual(heartbeats, ['aircraft:heartbeat', 'pong']);
});

test('after a drop it reconnects with back-off and resumes from the last event id it saw', async () => {
    connect(skyspy({ channel: 'safety' }), { token: 'jwt-1' }).connect();
    const reconnecting = [];
    connection.on('reconnecting', (r) => reconnecting.push(r));
    const first = await gateway.until(() => gateway.connections[0], 'the first connection');
    assert.equal(first.url.pathname, '/ws/safety/');
    assert.equal(first.url.searchParams.get('last_event_id'), null);
    assert.deepEqual(first.protocols, ['access_token', 'jwt-1'], 'the token travels as a subprotocol, not in the URL');
    first.socket.send(JSON.stringify(safety(1, 'e1')));
    first.socket.send(JSON.stringify(safety(2, 'e2')));
    await next(connection, 'message', (m) => m.data.id === 2);
    first.socket.terminate();
    const second = await gateway.until(() => gateway.connections[1], 'the reconnect');
    assert.deepEqual(second.url.searchParams.getAll('last_event_id'), ['e2']);
    // random 0.5 × the first ceiling (20 ms): the back-off was reset by the messages of the first connection.
    assert.deepEqual(reconnecting.map((r) => r.delayMs), [10]);
    const [open] = await next(connection, 'open');
    assert.equal(open.resumed, true);
});

test('failed attempts back off with growing ceilings and a working connection resets them', async () => {
    gateway.onConnection = (c) => c.socket.close(1011, 'broken');
    connect(skyspy(), { transport: 'websocket' }).connect();
    const delays = [];
    connection.on('reconnecting', (r) => delays.push(r.delayMs));
    await gateway.until(() => gateway.connections.length >= 5, 'five attempts');
    assert.deepEqual(delays.slice(0, 4), [10, 20, 40, 50], 'ceilings 20, 40, 80, then the 100 ms cap');
    gateway.onConnection = (c) => c.socket.send(JSON.stringify({ type: 'aircraft:update', data: { hex: 'a' } }));
    await next(connection, 'message');
    const worked = gateway.connections.at(-1);
    delays.length = 0;
    worked.socket.terminate();
    await next(connection, 'reconnecting');
    assert.deepEqual(delays, [10]);
});

test('SkySpy /ws/all/ resumes each topic from its own last id', async () => {
    connect(skyspy({ channel: 'all' })).connect();
    const first = await gateway.until(() => gateway.connections[0], 'a connection');
    first.socket.send(JSON.stringify(safety(1, 'safety-7')));
    first.socket.send(JSON.stringify({ type: 'acars:message', data: { id: 1 }, event_id: 'acars-3' }));
    first.socket.send(JSON.stringify(safety(2, 'safety-8')));
    await next(connection, 'message', (m) => m.data.id === 2);
    first.socket.terminate();
    const second = await gateway.until(() => gateway.connections[1], 'the reconnect');
    assert.deepEqual(second.url.searchParams.getAll('last_event_id').sort(), ['acars-3', 'safety-8']);
});

test('4001 calls refreshToken and reconnects with the new token', async () => {
    let refreshed = 0;
    connect(spatialflow({ channel: 'geofence' }), { token: 'old', refreshToken: async () => `new-${++refreshed}` })
        .connect();
    const first = await gateway.until(() => gateway.connections[0], 'a connection');
    assert.equal(first.url.pathname, '/ws/events/geofence/');
    first.socket.close(4001, 'token expired');
    const second = await gateway.until(() => gateway.connections[1], 'the reconnect');
    assert.equal(refreshed, 1);
    assert.deepEqual(second.protocols, ['access_token', 'new-1']);
});

test('4001 without a refreshToken hook stops instead of retrying the same token', async () => {
    connect(skyspy(), { token: 'expired' }).connect();
    const first = await gateway.until(() => gateway.connections[0], 'a connection');
    const stopped = next(connection, 'stopped');
    first.socket.close(4001, 'token expired');
    const [info] = await stopped;
    assert.equal(info.code, 4001);
    assert.equal(connection.state, 'stopped');
    assert.equal(gateway.connections.length, 1);
});

test('a refreshed token that is refused again stops: no refresh loop', async () => {
    let refreshed = 0;
    gateway.onConnection = (c) => c.socket.close(4001, 'refused');
    connect(skyspy(), { token: 'bad', refreshToken: async () => `still-bad-${++refreshed}` }).connect();
    const [info] = await next(connection, 'stopped');
    assert.equal(info.code, 4001);
    assert.equal(refreshed, 1);
    assert.equal(gateway.connections.length, 2);
});

for (const code of [4003, 4004]) {
    test(`${code} stops for good`, async () => {
        connect(spatialflow({ channel: 'workflow', workflowId: 'wf-404' }), { token: 't' }).connect();
        const first = await gateway.until(() => gateway.connections[0], 'a connection');
        assert.equal(first.url.pathname, '/ws/workflows/wf-404/');
        const stopped = next(connection, 'stopped');
        first.socket.close(code, 'no');
        assert.equal((await stopped)[0].code, code);
        assert.equal(connection.state, 'stopped');
        assert.equal(gateway.connections.length, 1);
    });
}

test('the dialect\'s ping goes out on its interval, and a silent socket is replaced', async () => {
    connect(geonicdb({ tenant: 'smartcity' }), { pingIntervalMs: 30, idleTimeoutMs: 300 }).connect();
    const first = await gateway.until(() => gateway.connections[0], 'a connection');
    assert.equal(first.url.pathname, '/');
    assert.equal(first.url.searchParams.get('tenant'), 'smartcity');
    await gateway.until(() => first.received.filter((f) => f === '{"action":"ping"}').length >= 2, 'two pings');
    // The fake never answers: after the idle timeout the client gives up on this socket and opens another.
    const second = await gateway.until(() => gateway.connections[1], 'a replacement connection', 3000);
    assert.ok(second);
});

test('Haltless gets the raw token as the first frame; GeonicDB its filter', async () => {
    connect(haltless(), { token: 'raw-jwt' }).connect();
    const h = await gateway.until(() => gateway.connections[0], 'the Haltless connection');
    assert.equal(h.url.pathname, '/api/v1/ws/dashboard');
    await gateway.until(() => h.received.length > 0, 'the token frame');
    assert.equal(h.received[0], 'raw-jwt');
    assert.equal(h.protocols, undefined);
    connection.close();
    connect(geonicdb({ tenant: 't', entityTypes: ['Room'], idPattern: '^urn:' }), { token: 'g' }).connect();
    const g = await gateway.until(() => gateway.connections[1], 'the GeonicDB connection');
    await gateway.until(() => g.received.length > 0, 'the subscribe frame');
    assert.deepEqual(JSON.parse(g.received[0]), { action: 'subscribe', entityTypes: ['Room'], idPattern: '^urn:' });
    assert.deepEqual(g.protocols, ['access_token', 'g']);
});

test('Spooled carries the token and filters in the query, as its SDKs do', async () => {
    connect(spooled({ queue: 'emails', events: ['job.*'] }), { token: 'sk_test_1' }).connect();
    const s = await gateway.until(() => gateway.connections[0], 'the Spooled connection');
    assert.equal(s.url.pathname, '/api/v1/ws');
    assert.equal(s.url.searchParams.get('token'), 'sk_test_1');
    assert.equal(s.url.searchParams.get('queue'), 'emails');
    assert.equal(s.url.searchParams.get('events'), 'job.*');
    s.socket.send(JSON.stringify({ type: 'Ping', data: {} }));
    s.socket.send(JSON.stringify({ type: 'QueueStats', data: { queue_name: 'emails', pending: 1 } }));
    const [message] = await next(connection, 'message');
    assert.equal(message.type, 'QueueStats');
});

test('send() writes to the open socket and says false when there is none', async () => {
    connect(skyspy({ channel: 'safety' }));
    assert.equal(connection.send({ action: 'ping' }), false);
    connection.connect();
    await next(connection, 'open');
    const client = gateway.connections[0];
    assert.equal(connection.send({ action: 'request', type: 'acknowledge', request_id: 'r1', params: { event_id: 5 } }), true);
    await gateway.until(() => client.received.length > 0, 'the request');
    assert.equal(JSON.parse(client.received[0]).type, 'acknowledge');
});
