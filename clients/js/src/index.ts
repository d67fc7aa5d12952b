export { StreamGateConnection } from './connection.js';
export type {
    CloseInfo, ConnectionEvents, ConnectionOptions, ConnectionState, EventSourceConstructor, EventSourceLike,
    MessageMeta, SseMessageEvent, TokenSource, Transport, WebSocketConstructor, WebSocketLike,
} from './connection.js';
export { Backoff } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { defaultCloseAction, unwrapBatch } from './dialect.js';
export type { CloseAction, Dialect, Message, Query, SseEndpoint, WebSocketAuth, WebSocketEndpoint } from './dialect.js';
export { geonicdb, haltless, skyspy, spatialflow, spooled } from './dialects.js';
export type {
    GeonicDbOptions, HaltlessOptions, SkySpyChannel, SkySpyOptions, SpatialFlowChannel, SpooledOptions,
} from './dialects.js';
export { AircraftState } from './aircraft.js';
export type { Aircraft, AircraftChange } from './aircraft.js';
