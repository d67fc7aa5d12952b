import type { CloseAction, Dialect, Message } from './dialect.js';

/** SkySpy channels: `/ws/<channel>/`; those with a Server-Sent Events fallback at `/sse/<channel>/`. */
export type SkySpyChannel = 'aircraft' | 'all' | 'safety' | 'alerts' | 'acars' | 'notams' | 'audio'
    | 'airspace' | 'stats' | 'cannonball';

const SKYSPY_SSE: ReadonlySet<SkySpyChannel> = new Set<SkySpyChannel>(['aircraft', 'safety', 'alerts', 'acars',
    'notams', 'audio', 'airspace', 'stats']);

const SKYSPY_EVENTS = ['aircraft:snapshot', 'aircraft:new', 'aircraft:update', 'aircraft:delta', 'aircraft:remove',
    'aircraft:heartbeat', 'batch', 'safety:snapshot', 'safety:event', 'alert:triggered', 'alert:acknowledged',
    'acars:message', 'notams:new', 'notams:tfr_new', 'audio:transcription_completed', 'airspace:advisory',
    'stats.subscribed', 'stats.update', 'stream:gap', 'error'];

export interface SkySpyOptions {
    channel?: SkySpyChannel;
    /** `?mode=delta`: `aircraft:delta` with the changed fields only (merge them with `AircraftState`). */
    delta?: boolean;
    /** `/sse/stats/?stat_types=`. */
    statTypes?: string[];
}

/** SkySpy (aircraft, safety, alerts…): JSON `{type, data}` messages, `batch` frames, `event_id` resume. */
export function skyspy(options: SkySpyOptions = {}): Dialect {
    const channel = options.channel ?? 'aircraft';
    const query = {
        mode: options.delta ? 'delta' : undefined,
        stat_types: options.statTypes?.join(','),
    };
    return {
        name: 'skyspy',
        webSocket: { path: `/ws/${channel}/`, query, auth: 'subprotocol', resume: true },
        sse: SKYSPY_SSE.has(channel) ? { path: `/sse/${channel}/`, query, events: SKYSPY_EVENTS } : undefined,
        ping: JSON.stringify({ action: 'ping' }),
        isHeartbeat: (m: Message) => m.type === 'pong' || m.type === 'aircraft:heartbeat',
        // One id per topic: `safety:event` and `acars:message` resume from their own positions.
        resumeKey: (m: Message) => m.type.split(/[:.]/)[0],
    };
}

export interface HaltlessOptions {
    path?: string;
}

/** Haltless (machines and sensors): the token is the first text frame; resume only over SSE. */
export function haltless(_options: HaltlessOptions = {}): Dialect {
    return {
        name: 'haltless',
        webSocket: { path: '/api/v1/ws/dashboard', auth: 'first-message', resume: false },
        sse: {
            path: '/api/v1/sse/dashboard',
            events: ['heartbeat', 'sensor_update', 'sensor_snapshot', 'alert', 'machine_status', 'error', 'gap'],
        },
        // The guide's server answers any frame after the token with an error; its pings keep us alive.
        ping: undefined,
        isHeartbeat: (m: Message) => m.type === 'heartbeat',
        closeAction: (code: number): CloseAction | undefined =>
            // 4002: the token came too late; 4003: too many sockets still authenticating from this address —
            // both pass, so back off and try again instead of giving up.
            code === 4002 || code === 4003 ? 'reconnect' : undefined,
    };
}

export interface SpooledOptions {
    queue?: string;
    jobId?: string;
    /** Dotted event names (`job.*`, `queue.stats`). */
    events?: string[];
}

/** Spooled (job queues): `?token=` as Spooled's SDKs send it; `{"cmd":"Ping"}` answered by a `Ping` event. */
export function spooled(options: SpooledOptions = {}): Dialect {
    const query = { queue: options.queue, job_id: options.jobId, events: options.events?.join(',') };
    return {
        name: 'spooled',
        webSocket: { path: '/api/v1/ws', query, auth: 'query', resume: false },
        sse: {
            path: '/api/v1/events',
            query,
            events: ['job.created', 'job.status', 'job.completed', 'job.failed', 'queue.stats', 'worker.registered',
                'worker.heartbeat', 'worker.deregistered', 'system.health', 'ping', 'error'],
        },
        ping: JSON.stringify({ cmd: 'Ping' }),
        isHeartbeat: (m: Message) => m.type === 'Ping',
    };
}

export interface GeonicDbOptions {
    tenant: string;
    entityTypes?: string[];
    idPattern?: string;
}

/** GeonicDB (NGSI entities): the WebSocket at the service root, `?tenant=`, a `subscribe` filter. */
export function geonicdb(options: GeonicDbOptions): Dialect {
    if (!options || !options.tenant) {
        throw new TypeError('geonicdb needs a tenant');
    }
    const filtered = options.entityTypes !== undefined || options.idPattern !== undefined;
    return {
        name: 'geonicdb',
        webSocket: { path: '/', query: { tenant: options.tenant }, auth: 'subprotocol', resume: false },
        sse: {
            path: '/sse/entities',
            query: { tenant: options.tenant, entityTypes: options.entityTypes?.join(','), idPattern: options.idPattern },
            events: [],
        },
        opening: () => filtered
            ? [JSON.stringify({ action: 'subscribe', entityTypes: options.entityTypes, idPattern: options.idPattern })]
            : [],
        ping: JSON.stringify({ action: 'ping' }),
        isHeartbeat: (m: Message) => m.type === 'pong',
        // GeonicDB refuses every credential problem with 1008: a fresh token is worth one try (the connection
        // stops if the next attempt is refused again before any message arrived).
        closeAction: (code: number): CloseAction | undefined => (code === 1008 ? 'refresh' : undefined),
    };
}

export type SpatialFlowChannel =
    | { channel: 'dashboard' }
    | { channel: 'geofence' }
    | { channel: 'webhooks' }
    | { channel: 'workflow'; workflowId: string }
    | { channel: 'execution'; workflowId: string; executionId: string };

function spatialFlowPath(options: SpatialFlowChannel): string {
    switch (options.channel) {
        case 'dashboard':
            return 'dashboard/events/';
        case 'geofence':
            return 'events/geofence/';
        case 'webhooks':
            return 'webhooks/status/';
        case 'workflow':
            return `workflows/${encodeURIComponent(options.workflowId)}/`;
        case 'execution':
            return `workflows/${encodeURIComponent(options.workflowId)}/executions/${encodeURIComponent(options.executionId)}/`;
    }
}

/** SpatialFlow (geofences, workflows): `access_token` subprotocol, `{"type":"ping"}`, 4003/4004 final. */
export function spatialflow(options: SpatialFlowChannel = { channel: 'dashboard' }): Dialect {
    const path = spatialFlowPath(options);
    return {
        name: 'spatialflow',
        webSocket: { path: `/ws/${path}`, auth: 'subprotocol', resume: true },
        sse: {
            path: `/sse/${path}`,
            events: ['dashboard_update', 'new_event', 'geofence_event', 'workflow_status', 'workflow_update',
                'execution_update', 'execution_snapshot', 'step_update', 'webhook_status', 'gap', 'error'],
        },
        ping: JSON.stringify({ type: 'ping' }),
        isHeartbeat: (m: Message) => m.type === 'pong',
    };
}
