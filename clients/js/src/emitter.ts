type Listener = (...args: unknown[]) => void;

/** A typed, dependency-free event emitter (Node's EventEmitter is not in browsers, EventTarget loses the types). */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
    // Listeners are stored untyped; on() and emit() are the typed doors.
    private readonly listeners = new Map<keyof Events, Set<Listener>>();

    /** Registers a listener; returns the function that removes it. */
    on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
        let set = this.listeners.get(event);
        if (!set) {
            set = new Set();
            this.listeners.set(event, set);
        }
        set.add(listener as unknown as Listener);
        return () => this.off(event, listener);
    }

    off<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): void {
        this.listeners.get(event)?.delete(listener as unknown as Listener);
    }

    protected emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
        const set = this.listeners.get(event);
        if (!set) {
            return;
        }
        for (const listener of [...set]) {
            try {
                listener(...(args as unknown[]));
            } catch (error) {
                // One broken listener must not starve the others, nor kill the socket's handler.
                queueMicrotask(() => {
                    throw error;
                });
            }
        }
    }
}
