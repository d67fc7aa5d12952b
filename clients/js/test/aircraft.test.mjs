import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';

import { AircraftState, StreamGateConnection, skyspy } from '../dist/index.js';
import { FakeGateway, next, seeded } from './fake-gateway.mjs';

/** What the gateway does per tick: only the fields that changed since the last shipped state, null for gone ones. */
function delta(before, after) {
    const changes = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (key === 'hex') continue;
        if (!(key in after)) changes[key] = null;
        else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
    }
    return changes;
}

function randomAircraft(random, hex) {
    const aircraft = { hex, flight: `TST${Math.floor(random() * 900 + 100)}`, lat: 47 + random(), lon: 8 + random(),
        alt_baro: Math.floor(random() * 40000), gs: Math.floor(random() * 500), track: Math.floor(random() * 360) };
    if (random() < 0.3) aircraft.squawk = '7700';
    return aircraft;
}

/** One random step of the server's picture: move, change or drop fields, add and remove aircraft. */
function step(random, server) {
    const messages = [];
    for (const [hex, current] of [...server]) {
        const roll = random();
        if (roll < 0.05) {
            server.delete(hex);
            messages.push({ type: 'aircraft:remove', data: { hex, reason: 'timeout' } });
            continue;
        }
        const next = { ...current, lat: current.lat + (random() - 0.5) / 100, lon: current.lon + (random() - 0.5) / 100 };
        if (roll < 0.2) next.alt_baro = random() < 0.5 ? 'ground' : Math.floor(random() * 40000);
        if (roll > 0.9) delete next.squawk; else if (roll > 0.8) next.squawk = '7600';
        if (roll > 0.95) next.stale = true;
        server.set(hex, next);
        messages.push({ type: 'aircraft:delta', data: { hex, changes: delta(current, next) } });
    }
    if (random() < 0.5) {
        const hex = Math.floor(random() * 0xffffff).toString(16).padStart(6, '0');
        if (!server.has(hex)) {
            const aircraft = randomAircraft(random, hex);
            server.set(hex, aircraft);
            messages.push({ type: 'aircraft:new', data: aircraft });
        }
    }
    return messages;
}

let gateway;
before(async () => {
    gateway = await new FakeGateway().start();
});
after(() => gateway.stop());

test('snapshot and deltas, batched as the gateway ships them, end in exactly the server\'s picture', async () => {
    const random = seeded(2026);
    const server = new Map();
    for (let i = 0; i < 40; i++) {
        const hex = (0x3c0000 + i).toString(16);
        server.set(hex, randomAircraft(random, hex));
    }
    const state = new AircraftState();
    const connection = new StreamGateConnection({ url: gateway.url, dialect: skyspy({ delta: true }), WebSocket });
    connection.on('message', (message) => state.apply(message));
    connection.connect();
    const client = await gateway.until(() => gateway.connections[0], 'the connection');
    assert.equal(client.url.pathname, '/ws/aircraft/');
    assert.equal(client.url.searchParams.get('mode'), 'delta');
    client.socket.send(JSON.stringify({ type: 'aircraft:snapshot', data: { aircraft: [...server.values()], count: server.size } }));
    for (let tick = 0; tick < 50; tick++) {
        const messages = step(random, server);
        for (let i = 0; i < messages.length; i += 50) {
            client.socket.send(JSON.stringify({ type: 'batch', messages: messages.slice(i, i + 50) }));
        }
    }
    client.socket.send(JSON.stringify({ type: 'aircraft:heartbeat', count: server.size }));
    await next(connection, 'heartbeat');
    const byHex = (list) => Object.fromEntries(list.map((a) => [a.hex, a]));
    assert.deepEqual(byHex(state.all()), Object.fromEntries(server));
    assert.ok(state.all().some((a) => a.alt_baro === 'ground'), 'the walk reaches "ground"');
    connection.close();
});

test('a delta for a field that disappeared removes it; a new snapshot replaces everything', () => {
    const state = new AircraftState();
    state.apply({ type: 'aircraft:snapshot', data: { aircraft: [{ hex: 'a', squawk: '7700', lat: 1 }, { hex: 'b' }] } });
    state.apply({ type: 'aircraft:delta', data: { hex: 'a', changes: { squawk: null, lat: 2 } } });
    assert.deepEqual(state.get('a'), { hex: 'a', lat: 2 });
    state.apply({ type: 'aircraft:snapshot', data: { aircraft: [{ hex: 'c' }] } });
    assert.deepEqual(state.all(), [{ hex: 'c' }]);
    assert.equal(state.apply({ type: 'safety:event', data: {} }), undefined);
});
