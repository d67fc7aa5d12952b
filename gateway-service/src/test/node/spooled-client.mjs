// A Spooled realtime client written from Spooled's guide (seed 003) and its Node SDK's documentation:
// exchange the API key for a JWT, open /api/v1/ws?token=, subscribe with the guide's PascalCase command
// and with the SDK's {type, filter, requestId} command, and stream /api/v1/events with the `eventsource`
// package (Authorization header through its fetch option, as the SDK does).
//
// Usage: node spooled-client.mjs <http base url> <api key> <queue>
// Prints one JSON object per line: {"ready":…}, {"ws":<message>}, {"sse":{"event","id","data"}}, {"error":…}.
// Runs until stdin closes.
import WebSocket from 'ws';
import { EventSource } from 'eventsource';

const [base, apiKey, queue] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ api_key: apiKey }),
});
if (login.status !== 200) {
  print({ error: `login answered ${login.status}: ${await login.text()}` });
  process.exit(1);
}
const grant = await login.json();
// The SDK decodes exp to refresh before it runs out.
const claims = JSON.parse(Buffer.from(grant.access_token.split('.')[1], 'base64url').toString());
print({ login: { token_type: grant.token_type, expires_in: grant.expires_in, has_exp: typeof claims.exp === 'number' } });

const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws?token=${encodeURIComponent(grant.access_token)}`);
const ready = { ws: false, sse: false };
const announce = () => ready.ws && ready.sse && print({ ready: true });

ws.on('open', () => {
  ws.send(JSON.stringify({ cmd: 'Subscribe', queue, job_id: null }));
  ws.send(JSON.stringify({ type: 'subscribe', filter: { queueName: queue }, requestId: 'req_1' }));
});
ws.on('message', (data) => {
  const message = JSON.parse(data.toString());
  if (message.type === 'subscribed' && message.requestId === 'req_1') {
    ready.ws = true;
    announce();
  }
  print({ ws: message });
});
ws.on('close', (code, reason) => print({ wsClosed: { code, reason: reason.toString() } }));
ws.on('error', (error) => print({ error: `ws: ${error.message}` }));

const names = ['job.created', 'job.status', 'job.completed', 'job.failed', 'queue.stats', 'worker.heartbeat',
  'worker.registered', 'worker.deregistered', 'system.health', 'ping', 'error'];
const sse = new EventSource(`${base}/api/v1/events/queues/${encodeURIComponent(queue)}`, {
  fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${apiKey}` } }),
});
sse.onopen = () => {
  ready.sse = true;
  announce();
};
// Named events reach addEventListener only; the SDK's onmessage sees unnamed ones (see docs/dialects/spooled.md).
sse.onmessage = (event) => print({ sseUnnamed: event.data });
for (const name of names) {
  sse.addEventListener(name, (event) => print({ sse: { event: name, id: event.lastEventId, data: JSON.parse(event.data) } }));
}
sse.onerror = (error) => print({ error: `sse: ${error.message ?? 'error'}` });

process.stdin.resume();
process.stdin.on('end', () => {
  sse.close();
  ws.close(1000, 'done');
  setTimeout(() => process.exit(0), 200);
});
