/** Exponential back-off with full jitter: each delay is uniform in [0, min(max, initial × factor^attempt)). */
export interface BackoffOptions {
    /** The ceiling of the first delay (default 500 ms). */
    initialMs?: number;
    /** No delay's ceiling goes beyond this (default 30 s). */
    maxMs?: number;
    /** Growth of the ceiling per failed attempt (default 2). */
    factor?: number;
}

export class Backoff {
    private attempt = 0;
    private readonly initialMs: number;
    private readonly maxMs: number;
    private readonly factor: number;

    /** @param random a source of numbers in [0, 1): inject a seeded one in tests */
    constructor(options: BackoffOptions = {}, private readonly random: () => number = Math.random) {
        this.initialMs = options.initialMs ?? 500;
        this.maxMs = options.maxMs ?? 30_000;
        this.factor = options.factor ?? 2;
        if (!(this.initialMs > 0) || !(this.maxMs >= this.initialMs) || !(this.factor >= 1)) {
            throw new RangeError('backoff needs initialMs > 0, maxMs >= initialMs and factor >= 1');
        }
    }

    /** The ceiling of the next delay, before jitter. */
    ceiling(): number {
        return Math.min(this.maxMs, this.initialMs * Math.pow(this.factor, this.attempt));
    }

    /** The delay before the next attempt; every call counts one more failure. */
    next(): number {
        const delay = Math.floor(this.random() * this.ceiling());
        this.attempt++;
        return delay;
    }

    /** How many delays were handed out since the last reset. */
    get attempts(): number {
        return this.attempt;
    }

    /** After a connection that worked: the next failure starts from the first delay again. */
    reset(): void {
        this.attempt = 0;
    }
}
