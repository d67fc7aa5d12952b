import { StreamGateConnection, skyspy } from '/streamgate-client/index.js';
import { Session } from './session.js';

// SkySpy's mobile threat view over /ws/cannonball/: the phone's position goes up, threats come down.
const $ = (s) => document.querySelector(s);
const session = new Session();
const params = new URLSearchParams(location.search);
let position;
let threats = [];
let radiusNm = 25;
let frame = false;

const TREND = { approaching: '↘ closing', departing: '↗ opening', stable: '→ steady', unknown: 'new' };

const connection = new StreamGateConnection({
    dialect: skyspy({ channel: 'cannonball' }),
    token: () => session.token(),
    refreshToken: () => session.refresh(),
});
connection.on('open', () => {
    // A new session knows nothing of us: position and radius again after every (re)connect.
    connection.send({ type: 'set_radius', radius_nm: radiusNm });
    sendPosition();
    show();
});
for (const event of ['close', 'reconnecting', 'stopped']) connection.on(event, show);
connection.on('message', (message) => {
    if (message.type === 'threats') {
        threats = Array.isArray(message.data) ? message.data : [];
        draw();
    }
});

function sendPosition() {
    if (position) {
        connection.send({ type: 'position_update', lat: position.lat, lon: position.lon, heading: position.heading ?? 0 });
    }
}

function setPosition(lat, lon, heading) {
    position = { lat, lon, heading };
    $('#position').textContent = `${lat.toFixed(4)}, ${lon.toFixed(4)}`;
    sendPosition();
}

function show() {
    const chip = $('#connection');
    chip.className = `chip ${connection.state}`;
    chip.textContent = connection.state === 'open' ? 'live' : connection.state;
}

function draw() {
    if (!frame) {
        frame = true;
        requestAnimationFrame(render);
    }
}

function render() {
    frame = false;
    renderRadar();
    $('#summary').textContent = threats.length
        ? `${threats.length} aircraft within ${radiusNm} nm` : `nothing within ${radiusNm} nm`;
    $('#threats').replaceChildren(...threats.map((t) => {
        const li = document.createElement('li');
        li.className = `threat ${t.threat_level}`;
        li.dataset.hex = t.hex;
        li.innerHTML = '<span class="callsign"></span><span class="distance"></span><span class="meta"></span><span class="level"></span>';
        li.querySelector('.callsign').textContent = `${(t.callsign || t.hex).trim()}${t.is_helicopter ? ' 🚁' : ''}`;
        li.querySelector('.distance').textContent = `${Number(t.distance_nm).toFixed(1)} nm`;
        li.querySelector('.meta').textContent = `${t.direction} ${Math.round(t.bearing)}° · ${t.altitude ?? '—'} ft · ${TREND[t.trend] ?? t.trend}`;
        li.querySelector('.level').textContent = t.threat_level;
        return li;
    }));
}

function renderRadar() {
    const canvas = $('#radar');
    const ratio = devicePixelRatio || 1;
    const size = canvas.clientWidth;
    if (canvas.width !== Math.round(size * ratio)) {
        canvas.width = canvas.height = Math.round(size * ratio);
    }
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, size, size);
    const c = size / 2;
    g.strokeStyle = '#22324a';
    for (const f of [1 / 3, 2 / 3, 1]) {
        g.beginPath();
        g.arc(c, c, (c - 4) * f, 0, Math.PI * 2);
        g.stroke();
    }
    g.fillStyle = '#8091a7';
    g.font = '11px system-ui';
    g.fillText('N', c - 4, 14);
    g.fillText(`${radiusNm} nm`, c + 4, 26);
    g.fillStyle = '#64d2ff';
    g.beginPath();
    g.arc(c, c, 4, 0, Math.PI * 2);
    g.fill();
    for (const t of threats) {
        const r = Math.min(1, t.distance_nm / radiusNm) * (c - 8);
        const a = (t.bearing * Math.PI) / 180;
        const x = c + r * Math.sin(a);
        const y = c - r * Math.cos(a);
        g.fillStyle = t.threat_level === 'critical' ? '#ff3b30' : t.threat_level === 'warning' ? '#ffd60a' : '#7ee2a8';
        g.beginPath();
        g.arc(x, y, 6, 0, Math.PI * 2);
        g.fill();
        g.fillStyle = '#d8dee9';
        g.fillText((t.callsign || t.hex).trim(), x + 8, y + 4);
    }
}

$('#radius').onchange = (event) => {
    radiusNm = Number(event.target.value);
    connection.send({ type: 'set_radius', radius_nm: radiusNm });
    draw();
};

if (params.has('lat') && params.has('lon')) {
    setPosition(Number(params.get('lat')), Number(params.get('lon')), Number(params.get('heading') || 0));
} else if (navigator.geolocation) {
    navigator.geolocation.watchPosition((p) => setPosition(p.coords.latitude, p.coords.longitude, p.coords.heading ?? 0),
        (error) => ($('#position').textContent = `no position: ${error.message} (add ?lat=&lon=)`),
        { enableHighAccuracy: true });
}

window.__cannonball = { threats: () => threats.slice(), state: () => connection.state };
new ResizeObserver(draw).observe($('#radar'));
connection.connect();
show();
render();
