import { Backoff, type BackoffOptions } from './backoff.js';
import { defaultCloseAction, isMessage, unwrapBatch, type CloseAction, type Dialect, type Message, type Query }
    from './dialect.js';
import { Emitter } from './emitter.js';

/** The part of the WHATWG WebSocket the connection uses: browsers' and the `ws` package's both fit. */
export interface WebSocketLike {
    readonly readyState: number;
    onopen: ((event: unknown) => void) | null;
    onmessage: ((event: { data: unknown }) => void) | null;
    onclose: ((event: { code: number; reason: string }) => void) | null;
    onerror: ((event: unknown) => void) | null;
    send(data: string): void;
    close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface SseMessageEvent {
    data: unknown;
    lastEventId?: string;
}

/** The part of the WHATWG EventSource the connection uses (browsers, the `eventsource` package). */
export interface EventSourceLike {
    readonly readyState: number;
    onopen: ((event: unknown) => void) | null;
    onerror: ((event: unknown) => void) | null;
    addEventListener(type: string, listener: (event: SseMessageEvent) => void): void;
    close(): void;
}

export type EventSourceConstructor = new (url: string) => EventSourceLike;

export type Transport = 'websocket' | 'sse';

export type TokenSource = string | (() => string | Promise<string>);

export interface ConnectionOptions {
    dialect: Dialect;
    /** The gateway's base URL (`http://127.0.0.1:8080`); in a browser the page's origin by default. */
    url?: string;
    /** A JWT or API key, or a function that returns one (called on every connect). Omit for anonymous. */
    token?: TokenSource;
    /** Called on close code 4001 (and the dialect's own "credential refused"): returns a fresh token. */
    refreshToken?: () => Promise<string>;
    /** `auto` (default): WebSocket, then SSE once a WebSocket could not be opened. */
    transport?: 'auto' | Transport;
    /** WebSocket attempts that never opened before `auto` falls back to SSE (default 1). */
    fallbackAfter?: number;
    backoff?: BackoffOptions;
    /** The jitter's random source, [0, 1) (default Math.random): inject a seeded one in tests. */
    random?: () => number;
    /** How often the dialect's ping frame is sent over a WebSocket (default 20 s). */
    pingIntervalMs?: number;
    /**
     * A WebSocket that delivers nothing — no message, no heartbeat, no pong — for this long is taken for
     * dead (a half-open TCP connection never says so) and replaced (default 45 s; 0 turns it off).
     */
    idleTimeoutMs?: number;
    /** Defaults to the global WebSocket (browsers, Node 22); in Node 20 pass the `ws` package's. */
    WebSocket?: WebSocketConstructor;
    /** Defaults to the global EventSource (browsers); in Node pass the `eventsource` package's. */
    EventSource?: EventSourceConstructor;
}

export interface MessageMeta {
    transport: Transport;
    /** The resumable id of this message, when it has one. */
    eventId?: string;
}

export interface CloseInfo {
    code: number;
    reason: string;
    transport: Transport;
    action: CloseAction;
}

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped';

export interface ConnectionEvents {
    open: [{ transport: Transport; resumed: boolean }];
    message: [Message, MessageMeta];
    heartbeat: [Message];
    close: [CloseInfo];
    reconnecting: [{ attempt: number; delayMs: number; transport: Transport }];
    fallback: [{ from: Transport; to: Transport }];
    stopped: [{ code?: number; reason: string }];
    error: [Error];
}

const OPEN = 1;
/** Close codes the connection reports for what it saw itself (never sent by a server). */
const DROPPED = 1006;

/**
 * One live stream from the gateway, in any dialect. It reconnects with exponential back-off and full
 * jitter, resumes from the last event id it saw (per stream), unwraps batches, keeps the connection
 * provably alive with the dialect's pings, acts on close codes (4001: refresh the token first; 4003 and
 * 4004: stop), and falls back to Server-Sent Events when a WebSocket cannot be opened.
 *
 * One class with dialect adapters rather than one class per product: reconnecting, resuming and the
 * close-code policy are the same machinery everywhere (the gateway's engine is shared too), and the five
 * products differ only in paths, credentials and a handful of codes — see {@link Dialect}.
 */
export class StreamGateConnection extends Emitter<ConnectionEvents> {
    private readonly dialect: Dialect;
    private readonly options: ConnectionOptions;
    private readonly backoff: Backoff;
    private readonly resumeIds = new Map<string, string>();
    private currentState: ConnectionState = 'idle';
    private currentTransport: Transport;
    private socket?: WebSocketLike;
    private source?: EventSourceLike;
    private refreshedToken?: string;
    private unopenedAttempts = 0;
    /** On SSE because a WebSocket did not open (not because SSE was asked for). */
    private fellBack = false;
    /** A refresh already tried since the last message: a second refusal means the new token is refused too. */
    private refreshPending = false;
    private receivedSinceOpen = false;
    private retryTimer?: ReturnType<typeof setTimeout>;
    private pingTimer?: ReturnType<typeof setInterval>;
    private idleTimer?: ReturnType<typeof setTimeout>;

    constructor(options: ConnectionOptions) {
        super();
        if (!options || !options.dialect) {
            throw new TypeError('a connection needs a dialect');
        }
        this.options = options;
        this.dialect = options.dialect;
        this.backoff = new Backoff(options.backoff, options.random ?? Math.random);
        const transport = options.transport ?? 'auto';
        this.currentTransport = transport === 'sse' || !this.dialect.webSocket ? 'sse' : 'websocket';
        if (this.currentTransport === 'sse' && !this.dialect.sse) {
            throw new TypeError(`${this.dialect.name}: this channel has no Server-Sent Events endpoint`);
        }
    }

    get state(): ConnectionState {
        return this.currentState;
    }

    get transport(): Transport {
        return this.currentTransport;
    }

    /** The last resumable id seen per stream (what the next connect resumes from). */
    get lastEventIds(): ReadonlyMap<string, string> {
        return this.resumeIds;
    }

    /** Starts connecting (again, after {@link close}). */
    connect(): this {
        if (this.currentState === 'connecting' || this.currentState === 'open') {
            return this;
        }
        this.currentState = 'connecting';
        void this.open();
        return this;
    }

    /** Sends a frame over the WebSocket; false when there is none open (SSE is one-way). */
    send(frame: string | object): boolean {
        if (!this.socket || this.socket.readyState !== OPEN) {
            return false;
        }
        this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        return true;
    }

    /** Closes for good; no reconnect follows. */
    close(): void {
        this.stop(undefined, 'closed by the client');
    }

    // --- opening ------------------------------------------------------------------------------------

    private async open(): Promise<void> {
        let token: string | undefined;
        try {
            token = await this.token();
        } catch (error) {
            this.emit('error', asError(error));
            this.scheduleReconnect();
            return;
        }
        if (this.currentState !== 'connecting') {
            return;
        }
        if (this.currentTransport === 'websocket') {
            this.openWebSocket(token);
        } else {
            this.openSse(token);
        }
    }

    private async token(): Promise<string | undefined> {
        if (this.refreshedToken !== undefined) {
            return this.refreshedToken;
        }
        const source = this.options.token;
        return typeof source === 'function' ? await source() : source;
    }

    private openWebSocket(token: string | undefined): void {
        const endpoint = this.dialect.webSocket!;
        const Ctor = this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
        if (!Ctor) {
            this.emit('error', new Error('no WebSocket implementation: pass one as the WebSocket option'));
            this.fallBackOrRetry();
            return;
        }
        const query: Query = { ...endpoint.query };
        if (token !== undefined && endpoint.auth === 'query') {
            query.token = token;
        }
        const resumed = endpoint.resume && this.resumeIds.size > 0;
        if (resumed) {
            query.last_event_id = [...this.resumeIds.values()];
        }
        const url = this.endpointUrl(endpoint.path, query, true);
        const protocols = token !== undefined && endpoint.auth === 'subprotocol' ? ['access_token', token] : undefined;
        let socket: WebSocketLike;
        try {
            socket = protocols ? new Ctor(url, protocols) : new Ctor(url);
        } catch (error) {
            this.emit('error', asError(error));
            this.fallBackOrRetry();
            return;
        }
        this.socket = socket;
        let opened = false;
        socket.onopen = () => {
            opened = true;
            this.unopenedAttempts = 0;
            this.currentState = 'open';
            this.receivedSinceOpen = false;
            if (endpoint.auth === 'first-message' && token !== undefined) {
                socket.send(token);
            }
            for (const frame of this.dialect.opening?.() ?? []) {
                socket.send(frame);
            }
            this.startTimers(socket);
            this.emit('open', { transport: 'websocket', resumed });
        };
        socket.onmessage = (event) => {
            if (this.socket !== socket) {
                return;
            }
            this.touch(socket);
            if (typeof event.data !== 'string') {
                return; // no dialect sends binary frames
            }
            this.receive(event.data, 'websocket');
        };
        socket.onerror = () => {
            // The close event follows with the code; an error alone says nothing actionable.
        };
        socket.onclose = (event) => {
            if (this.socket !== socket) {
                return;
            }
            this.detachSocket();
            if (!opened) {
                this.unopenedAttempts++;
                if (this.shouldFallBack()) {
                    this.fallBack();
                    return;
                }
            }
            this.closed(event.code, event.reason ?? '', 'websocket');
        };
    }

    private openSse(token: string | undefined): void {
        const endpoint = this.dialect.sse!;
        const Ctor = this.options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
        if (!Ctor) {
            this.stop(undefined, 'no EventSource implementation: pass one as the EventSource option');
            return;
        }
        const query: Query = { ...endpoint.query };
        if (token !== undefined) {
            query.token = token; // EventSource cannot set headers
        }
        const resumed = this.resumeIds.size > 0;
        if (resumed) {
            // A fresh EventSource sends no Last-Event-ID; the gateway reads the same position from the query.
            query.last_event_id = [...this.resumeIds.values()];
        }
        const source = new Ctor(this.endpointUrl(endpoint.path, query, false));
        this.source = source;
        let opened = false;
        source.onopen = () => {
            if (this.source !== source) {
                return;
            }
            opened = true;
            this.currentState = 'open';
            this.receivedSinceOpen = false;
            this.emit('open', { transport: 'sse', resumed });
        };
        const onEvent = (event: SseMessageEvent) => {
            if (this.source !== source || typeof event.data !== 'string') {
                return;
            }
            this.receive(event.data, 'sse', event.lastEventId || undefined);
        };
        for (const name of new Set(['message', ...endpoint.events])) {
            source.addEventListener(name, onEvent);
        }
        source.addEventListener('close', (event) => {
            if (this.source !== source) {
                return;
            }
            let code = DROPPED;
            let reason = '';
            try {
                const body = JSON.parse(String(event.data)) as { code?: number; reason?: string };
                code = typeof body.code === 'number' ? body.code : DROPPED;
                reason = body.reason ?? '';
            } catch {
                // a close without a readable body is a drop
            }
            this.detachSource();
            this.closed(code, reason, 'sse');
        });
        source.onerror = () => {
            if (this.source !== source) {
                return;
            }
            // EventSource would retry on its own, without jitter and, after a fatal answer, not at all: the
            // connection owns retries so that both transports back off and resume the same way.
            this.detachSource();
            if (!opened && this.fellBack) {
                // Neither transport opens: the gateway itself is away (a restart, a network cut), not the
                // WebSocket blocked on the way. Try the WebSocket again first next time.
                this.fellBack = false;
                this.currentTransport = 'websocket';
                this.unopenedAttempts = 0;
            }
            this.closed(DROPPED, 'the event stream failed', 'sse');
        };
    }

    private endpointUrl(path: string, query: Query, webSocket: boolean): string {
        const base = this.options.url ?? (globalThis as { location?: { origin: string } }).location?.origin;
        if (!base) {
            throw new TypeError('no gateway URL: pass the url option');
        }
        const url = new URL(path, base);
        if (webSocket) {
            url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        }
        for (const [name, value] of Object.entries(query)) {
            if (value === undefined) {
                continue;
            }
            for (const one of Array.isArray(value) ? value : [value]) {
                url.searchParams.append(name, one);
            }
        }
        return url.toString();
    }

    // --- receiving ----------------------------------------------------------------------------------

    private receive(text: string, transport: Transport, sseId?: string): void {
        let decoded: unknown;
        try {
            decoded = JSON.parse(text);
        } catch {
            this.emit('error', new Error(`${this.dialect.name}: a frame that is not JSON: ${text.slice(0, 80)}`));
            return;
        }
        if (!isMessage(decoded)) {
            this.emit('error', new Error(`${this.dialect.name}: a message without a type`));
            return;
        }
        for (const message of unwrapBatch(decoded)) {
            if (this.dialect.isHeartbeat(message)) {
                this.emit('heartbeat', message);
                continue;
            }
            this.worked();
            const eventId = typeof message.event_id === 'string' ? message.event_id : sseId;
            if (eventId !== undefined) {
                this.resumeIds.set(this.dialect.resumeKey?.(message) ?? 'stream', eventId);
            }
            this.emit('message', message, { transport, eventId });
        }
    }

    /** The connection delivered: the next failure starts the back-off from the beginning again. */
    private worked(): void {
        if (!this.receivedSinceOpen) {
            this.receivedSinceOpen = true;
            this.refreshPending = false;
            this.backoff.reset();
        }
    }

    private startTimers(socket: WebSocketLike): void {
        const ping = this.dialect.ping;
        const interval = this.options.pingIntervalMs ?? 20_000;
        if (ping !== undefined && interval > 0) {
            this.pingTimer = setInterval(() => {
                if (socket.readyState === OPEN) {
                    socket.send(ping);
                }
            }, interval);
        }
        this.touch(socket);
    }

    private touch(socket: WebSocketLike): void {
        const timeout = this.options.idleTimeoutMs ?? 45_000;
        if (timeout <= 0) {
            return;
        }
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => {
            if (this.socket !== socket) {
                return;
            }
            this.detachSocket();
            try {
                socket.close(4000, 'idle');
            } catch {
                // already gone
            }
            this.closed(DROPPED, `nothing received for ${timeout} ms`, 'websocket');
        }, timeout);
    }

    // --- closing ------------------------------------------------------------------------------------

    private closed(code: number, reason: string, transport: Transport): void {
        if (this.currentState === 'stopped') {
            return;
        }
        const action = this.dialect.closeAction?.(code) ?? defaultCloseAction(code);
        this.emit('close', { code, reason, transport, action });
        switch (action) {
            case 'stop':
                this.stop(code, reason || `closed with ${code}`);
                return;
            case 'refresh':
                void this.refreshAndReconnect(code, reason);
                return;
            case 'reconnect':
                this.scheduleReconnect();
        }
    }

    private async refreshAndReconnect(code: number, reason: string): Promise<void> {
        if (!this.options.refreshToken) {
            this.stop(code, `the credential was refused (${code}${reason ? ` ${reason}` : ''}) and there is no refreshToken hook`);
            return;
        }
        if (this.refreshPending) {
            this.stop(code, `the refreshed credential was refused too (${code})`);
            return;
        }
        this.refreshPending = true;
        this.currentState = 'waiting';
        try {
            this.refreshedToken = await this.options.refreshToken();
        } catch (error) {
            this.emit('error', asError(error));
            this.stop(code, 'refreshing the token failed');
            return;
        }
        if (this.currentState === 'waiting') {
            this.currentState = 'connecting';
            void this.open();
        }
    }

    private scheduleReconnect(): void {
        if (this.currentState === 'stopped') {
            return;
        }
        this.currentState = 'waiting';
        const delayMs = this.backoff.next();
        this.emit('reconnecting', { attempt: this.backoff.attempts, delayMs, transport: this.currentTransport });
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
            if (this.currentState === 'waiting') {
                this.currentState = 'connecting';
                void this.open();
            }
        }, delayMs);
    }

    private shouldFallBack(): boolean {
        return (this.options.transport ?? 'auto') === 'auto' && this.dialect.sse !== undefined
            && this.unopenedAttempts >= (this.options.fallbackAfter ?? 1);
    }

    private fallBackOrRetry(): void {
        this.unopenedAttempts++;
        if (this.shouldFallBack()) {
            this.fallBack();
        } else {
            this.scheduleReconnect();
        }
    }

    /** At once, without a back-off: the WebSocket never opened, so the server has not seen us. */
    private fallBack(): void {
        this.currentTransport = 'sse';
        this.fellBack = true;
        this.emit('fallback', { from: 'websocket', to: 'sse' });
        this.currentState = 'connecting';
        void this.open();
    }

    private stop(code: number | undefined, reason: string): void {
        if (this.currentState === 'stopped') {
            return;
        }
        this.currentState = 'stopped';
        clearTimeout(this.retryTimer);
        const socket = this.socket;
        const source = this.source;
        this.detachSocket();
        this.detachSource();
        try {
            socket?.close(1000, 'client closed');
        } catch {
            // already closing
        }
        source?.close();
        this.emit('stopped', { code, reason });
    }

    private detachSocket(): void {
        clearInterval(this.pingTimer);
        clearTimeout(this.idleTimer);
        this.pingTimer = undefined;
        this.idleTimer = undefined;
        this.socket = undefined;
    }

    private detachSource(): void {
        const source = this.source;
        this.source = undefined;
        source?.close();
    }
}

function asError(error: unknown): Error {
    return error instanceof Error ? error : new Error(String(error));
}
