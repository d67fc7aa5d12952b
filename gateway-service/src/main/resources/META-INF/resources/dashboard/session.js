// The credential the page's connections use: ?token= (the stack's banner link), else a login through
// the gateway's public POST /auth/login; refreshed through POST /api/v1/auth/refresh when a stream says 4001.
const KEY = 'streamgate.dashboard.session';

export function tenantOf(token) {
    try {
        const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
        return payload.tenant || 'default';
    } catch {
        return 'default'; // an API key: the demo's tenant
    }
}

export class Session {
    constructor(storage = sessionStorage) {
        this.storage = storage;
        const query = new URLSearchParams(location.search);
        const fromUrl = query.get('token');
        if (fromUrl) {
            this.save({ accessToken: fromUrl });
            // Keep the token out of the address bar, history and screenshots; the other parameters stay.
            query.delete('token');
            history.replaceState(null, '', location.pathname + (query.size || [...query].length ? `?${query}` : ''));
        }
    }

    get current() {
        try {
            return JSON.parse(this.storage.getItem(KEY) || 'null');
        } catch {
            return null;
        }
    }

    save(session) {
        this.storage.setItem(KEY, JSON.stringify(session));
    }

    clear() {
        this.storage.removeItem(KEY);
    }

    token() {
        return this.current?.accessToken;
    }

    async login(tenant, username, password) {
        const response = await fetch('/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Fiware-Service': tenant },
            body: JSON.stringify({ username, password }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            throw new Error(body.description || body.detail || `login failed (${response.status})`);
        }
        this.save({ accessToken: body.accessToken, refreshToken: body.refreshToken });
    }

    /** One refresh shared by every stream that hit 4001 at the same moment (refresh tokens are single-use). */
    refresh() {
        if (!this.pending) {
            this.pending = this.refreshOnce().finally(() => (this.pending = undefined));
        }
        return this.pending;
    }

    async refreshOnce() {
        const refreshToken = this.current?.refreshToken;
        if (!refreshToken) {
            throw new Error('the token expired and there is no refresh token: log in again');
        }
        const response = await fetch('/api/v1/auth/refresh', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ refresh_token: refreshToken }),
        });
        if (!response.ok) {
            throw new Error(`refresh refused (${response.status})`);
        }
        const body = await response.json();
        this.save({ accessToken: body.access_token, refreshToken: body.refresh_token });
        return body.access_token;
    }
}
