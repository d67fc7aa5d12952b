import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Backoff } from '../dist/index.js';
import { seeded } from './fake-gateway.mjs';

test('each delay is drawn uniformly below a ceiling that doubles up to the maximum', () => {
    const draws = [];
    const random = seeded(7);
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, () => {
        const r = random();
        draws.push(r);
        return r;
    });
    const ceilings = [];
    const delays = [];
    for (let i = 0; i < 6; i++) {
        ceilings.push(backoff.ceiling());
        delays.push(backoff.next());
    }
    assert.deepEqual(ceilings, [100, 200, 400, 800, 1000, 1000]);
    assert.deepEqual(delays, draws.map((r, i) => Math.floor(r * ceilings[i])));
    assert.ok(delays.every((d, i) => d >= 0 && d < ceilings[i]));
});

test('full jitter spreads clients over the whole window, not around its middle', () => {
    const backoff = new Backoff({ initialMs: 1000, maxMs: 1000 }, seeded(42));
    const delays = Array.from({ length: 2000 }, () => backoff.next());
    assert.ok(Math.min(...delays) < 50, `smallest ${Math.min(...delays)}`);
    assert.ok(Math.max(...delays) > 950, `largest ${Math.max(...delays)}`);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    assert.ok(Math.abs(mean - 500) < 30, `mean ${mean}`);
});

test('a reset starts again from the first ceiling', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 10_000 }, () => 0.5);
    backoff.next();
    backoff.next();
    assert.equal(backoff.ceiling(), 400);
    backoff.reset();
    assert.equal(backoff.attempts, 0);
    assert.equal(backoff.next(), 50);
});

test('nonsensical settings are refused', () => {
    assert.throws(() => new Backoff({ initialMs: 0 }), RangeError);
    assert.throws(() => new Backoff({ initialMs: 100, maxMs: 50 }), RangeError);
    assert.throws(() => new Backoff({ factor: 0.5 }), RangeError);
});
