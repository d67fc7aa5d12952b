import { AircraftState, StreamGateConnection, geonicdb, haltless, skyspy, spatialflow, spooled }
    from '/streamgate-client/index.js';
import { AircraftMap, altitudeColour, isEmergency } from './map.js';
import { Session, tenantOf } from './session.js';
import { Sparkline } from './sparkline.js';

const $ = (selector) => document.querySelector(selector);
const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (k === 'class') node.className = v;
        else if (k.startsWith('data-')) node.setAttribute(k, v);
        else node[k] = v;
    }
    node.append(...children.filter((c) => c !== undefined && c !== null));
    return node;
};
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '');
const TRAIL = 120;
const SAFETY_ROWS = 100;

// --- model: updated by messages at once, drawn at most once per animation frame ---------------------

const model = {
    aircraft: new AircraftState(),
    trails: new Map(),
    selected: undefined,
    safety: new Map(),
    safetyDeliveries: [],
    acknowledging: new Map(),
    geofence: { stats: undefined, events: [] },
    machines: new Map(),
    queues: new Map(),
    jobFailures: [],
    entities: new Map(),
};
const dirty = new Set();
let frameRequested = false;
function invalidate(panel) {
    dirty.add(panel);
    if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(render);
    }
}

// --- connections -------------------------------------------------------------------------------------

const session = new Session();
const connections = new Map();

function open(name, dialect, onMessage) {
    const connection = new StreamGateConnection({
        dialect,
        token: () => session.token(),
        refreshToken: () => session.refresh(),
    });
    connection.on('message', onMessage);
    const show = () => invalidate('status');
    for (const event of ['open', 'close', 'reconnecting', 'fallback', 'stopped']) {
        connection.on(event, show);
    }
    connection.on('stopped', (info) => console.warn(`${name} stopped: ${info.reason}`));
    connections.set(name, connection);
    connection.connect();
    return connection;
}

function start() {
    const token = session.token();
    $('#login').hidden = true;
    $('#app').hidden = false;
    const tenant = new URLSearchParams(location.search).get('tenant') || tenantOf(token);
    $('#tenant').textContent = tenant;

    open('aircraft', skyspy({ channel: 'aircraft', delta: true }), onAircraft);
    open('safety', skyspy({ channel: 'safety' }), onSafety);
    open('geofences', spatialflow({ channel: 'dashboard' }), onGeofence);
    open('machines', haltless(), onMachine);
    open('queues', spooled({ events: ['queue.stats', 'job.completed', 'job.failed'] }), onJob);
    open('entities', geonicdb({ tenant }), onEntity);
    invalidate('status');
}

function onAircraft(message) {
    const change = model.aircraft.apply(message);
    if (!change) return;
    if (change.kind === 'snapshot') {
        for (const hex of model.trails.keys()) {
            if (!model.aircraft.get(hex)) model.trails.delete(hex);
        }
        for (const a of model.aircraft.all()) addTrail(a);
    } else if (change.kind === 'upsert') {
        addTrail(change.aircraft);
    } else {
        model.trails.delete(change.hex);
    }
    invalidate('map');
}

function addTrail(a) {
    if (typeof a.lat !== 'number') return;
    let trail = model.trails.get(a.hex);
    if (!trail) model.trails.set(a.hex, (trail = []));
    const last = trail[trail.length - 1];
    if (!last || last[0] !== a.lon || last[1] !== a.lat) trail.push([a.lon, a.lat]);
    if (trail.length > TRAIL) trail.shift();
}

function onSafety(message, meta) {
    if (message.type === 'safety:snapshot') {
        for (const event of message.data?.events ?? []) upsertSafety(event);
        // The snapshot is the detector's record; who acknowledged what comes with the request's answer.
        connections.get('safety').send({ action: 'request', type: 'active_events', request_id: 'active', params: {} });
    } else if (message.type === 'response' && message.request_type === 'active_events') {
        for (const event of Array.isArray(message.data) ? message.data : []) {
            if (event.acknowledged && model.safety.get(event.id)) model.safety.get(event.id).acknowledged = true;
        }
    } else if (message.type === 'safety:event') {
        model.safetyDeliveries.push(meta.eventId);
        upsertSafety(message.data);
    } else if (message.type === 'response' && message.request_type === 'acknowledge') {
        const id = message.data?.event_id;
        model.acknowledging.delete(message.request_id);
        const event = model.safety.get(id);
        if (event) event.acknowledged = true;
    } else if (message.type === 'error' && model.acknowledging.has(message.request_id)) {
        const id = model.acknowledging.get(message.request_id);
        model.acknowledging.delete(message.request_id);
        const event = model.safety.get(id);
        if (event) event.ackError = message.message;
    } else {
        return;
    }
    invalidate('safety');
    invalidate('map');
}

function upsertSafety(event) {
    if (typeof event?.id !== 'number') return;
    const known = model.safety.get(event.id);
    // An episode's later records keep its acknowledgement: the acknowledgement is the operator's, not the feed's.
    model.safety.set(event.id, { ...event, acknowledged: event.acknowledged || known?.acknowledged || false });
    if (model.safety.size > SAFETY_ROWS) {
        const oldest = [...model.safety.values()].sort((a, b) => a.timestamp.localeCompare(b.timestamp))[0];
        model.safety.delete(oldest.id);
    }
}

let requests = 0;
function acknowledge(id) {
    const requestId = `ack-${++requests}`;
    model.acknowledging.set(requestId, id);
    const sent = connections.get('safety').send({ action: 'request', type: 'acknowledge', request_id: requestId,
        params: { event_id: id } });
    if (!sent) {
        model.acknowledging.delete(requestId);
        const event = model.safety.get(id);
        if (event) event.ackError = 'not connected';
    }
    invalidate('safety');
}

function onGeofence(message) {
    if (message.type === 'dashboard_update') {
        model.geofence.stats = message.stats;
        if (model.geofence.events.length === 0) {
            model.geofence.events = (message.recent_events ?? []).map((e) => ({ ...e, timestamp: message.timestamp }));
        }
    } else if (message.type === 'new_event') {
        model.geofence.events.unshift({ ...message.event, timestamp: message.timestamp });
        model.geofence.events.length = Math.min(model.geofence.events.length, 30);
    } else {
        return;
    }
    invalidate('geofences');
    invalidate('map');
}

function machine(id) {
    let m = model.machines.get(id);
    if (!m) model.machines.set(id, (m = { id, status: 'unknown', metrics: new Map(), alerts: [] }));
    return m;
}

function sensor(reading) {
    const m = machine(reading.machine_id);
    let metric = m.metrics.get(reading.metric_name);
    if (!metric) m.metrics.set(reading.metric_name, (metric = { unit: reading.unit, values: [], updates: 0 }));
    metric.values.push(reading.value);
    if (metric.values.length > 60) metric.values.shift();
    metric.last = reading.value;
    metric.updates++;
}

function onMachine(message) {
    switch (message.type) {
        case 'machine_status':
            machine(message.machine_id).status = message.new_status;
            break;
        case 'sensor_snapshot':
            for (const reading of message.readings ?? []) sensor(reading);
            break;
        case 'sensor_update':
            sensor(message);
            break;
        case 'alert': {
            const m = machine(message.machine_id);
            m.alerts.unshift(message);
            m.alerts.length = Math.min(m.alerts.length, 3);
            break;
        }
        default:
            return;
    }
    invalidate('machines');
}

function queue(name) {
    let q = model.queues.get(name);
    if (!q) model.queues.set(name, (q = { name, completedTimes: [], failures: 0 }));
    return q;
}

function onJob(message) {
    const data = message.data ?? {};
    switch (message.type) {
        case 'QueueStats':
            Object.assign(queue(data.queue_name), { pending: data.pending, processing: data.processing,
                completed: data.completed, failed: data.failed });
            break;
        case 'JobCompleted': {
            const q = queue(data.queue_name);
            q.completedTimes.push(Date.now());
            break;
        }
        case 'JobFailed':
            queue(data.queue_name).failures++;
            model.jobFailures.unshift(data);
            model.jobFailures.length = Math.min(model.jobFailures.length, 5);
            break;
        default:
            return;
    }
    invalidate('queues');
}

function onEntity(message) {
    if (message.type === 'entityDeleted') {
        model.entities.delete(message.entityId);
    } else if (message.type === 'entityCreated' || message.type === 'entityUpdated') {
        const known = model.entities.get(message.entityId);
        model.entities.set(message.entityId, {
            id: message.entityId, type: message.entityType,
            data: { ...(known?.data ?? {}), ...(message.data ?? {}) },
            changed: message.changedAttributes ?? Object.keys(message.data ?? {}), timestamp: message.timestamp,
        });
    } else {
        return;
    }
    invalidate('entities');
}

// --- rendering -----------------------------------------------------------------------------------------

let map;

function conflicts() {
    const pairs = new Map();
    for (const e of model.safety.values()) {
        if (e.active === false) continue;
        if (e.icao_hex) pairs.set(e.icao_hex, e.icao_hex_2);
        if (e.icao_hex_2) pairs.set(e.icao_hex_2, e.icao_hex);
    }
    return pairs;
}

function render() {
    frameRequested = false;
    const panels = new Set(dirty);
    dirty.clear();
    if (panels.has('map') || map.dirty) renderMap();
    if (panels.has('safety')) renderSafety();
    if (panels.has('geofences')) renderGeofences();
    if (panels.has('machines')) renderMachines();
    if (panels.has('queues')) renderQueues();
    if (panels.has('entities')) renderEntities();
    if (panels.has('status')) renderStatus();
    if (map.dirty) invalidate('map');
}

function renderMap() {
    const aircraft = model.aircraft.all();
    map.draw({ aircraft, conflicts: conflicts(), selected: model.selected,
        trail: model.selected && model.trails.get(model.selected), geofenceEvents: model.geofence.events });
    $('#aircraft-count').textContent = `${map.drawn.length} on the map · ${aircraft.length} tracked`;
    const emergencies = aircraft.filter(isEmergency).length;
    $('#emergency-count').textContent = emergencies ? `${emergencies} emergency` : '';
    renderDetail();
}

function renderDetail() {
    const panel = $('#detail');
    const a = model.selected && model.aircraft.get(model.selected);
    if (!a) {
        panel.replaceChildren(el('p', { class: 'muted' }, 'Click an aircraft for its details and recent track.'));
        return;
    }
    const row = (k, v) => el('tr', {}, el('th', {}, k), el('td', {}, v === undefined ? '—' : String(v)));
    panel.replaceChildren(
        el('h3', {}, el('span', { class: 'swatch', style: `background:${altitudeColour(a.alt_baro)}` }),
            (a.flight || a.hex).trim(), isEmergency(a) ? el('span', { class: 'badge critical' }, 'EMERGENCY') : undefined),
        el('table', { class: 'kv' },
            row('ICAO', a.hex), row('Altitude', a.alt_baro === 'ground' ? 'ground' : a.alt_baro && `${a.alt_baro} ft`),
            row('Speed', a.gs && `${Math.round(a.gs)} kt`), row('Track', a.track && `${Math.round(a.track)}°`),
            row('Squawk', a.squawk), row('Category', a.category),
            row('Position', typeof a.lat === 'number' ? `${a.lat.toFixed(4)}, ${a.lon.toFixed(4)}` : undefined),
            row('Track points', model.trails.get(a.hex)?.length ?? 0)));
    panel.dataset.hex = a.hex;
}

function renderSafety() {
    const events = [...model.safety.values()].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    const pending = new Set(model.acknowledging.values());
    $('#safety-count').textContent = `${events.filter((e) => e.active !== false).length} active`;
    $('#safety-list').replaceChildren(...events.map((e) => {
        const button = e.acknowledged
            ? el('span', { class: 'acked' }, '✓ acknowledged')
            : e.active === false ? undefined : el('button', { class: 'ack', disabled: pending.has(e.id), onclick: () => acknowledge(e.id) },
                pending.has(e.id) ? '…' : 'Acknowledge');
        return el('li', { 'data-icao': e.icao_hex ?? '', class: `safety ${e.severity} ${e.active === false ? 'ended' : ''} ${e.acknowledged ? 'acknowledged' : ''}`,
            'data-id': String(e.id), 'data-acknowledged': String(Boolean(e.acknowledged)) },
            el('div', { class: 'line' }, el('span', { class: `badge ${e.severity}` }, e.severity),
                el('b', {}, e.event_type), el('span', { class: 'muted' }, time(e.timestamp)),
                e.active === false ? el('span', { class: 'muted' }, 'ended') : undefined),
            el('div', { class: 'message' }, e.message ?? ''),
            el('div', { class: 'line' }, button, e.ackError ? el('span', { class: 'error' }, e.ackError) : undefined));
    }));
}

function renderGeofences() {
    const s = model.geofence.stats;
    $('#geofence-stats').replaceChildren(...(s ? [
        ['geofences', s.active_geofences], ['devices', s.active_devices], ['events today', s.events_today],
        ['entries', s.entries_today], ['exits', s.exits_today]].map(([k, v]) => el('div', { class: 'stat' },
        el('b', {}, String(v ?? 0)), el('span', {}, k))) : []));
    $('#geofence-list').replaceChildren(...model.geofence.events.slice(0, 12).map((e) =>
        el('li', { class: `geofence ${e.event_type}` }, el('span', { class: `badge ${e.event_type}` }, e.event_type),
            el('b', {}, e.device_id), ` ${e.event_type === 'entry' ? '→' : '←'} ${e.geofence_name}`,
            el('span', { class: 'muted' }, ` ${time(e.timestamp)}`))));
}

const sparklines = new Map();
function renderMachines() {
    const container = $('#machines');
    for (const m of [...model.machines.values()].sort((a, b) => a.id.localeCompare(b.id))) {
        let card = container.querySelector(`[data-machine="${CSS.escape(m.id)}"]`);
        if (!card) {
            card = el('div', { class: 'machine', 'data-machine': m.id }, el('h3', {}, m.id, el('span', { class: 'badge' })),
                el('div', { class: 'metrics' }), el('div', { class: 'alerts' }));
            container.append(card);
        }
        const badge = card.querySelector('h3 .badge');
        badge.className = `badge ${m.status}`;
        badge.textContent = m.status;
        const metrics = card.querySelector('.metrics');
        for (const [name, metric] of m.metrics) {
            const key = `${m.id}/${name}`;
            let row = metrics.querySelector(`[data-metric="${CSS.escape(name)}"]`);
            if (!row) {
                const canvas = el('canvas', { class: 'spark' });
                row = el('div', { class: 'metric', 'data-metric': name }, el('span', { class: 'name' }, name), canvas,
                    el('span', { class: 'value' }));
                metrics.append(row);
                sparklines.set(key, new Sparkline(canvas));
            }
            const spark = sparklines.get(key);
            spark.values = metric.values.slice();
            spark.draw(m.status === 'critical' ? '#ff453a' : m.status === 'warning' ? '#ffd60a' : '#64d2ff');
            row.dataset.updates = String(metric.updates);
            row.dataset.points = String(spark.points);
            row.querySelector('.value').textContent = `${Number(metric.last).toFixed(1)} ${metric.unit ?? ''}`;
        }
        card.querySelector('.alerts').replaceChildren(...m.alerts.map((a) =>
            el('div', { class: `alert ${a.severity}` }, `${a.severity}: ${a.message}`)));
    }
}

function renderQueues() {
    const now = Date.now();
    $('#queues').replaceChildren(...[...model.queues.values()].sort((a, b) => a.name.localeCompare(b.name)).map((q) => {
        q.completedTimes = q.completedTimes.filter((t) => now - t < 60_000);
        return el('tr', { 'data-queue': q.name }, el('td', {}, q.name), el('td', {}, String(q.pending ?? '—')),
            el('td', {}, String(q.processing ?? '—')), el('td', {}, String(q.completed ?? '—')),
            el('td', { class: q.failed ? 'error' : '' }, String(q.failed ?? '—')),
            el('td', {}, `${q.completedTimes.length}/min`));
    }));
    $('#job-failures').replaceChildren(...model.jobFailures.map((f) =>
        el('li', {}, el('b', {}, f.queue_name), ` ${f.job_id}: ${f.error} (attempt ${f.retry_count})`)));
}

function renderEntities() {
    const value = (attr) => {
        const v = attr && typeof attr === 'object' && 'value' in attr ? attr.value : attr;
        if (typeof v === 'number') return Math.round(v * 10) / 10;
        if (v && typeof v === 'object') {
            // GeoJSON points as coordinates, anything else as compact JSON.
            return Array.isArray(v.coordinates) ? v.coordinates.map((c) => Number(c).toFixed(4)).join(', ')
                : JSON.stringify(v).slice(0, 40);
        }
        return v;
    };
    $('#entities').replaceChildren(...[...model.entities.values()].sort((a, b) => a.id.localeCompare(b.id)).map((e) =>
        el('tr', { 'data-entity': e.id }, el('td', {}, e.id.replace('urn:ngsi-ld:', '')), el('td', {}, e.type),
            el('td', {}, ...Object.entries(e.data).map(([k, v]) => el('span', { class: e.changed.includes(k) ? 'attr changed' : 'attr' },
                `${k}=${value(v)}`))),
            el('td', { class: 'muted' }, time(e.timestamp)))));
}

function renderStatus() {
    $('#status').replaceChildren(...[...connections].map(([name, c]) =>
        el('span', { class: `chip ${c.state}`, 'data-connection': name, 'data-state': c.state,
            title: `${name}: ${c.state} over ${c.transport}` }, `${name} · ${c.state === 'open' ? c.transport : c.state}`)));
}

// --- start-up --------------------------------------------------------------------------------------------

function configuredTileUrl() {
    return new URLSearchParams(location.search).get('tiles')
        || document.querySelector('meta[name="streamgate-tile-url"]')?.content || undefined;
}

function init() {
    map = new AircraftMap($('#map'), {
        tileUrl: configuredTileUrl(),
        onSelect: (hex) => {
            model.selected = hex;
            invalidate('map');
        },
    });
    new ResizeObserver(() => invalidate('map')).observe($('#map'));
    setInterval(() => invalidate('queues'), 5000); // the throughput window slides even when nothing arrives
    $('#logout').onclick = () => {
        session.clear();
        location.reload();
    };
    $('#login-form').onsubmit = async (event) => {
        event.preventDefault();
        const form = new FormData(event.target);
        try {
            await session.login(form.get('tenant'), form.get('username'), form.get('password'));
            start();
        } catch (error) {
            $('#login-error').textContent = error.message;
        }
    };
    if (session.token()) {
        start();
    } else {
        $('#login').hidden = false;
    }
}

/** What the page shows, for the browser tests (read-only views of the model and the last frame). */
window.__dashboard = {
    aircraftDrawn: () => map.drawn.map(({ hex, x, y, emergency, conflict }) => ({ hex, x, y, emergency, conflict })),
    frames: () => map.frames,
    safetyDeliveries: () => model.safetyDeliveries.slice(),
    connections: () => Object.fromEntries([...connections].map(([n, c]) => [n, { state: c.state, transport: c.transport }])),
};

init();
