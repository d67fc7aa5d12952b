// Haltless's reconnecting dashboard client, written from its WebSocket guide (seed 002: the
// HaltlessWebSocket class): the token as the first message, exponential backoff, and on close 4001 a call to
// /api/v1/auth/refresh before reconnecting. The `ws` package stands in for the browser's WebSocket.
//
// Usage: node haltless-client.mjs <http base url> <access token> <refresh token>
// Prints one JSON object per line: {"connected":n}, {"message":<message>}, {"closed":code}, {"refreshed":true}.
// Runs until stdin closes.
import WebSocket from 'ws';

const [base, initialToken, refreshToken] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

class HaltlessWebSocket {
  constructor(accessToken) {
    this.ws = null;
    this.reconnectAttempts = 0;
    this.maxReconnectDelay = 30_000;
    this.connections = 0;
    this.stopped = false;
    this.accessToken = accessToken;
    this.connect();
  }

  connect() {
    this.ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws/dashboard`);
    this.ws.onopen = () => {
      this.ws.send(this.accessToken);
      this.reconnectAttempts = 0;
      print({ connected: ++this.connections });
    };
    this.ws.onmessage = (event) => this.handleMessage(JSON.parse(event.data));
    this.ws.onclose = (event) => {
      print({ closed: event.code });
      if (this.stopped) {
        return;
      }
      if (event.code === 4001) {
        this.refreshTokenAndReconnect();
        return;
      }
      this.scheduleReconnect();
    };
    this.ws.onerror = () => {};
  }

  scheduleReconnect() {
    const delay = Math.min(1000 * Math.pow(2, this.reconnectAttempts), this.maxReconnectDelay);
    setTimeout(() => {
      this.reconnectAttempts++;
      this.connect();
    }, delay);
  }

  async refreshTokenAndReconnect() {
    const response = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    const { access_token } = await response.json();
    this.accessToken = access_token;
    print({ refreshed: response.status === 200 });
    this.connect();
  }

  handleMessage(data) {
    print({ message: data });
  }

  disconnect() {
    this.stopped = true;
    this.ws?.close();
  }
}

const client = new HaltlessWebSocket(initialToken);
process.stdin.resume();
process.stdin.on('end', () => {
  client.disconnect();
  setTimeout(() => process.exit(0), 200);
});
