'use strict';
// The Node peers of GatewayBenchmark (issue 20), written as a team would write its own SkySpy
// broadcaster: kafkajs reads aircraft.positions, positions are conflated per aircraft for one batch
// window, and each tick's changes leave as SkySpy messages packed into `batch` frames exactly as the
// gateway packs them (SkySpyBatch: at most 50 messages a frame, a lone message sent as itself).
// One JSON.stringify and one Buffer per frame, never per client.
//
//   node skyspy-peer.js --mode=ws    --brokers=127.0.0.1:9092 --port=8080 [--window=200]
//       ws 8 server: WebSocket on /ws/aircraft/, Server-Sent Events on /sse/aircraft/
//   node skyspy-peer.js --mode=nchan --brokers=127.0.0.1:9092 --publish=http://127.0.0.1:8081/pub/aircraft
//       the bridge that feeds Nchan: each frame is POSTed to the channel's publisher location
//
// Prints "ready" on stdout once the consumer has joined its group (and the server listens).

const http = require('http');
const { Kafka, logLevel } = require('kafkajs');
const { WebSocketServer } = require('ws');

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (!m) {
    console.error(`options are --name=value, not ${a}`);
    process.exit(2);
  }
  return [m[1], m[2]];
}));
const mode = args.mode;
const windowMs = Number(args.window || 200);
const topic = args.topic || 'aircraft.positions';
const maxMessages = Number(args['max-messages'] || 50);
// A client that does not read is cut off once this much is queued for it (ws keeps no limit itself).
const maxBuffered = Number(args['max-buffered'] || 4 * 1024 * 1024);
if (!['ws', 'nchan'].includes(mode) || !args.brokers) {
  console.error('usage: --mode=ws|nchan --brokers=host:port [--port=N] [--publish=URL] [--window=ms]');
  process.exit(2);
}

// SkySpy's aircraft object: readsb spellings in the gateway's field order, absent values left out.
function aircraft(p) {
  const a = { hex: p.hex };
  const put = (name, value) => {
    if (value !== null && value !== undefined) a[name] = value;
  };
  put('flight', p.flight);
  put('lat', p.lat);
  put('lon', p.lon);
  put('alt_baro', p.on_ground ? 'ground' : p.alt_baro);
  put('alt_geom', p.alt_geom);
  put('gs', p.gs);
  put('track', p.track);
  put('baro_rate', p.baro_rate);
  put('geom_rate', p.geom_rate);
  put('squawk', p.squawk);
  put('emergency', p.emergency);
  put('category', p.category);
  put('is_military', Boolean(p.is_military));
  put('registration', p.registration);
  put('type', p.type_code);
  put('rssi', p.rssi);
  put('seen_pos', p.seen_pos);
  if (p.stale) a.stale = true;
  // SkySpy writes exactly yyyy-MM-ddTHH:mm:ss.SSSZ; Java's Instant text drops trailing zero digits.
  if (p.timestamp) a.timestamp = new Date(p.timestamp).toISOString();
  return a;
}

const known = new Set();
// hex → the message for this tick: the latest position wins (conflation), as in the gateway.
let pending = new Map();

function onRecord(message) {
  const hex = message.key ? message.key.toString() : null;
  if (message.value === null) {
    if (hex && known.delete(hex)) pending.set(hex, { type: 'aircraft:remove', data: { hex, reason: 'timeout' } });
    return;
  }
  const p = JSON.parse(message.value);
  const previous = pending.get(p.hex);
  // New until a tick has shipped it; a new and an update in one tick leave as one new.
  const isNew = !known.has(p.hex) || (previous !== undefined && previous.type === 'aircraft:new');
  known.add(p.hex);
  pending.set(p.hex, { type: isNew ? 'aircraft:new' : 'aircraft:update', data: aircraft(p) });
}

function frames(messages) {
  const out = [];
  const timestamp = new Date().toISOString();
  for (let i = 0; i < messages.length; i += maxMessages) {
    const chunk = messages.slice(i, i + maxMessages);
    out.push(Buffer.from(JSON.stringify(chunk.length === 1 ? chunk[0]
      : { type: 'batch', messages: chunk, count: chunk.length, timestamp })));
  }
  return out;
}

const sockets = new Set();
const streams = new Set();
let published = 0;

function broadcast(frame) {
  for (const ws of sockets) {
    if (ws.bufferedAmount > maxBuffered) {
      ws.terminate();
      continue;
    }
    ws.send(frame, { binary: false });
  }
  if (streams.size > 0) {
    const type = /^\{"type":"([^"]+)"/.exec(frame.toString('latin1', 0, 40))[1];
    const event = Buffer.concat([Buffer.from(`event: ${type}\ndata: `), frame, Buffer.from('\n\n')]);
    for (const res of streams) {
      if (res.writableLength > maxBuffered) {
        res.destroy();
        continue;
      }
      res.write(event);
    }
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function publish(frame) {
  const url = new URL(args.publish);
  const req = http.request({
    agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': frame.length },
  }, (res) => {
    res.resume();
    if (res.statusCode >= 300) console.error(`nchan publish: HTTP ${res.statusCode}`);
  });
  req.on('error', (e) => console.error(`nchan publish: ${e.message}`));
  req.end(frame);
}

setInterval(() => {
  if (pending.size === 0) return;
  const messages = [...pending.values()];
  pending = new Map();
  for (const frame of frames(messages)) {
    published++;
    if (mode === 'ws') broadcast(frame); else publish(frame);
  }
}, windowMs);

async function main() {
  if (mode === 'ws') {
    const server = http.createServer((req, res) => {
      if (req.url === '/sse/aircraft/') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(': connected\n\n');
        streams.add(res);
        res.on('close', () => streams.delete(res));
      } else if (req.url === '/stats') {
        res.end(JSON.stringify({ sockets: sockets.size, streams: streams.size, published }));
      } else {
        res.writeHead(404).end();
      }
    });
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.on('upgrade', (req, socket, head) => {
      if (req.url !== '/ws/aircraft/') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => sockets.delete(ws));
      });
    });
    server.maxConnections = 1000000;
    await new Promise((resolve) => server.listen(Number(args.port), '127.0.0.1', resolve));
  }
  const kafka = new Kafka({ clientId: `bench-${mode}`, brokers: args.brokers.split(','), logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: `bench-${mode}-${process.pid}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  let ready = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    if (!ready) {
      ready = true;
      process.stdout.write('ready\n');
    }
  });
  await consumer.run({ eachMessage: async ({ message }) => onRecord(message) });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
