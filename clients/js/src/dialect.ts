/** A decoded server message: every StreamGate dialect sends JSON objects with a {@link Message.type}. */
export interface Message {
    type: string;
    [field: string]: unknown;
}

/** What the connection does after a close: the dialects differ only in which codes mean what. */
export type CloseAction = 'reconnect' | 'refresh' | 'stop';

/**
 * How a WebSocket carries the credential: `subprotocol` (`Sec-WebSocket-Protocol: access_token, <token>`,
 * the only way a browser keeps it out of the URL), `query` (`?token=`), `first-message` (Haltless: the raw
 * token as the first text frame).
 */
export type WebSocketAuth = 'subprotocol' | 'query' | 'first-message';

export type Query = Record<string, string | string[] | undefined>;

export interface WebSocketEndpoint {
    path: string;
    query?: Query;
    auth: WebSocketAuth;
    /** The endpoint takes `?last_event_id=` (one per stream) and its messages carry `event_id`. */
    resume: boolean;
}

export interface SseEndpoint {
    path: string;
    query?: Query;
    /**
     * The `event:` names to listen to (EventSource delivers named events only to listeners of that name);
     * `message` is always listened to, `close` is the gateway's own and handled by the connection.
     */
    events: string[];
}

/**
 * One product's wire conventions over the shared connection machinery: endpoints, credentials,
 * heartbeats, close codes. A dialect holds no state; the connection owns sockets, timers and resume ids.
 */
export interface Dialect {
    readonly name: string;
    readonly webSocket?: WebSocketEndpoint;
    readonly sse?: SseEndpoint;
    /** Frames sent right after the WebSocket opened (after the token, for first-message auth). */
    opening?(): string[];
    /** A frame the client sends every ping interval; none where the server's own pings suffice. */
    readonly ping?: string;
    /** Keep-alive messages: reported as `heartbeat`, never as `message`. */
    isHeartbeat(message: Message): boolean;
    /** Which resumable stream a message belongs to (SkySpy's `/ws/all/` resumes each topic separately). */
    resumeKey?(message: Message): string;
    /** Overrides the default close policy for this dialect's codes; undefined falls through to it. */
    closeAction?(code: number): CloseAction | undefined;
}

/**
 * The codes every dialect shares: 4001 means the credential is no longer good (refresh it, never retry
 * it blindly); 4003 forbidden and 4004 not found will not change by retrying; 1008/1009/1003 say the
 * client is at fault. Everything else (1001 going away, 1006 dropped, 1011, 1013 slow consumer, 4000
 * idle) is worth a reconnect with resume.
 */
export function defaultCloseAction(code: number): CloseAction {
    switch (code) {
        case 4001:
            return 'refresh';
        case 4003:
        case 4004:
        case 1003:
        case 1008:
        case 1009:
            return 'stop';
        default:
            return 'reconnect';
    }
}

/** SkySpy (and StreamGate on every dialect where a tick holds several messages): `batch` frames. */
export function unwrapBatch(message: Message): Message[] {
    if (message.type === 'batch' && Array.isArray(message.messages)) {
        return (message.messages as unknown[]).filter(isMessage);
    }
    return [message];
}

export function isMessage(value: unknown): value is Message {
    return typeof value === 'object' && value !== null && typeof (value as Message).type === 'string';
}
