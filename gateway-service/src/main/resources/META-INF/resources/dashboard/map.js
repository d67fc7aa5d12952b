import { BORDER, LAKES, PLACES } from './outline.js';

const TILE = 256;

/** Web Mercator world pixels at zoom 0 (so an optional tile layer lines up with everything drawn). */
function project(lon, lat) {
    const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return [((lon + 180) / 360) * TILE, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE];
}

/** Altitude colour, as the usual ADS-B maps do: orange low, green, blue, violet high; grey on the ground. */
export function altitudeColour(alt) {
    if (alt === 'ground' || alt === undefined || alt === null) {
        return '#8a8f98';
    }
    const clamped = Math.max(0, Math.min(40000, Number(alt)));
    return `hsl(${Math.round(20 + (clamped / 40000) * 260)}, 85%, 55%)`;
}

const EMERGENCY_SQUAWKS = new Set(['7500', '7600', '7700']);

export function isEmergency(aircraft) {
    return EMERGENCY_SQUAWKS.has(aircraft.squawk) || (aircraft.emergency !== undefined && aircraft.emergency !== 'none');
}

/**
 * The aircraft map: a canvas redrawn at most once per animation frame, with the bundled outline (and a
 * tile layer when a tile URL is configured). It remembers what it drew, so tests and clicks read the picture.
 */
export class AircraftMap {
    constructor(canvas, { tileUrl, onSelect } = {}) {
        this.canvas = canvas;
        this.tileUrl = tileUrl || undefined;
        this.onSelect = onSelect;
        this.tiles = new Map();
        this.zoom = 7.2;
        [this.cx, this.cy] = project(8.2, 46.8);
        this.drawn = [];
        this.frames = 0;
        this.installControls();
    }

    installControls() {
        const c = this.canvas;
        let drag;
        c.addEventListener('pointerdown', (e) => {
            drag = { x: e.clientX, y: e.clientY, cx: this.cx, cy: this.cy, moved: false };
        });
        c.addEventListener('pointermove', (e) => {
            if (!drag) return;
            const scale = Math.pow(2, this.zoom);
            if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) drag.moved = true;
            this.cx = drag.cx - (e.clientX - drag.x) / scale;
            this.cy = drag.cy - (e.clientY - drag.y) / scale;
            this.dirty = true;
        });
        c.addEventListener('pointerup', (e) => {
            if (drag && !drag.moved) {
                const rect = c.getBoundingClientRect();
                this.onSelect?.(this.hit(e.clientX - rect.left, e.clientY - rect.top));
            }
            drag = undefined;
        });
        c.addEventListener('wheel', (e) => {
            e.preventDefault();
            this.zoom = Math.max(3, Math.min(14, this.zoom - Math.sign(e.deltaY) * 0.25));
            this.dirty = true;
        }, { passive: false });
    }

    /** The aircraft drawn nearest to a point of the canvas, within 12 px. */
    hit(x, y) {
        let best;
        let bestDistance = 144;
        for (const marker of this.drawn) {
            const d = (marker.x - x) ** 2 + (marker.y - y) ** 2;
            if (d < bestDistance) {
                best = marker;
                bestDistance = d;
            }
        }
        return best?.hex;
    }

    toScreen(lon, lat, width, height) {
        const [wx, wy] = project(lon, lat);
        const scale = Math.pow(2, this.zoom);
        return [(wx - this.cx) * scale + width / 2, (wy - this.cy) * scale + height / 2];
    }

    /** Projects a screen point back to [lon, lat] (for the detail panel and tests). */
    toLonLat(x, y) {
        const { width, height } = this.size();
        const scale = Math.pow(2, this.zoom);
        const wx = (x - width / 2) / scale + this.cx;
        const wy = (y - height / 2) / scale + this.cy;
        const lon = (wx / TILE) * 360 - 180;
        const n = Math.PI - (2 * Math.PI * wy) / TILE;
        return [lon, (180 / Math.PI) * Math.atan(Math.sinh(n))];
    }

    size() {
        return { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
    }

    draw({ aircraft, conflicts, selected, trail, geofenceEvents }) {
        const ratio = globalThis.devicePixelRatio || 1;
        const { width, height } = this.size();
        if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
            this.canvas.width = Math.round(width * ratio);
            this.canvas.height = Math.round(height * ratio);
        }
        const g = this.canvas.getContext('2d');
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        g.fillStyle = '#0d1b2a';
        g.fillRect(0, 0, width, height);
        if (this.tileUrl) {
            this.drawTiles(g, width, height);
        }
        this.drawOutline(g, width, height);
        this.drawGeofenceEvents(g, geofenceEvents, width, height);

        if (trail && trail.length > 1) {
            g.strokeStyle = 'rgba(255,255,255,0.7)';
            g.lineWidth = 1.5;
            g.beginPath();
            trail.forEach(([lon, lat], i) => {
                const [x, y] = this.toScreen(lon, lat, width, height);
                i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
            });
            g.stroke();
        }

        const drawn = [];
        const labels = aircraft.length <= 300 || this.zoom >= 9;
        g.font = '10px system-ui, sans-serif';
        for (const a of aircraft) {
            if (typeof a.lat !== 'number' || typeof a.lon !== 'number') continue;
            const [x, y] = this.toScreen(a.lon, a.lat, width, height);
            if (x < -20 || y < -20 || x > width + 20 || y > height + 20) continue;
            const emergency = isEmergency(a);
            const conflict = conflicts.has(a.hex);
            const heading = ((a.track ?? a.true_heading ?? 0) * Math.PI) / 180;
            g.save();
            g.translate(x, y);
            g.rotate(heading);
            g.fillStyle = altitudeColour(a.alt_baro);
            g.globalAlpha = a.stale ? 0.45 : 1;
            g.beginPath();
            g.moveTo(0, -7);
            g.lineTo(5, 6);
            g.lineTo(0, 3);
            g.lineTo(-5, 6);
            g.closePath();
            g.fill();
            g.restore();
            if (emergency || conflict || a.hex === selected) {
                g.strokeStyle = emergency ? '#ff3b30' : conflict ? '#ffd60a' : '#ffffff';
                g.lineWidth = 2;
                g.beginPath();
                g.arc(x, y, 11, 0, Math.PI * 2);
                g.stroke();
            }
            if (labels || emergency || conflict || a.hex === selected) {
                g.fillStyle = emergency ? '#ff6961' : '#d8dee9';
                g.fillText((a.flight || a.hex).trim(), x + 9, y - 6);
            }
            drawn.push({ hex: a.hex, x, y, emergency, conflict });
        }
        this.drawConflictLines(g, conflicts, drawn);
        this.drawn = drawn;
        this.frames++;
        this.dirty = false;
    }

    drawConflictLines(g, conflicts, drawn) {
        const at = new Map(drawn.map((m) => [m.hex, m]));
        g.strokeStyle = '#ffd60a';
        g.setLineDash([4, 3]);
        g.lineWidth = 1.5;
        for (const [hex, other] of conflicts) {
            const a = at.get(hex);
            const b = other && at.get(other);
            if (a && b && hex < other) {
                g.beginPath();
                g.moveTo(a.x, a.y);
                g.lineTo(b.x, b.y);
                g.stroke();
            }
        }
        g.setLineDash([]);
    }

    drawOutline(g, width, height) {
        const path = (points) => {
            g.beginPath();
            points.forEach(([lon, lat], i) => {
                const [x, y] = this.toScreen(lon, lat, width, height);
                i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
            });
            g.closePath();
        };
        path(BORDER);
        g.fillStyle = this.tileUrl ? 'rgba(0,0,0,0)' : '#14283c';
        g.fill();
        g.strokeStyle = '#4c6a87';
        g.lineWidth = 1.2;
        g.stroke();
        g.fillStyle = '#1f4e79';
        for (const lake of LAKES) {
            path(lake);
            g.fill();
        }
        g.font = '10px system-ui, sans-serif';
        for (const place of PLACES) {
            const [x, y] = this.toScreen(place.lon, place.lat, width, height);
            g.strokeStyle = '#7f9bb5';
            g.strokeRect(x - 3, y - 3, 6, 6);
            g.fillStyle = '#7f9bb5';
            g.fillText(place.name, x + 6, y + 12);
        }
    }

    drawGeofenceEvents(g, events, width, height) {
        for (const event of events) {
            const location = event.location;
            if (!location) continue;
            const [x, y] = this.toScreen(location.longitude, location.latitude, width, height);
            g.fillStyle = event.event_type === 'entry' ? '#30d158' : '#ff9f0a';
            g.beginPath();
            g.arc(x, y, 4, 0, Math.PI * 2);
            g.fill();
        }
    }

    drawTiles(g, width, height) {
        const z = Math.max(0, Math.min(19, Math.floor(this.zoom)));
        const scale = Math.pow(2, this.zoom - z);
        const tilesPerSide = Math.pow(2, z);
        const size = TILE * scale;
        const originX = width / 2 - this.cx * Math.pow(2, this.zoom);
        const originY = height / 2 - this.cy * Math.pow(2, this.zoom);
        const x0 = Math.floor(-originX / size);
        const y0 = Math.floor(-originY / size);
        for (let tx = x0; tx * size + originX < width; tx++) {
            for (let ty = y0; ty * size + originY < height; ty++) {
                if (ty < 0 || ty >= tilesPerSide) continue;
                const wrapped = ((tx % tilesPerSide) + tilesPerSide) % tilesPerSide;
                const image = this.tile(z, wrapped, ty);
                if (image.complete && image.naturalWidth > 0) {
                    g.drawImage(image, tx * size + originX, ty * size + originY, size, size);
                }
            }
        }
    }

    tile(z, x, y) {
        const url = this.tileUrl.replace('{z}', z).replace('{x}', x).replace('{y}', y);
        let image = this.tiles.get(url);
        if (!image) {
            image = new Image();
            image.onload = () => (this.dirty = true);
            image.src = url;
            this.tiles.set(url, image);
            if (this.tiles.size > 512) {
                this.tiles.delete(this.tiles.keys().next().value);
            }
        }
        return image;
    }
}
