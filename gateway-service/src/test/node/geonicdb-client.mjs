// GeonicDB's "JavaScript (with Authentication)" example (seed 004), written from the document: log in with
// username and password under a Fiware-Service, open the WebSocket with the token as the `access_token`
// subprotocol, subscribe to entity types and ping. The `ws` package stands in for the browser's WebSocket.
//
// Usage: node geonicdb-client.mjs <http base url> <tenant> <username> <password>
// Prints one JSON object per line: {"login":status}, {"open":subprotocol}, {"message":<message>},
// {"closed":code}. Runs until stdin closes.
import WebSocket from 'ws';

const [base, tenant, username, password] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

async function login(user, secret) {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Fiware-Service': tenant },
    body: JSON.stringify({ username: user, password: secret }),
  });
  const data = await response.json();
  print({ login: response.status, fields: Object.keys(data) });
  return data.accessToken;
}

function connectWebSocket(token) {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/?tenant=${tenant}`, ['access_token', token]);
  ws.onopen = () => {
    print({ open: ws.protocol });
    ws.send(JSON.stringify({ action: 'subscribe', entityTypes: ['Room', 'ParkingSpot', 'AirQualityObserved'] }));
    ws.send(JSON.stringify({ action: 'ping' }));
  };
  ws.onmessage = (event) => print({ message: JSON.parse(event.data) });
  ws.onclose = (event) => print({ closed: event.code });
  return ws;
}

const token = await login(username, password);
const ws = connectWebSocket(token);
process.stdin.resume();
process.stdin.on('end', () => {
  ws.close();
  setTimeout(() => process.exit(0), 200);
});
