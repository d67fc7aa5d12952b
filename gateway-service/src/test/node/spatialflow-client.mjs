// SpatialFlow's "JavaScript Example" (seed 000), written from the document: open the WebSocket with the token as
// the `access_token` subprotocol and log every message by its type. The `ws` package stands in for the browser's
// WebSocket; like a browser it fails the handshake unless the server selects one of the offered subprotocols.
//
// Usage: node spatialflow-client.mjs <ws url of a channel> <jwt>
// Prints one JSON object per line: {"open":subprotocol}, {"message":<message>}, {"closed":code},
// {"error":text}. Runs until stdin closes.
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const ws = new WebSocket(url, ['access_token', token]);
ws.onopen = () => print({ open: ws.protocol });
ws.onmessage = (event) => {
  const data = JSON.parse(event.data);
  print({ message: data });
};
ws.onclose = (event) => print({ closed: event.code });
ws.onerror = (error) => print({ error: String(error.message) });

process.stdin.resume();
process.stdin.on('end', () => {
  ws.close();
  setTimeout(() => process.exit(0), 200);
});
