// A stand-in for the gateway in the library's unit tests: a real HTTP server with the `ws` package's
// WebSocketServer on it and hand-written Server-Sent Events, so the client runs over real sockets.
import http from 'node:http';
import { WebSocketServer } from 'ws';

export class FakeGateway {
    /** Every WebSocket connection, in order: { url, protocol, socket, received: [] }. */
    connections = [];
    /** Every SSE request, in order: { url, headers, response }. */
    streams = [];
    refuseWebSockets = false;
    /** How many SSE requests to answer 503 before serving streams again. */
    refuseStreams = 0;
    refusedStreams = 0;
    #waiters = [];

    /**
     * @param onConnection (connection) => void, called for each WebSocket
     * @param onStream (stream) => void, called for each SSE request
     */
    constructor({ onConnection = () => {}, onStream = () => {} } = {}) {
        this.onConnection = onConnection;
        this.onStream = onStream;
        this.server = http.createServer((request, response) => {
            if (this.refuseStreams > 0) {
                this.refuseStreams--;
                this.refusedStreams++;
                response.writeHead(503).end();
                this.#notify();
                return;
            }
            const stream = { url: new URL(request.url, 'http://fake'), headers: request.headers, response };
            response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
            response.write('retry: 3000\n\n');
            this.streams.push(stream);
            this.#notify();
            this.onStream(stream);
        });
        this.wss = new WebSocketServer({
            noServer: true,
            // As the gateway: select the access_token marker, never echo the token.
            handleProtocols: (protocols) => (protocols.has('access_token') ? 'access_token' : false),
        });
        this.server.on('upgrade', (request, socket, head) => {
            if (this.refuseWebSockets) {
                socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
                return;
            }
            this.wss.handleUpgrade(request, socket, head, (ws) => {
                const connection = {
                    url: new URL(request.url, 'http://fake'),
                    protocols: request.headers['sec-websocket-protocol']?.split(',').map((p) => p.trim()),
                    socket: ws,
                    received: [],
                };
                ws.on('message', (data) => {
                    connection.received.push(data.toString());
                    this.#notify();
                });
                this.connections.push(connection);
                this.#notify();
                this.onConnection(connection);
            });
        });
    }

    async start() {
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${this.server.address().port}`;
        return this;
    }

    async stop() {
        for (const connection of this.connections) {
            connection.socket.terminate();
        }
        for (const stream of this.streams) {
            stream.response.destroy();
        }
        this.wss.close();
        this.server.closeAllConnections?.();
        await new Promise((resolve) => this.server.close(resolve));
    }

    /** Resolves when condition() holds, re-checked on every connection, stream and frame; fails after the deadline. */
    until(condition, what, timeoutMs = 5000) {
        return new Promise((resolve, reject) => {
            const check = () => {
                const value = condition();
                if (value) {
                    clearTimeout(timer);
                    this.#waiters = this.#waiters.filter((w) => w !== check);
                    resolve(value);
                    return true;
                }
                return false;
            };
            const timer = setTimeout(() => {
                this.#waiters = this.#waiters.filter((w) => w !== check);
                reject(new Error(`timed out waiting for ${what}`));
            }, timeoutMs);
            if (!check()) {
                this.#waiters.push(check);
            }
        });
    }

    #notify() {
        for (const waiter of [...this.#waiters]) {
            waiter();
        }
    }
}

/** An SSE frame as the gateway's SseFrames writes it. */
export function sseFrame(id, name, message) {
    return `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(message)}\n\n`;
}

/** Resolves with the arguments of the next `event` the emitter fires that satisfies `test`, or fails after the deadline. */
export function next(connection, event, test = () => true, timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            off();
            reject(new Error(`timed out waiting for ${event}`));
        }, timeoutMs);
        const off = connection.on(event, (...args) => {
            if (test(...args)) {
                clearTimeout(timer);
                off();
                resolve(args);
            }
        });
    });
}

/** A seeded random source (mulberry32), so jitter in tests is reproducible. */
export function seeded(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
