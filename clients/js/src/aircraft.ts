import type { Message } from './dialect.js';

/** A SkySpy aircraft object (readsb spellings); only `hex` is always there. */
export interface Aircraft {
    hex: string;
    flight?: string;
    lat?: number;
    lon?: number;
    alt_baro?: number | 'ground';
    alt_geom?: number;
    gs?: number;
    track?: number;
    true_heading?: number;
    squawk?: string;
    emergency?: string;
    category?: string;
    stale?: boolean;
    [field: string]: unknown;
}

export type AircraftChange =
    | { kind: 'snapshot'; count: number }
    | { kind: 'upsert'; aircraft: Aircraft }
    | { kind: 'remove'; hex: string };

/**
 * The picture SkySpy's aircraft messages describe, kept exactly as the server holds it: a snapshot
 * replaces everything, `aircraft:new`/`update` replace one object, `aircraft:delta` patches the fields it
 * names (null removes a field), `aircraft:remove` drops one. Feed it every message (batches unwrapped, as
 * the connection does); other messages are ignored.
 */
export class AircraftState {
    private readonly byHex = new Map<string, Aircraft>();

    /** Applies one message; returns what changed, or undefined when the message is not about aircraft. */
    apply(message: Message): AircraftChange | undefined {
        const data = message.data as Record<string, unknown> | undefined;
        switch (message.type) {
            case 'aircraft:snapshot': {
                this.byHex.clear();
                const list = Array.isArray(data?.aircraft) ? (data!.aircraft as Aircraft[]) : [];
                for (const aircraft of list) {
                    if (typeof aircraft?.hex === 'string') {
                        this.byHex.set(aircraft.hex, { ...aircraft });
                    }
                }
                return { kind: 'snapshot', count: this.byHex.size };
            }
            case 'aircraft:new':
            case 'aircraft:update': {
                const aircraft = data as Aircraft | undefined;
                if (typeof aircraft?.hex !== 'string') {
                    return undefined;
                }
                const copy = { ...aircraft };
                this.byHex.set(copy.hex, copy);
                return { kind: 'upsert', aircraft: copy };
            }
            case 'aircraft:delta': {
                const hex = data?.hex;
                const changes = data?.changes as Record<string, unknown> | undefined;
                if (typeof hex !== 'string' || typeof changes !== 'object' || changes === null) {
                    return undefined;
                }
                const next: Aircraft = { ...(this.byHex.get(hex) ?? { hex }) };
                for (const [field, value] of Object.entries(changes)) {
                    if (value === null) {
                        delete next[field];
                    } else {
                        next[field] = value;
                    }
                }
                next.hex = hex;
                this.byHex.set(hex, next);
                return { kind: 'upsert', aircraft: next };
            }
            case 'aircraft:remove': {
                const hex = data?.hex;
                if (typeof hex !== 'string') {
                    return undefined;
                }
                this.byHex.delete(hex);
                return { kind: 'remove', hex };
            }
            default:
                return undefined;
        }
    }

    get(hex: string): Aircraft | undefined {
        return this.byHex.get(hex);
    }

    get size(): number {
        return this.byHex.size;
    }

    /** Every aircraft, as the server holds it. */
    all(): Aircraft[] {
        return [...this.byHex.values()];
    }

    clear(): void {
        this.byHex.clear();
    }
}
