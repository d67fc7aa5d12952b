/** A small live chart on a canvas: the last `capacity` values, scaled to their own range. */
export class Sparkline {
    constructor(canvas, capacity = 60) {
        this.canvas = canvas;
        this.capacity = capacity;
        this.values = [];
        this.limit = undefined;
        this.points = 0;
    }

    push(value) {
        this.values.push(value);
        if (this.values.length > this.capacity) {
            this.values.shift();
        }
    }

    draw(colour) {
        const { canvas, values } = this;
        const ratio = globalThis.devicePixelRatio || 1;
        const width = canvas.clientWidth || 120;
        const height = canvas.clientHeight || 28;
        if (canvas.width !== Math.round(width * ratio)) {
            canvas.width = Math.round(width * ratio);
            canvas.height = Math.round(height * ratio);
        }
        const g = canvas.getContext('2d');
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        g.clearRect(0, 0, width, height);
        this.points = values.length;
        if (values.length < 2) {
            return;
        }
        let min = Math.min(...values);
        let max = Math.max(...values);
        if (max - min < 1e-9) {
            min -= 1;
            max += 1;
        }
        // The line spans the chart from the first reading on; it scrolls once `capacity` readings are held.
        const x = (i) => (i / Math.max(values.length - 1, 1)) * (width - 6) + 1;
        const y = (v) => height - 2 - ((v - min) / (max - min)) * (height - 4);
        g.strokeStyle = colour;
        g.lineWidth = 1.5;
        g.beginPath();
        values.forEach((v, i) => (i === 0 ? g.moveTo(x(i), y(v)) : g.lineTo(x(i), y(v))));
        g.stroke();
        g.fillStyle = colour;
        g.beginPath();
        g.arc(x(values.length - 1), y(values[values.length - 1]), 2, 0, Math.PI * 2);
        g.fill();
    }
}
