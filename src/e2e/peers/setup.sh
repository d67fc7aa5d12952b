#!/usr/bin/env bash
# Installs the peers GatewayBenchmark measures against (issue 20), only what is missing:
# Debian's nginx-light + libnginx-mod-nchan, and this directory's Node packages (ws 8, kafkajs 2)
# exactly as package-lock.json pins them. Run by the gateway-bench profile before the benchmark.
# Usage: setup.sh [peers]; with an empty argument (the profile's -Dpeers unset) there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$#" -gt 0 ] && [ -z "$1" ]; then
  exit 0
fi

if [ ! -f /usr/lib/nginx/modules/ngx_nchan_module.so ] || ! command -v nginx >/dev/null; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  echo "peers: installing nginx-light and libnginx-mod-nchan"
  "${as_root[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends nginx-light libnginx-mod-nchan
  # Debian starts the packaged nginx on port 80; the benchmark runs its own on a free port.
  "${as_root[@]}" service nginx stop >/dev/null 2>&1 || true
fi
command -v node >/dev/null || { echo "peers: node (18 or later) is needed on the PATH" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "peers: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
echo "peers: nginx $(nginx -v 2>&1 | sed 's/.*\///'), nchan module, node $(node --version), $(node -p "'ws ' + require('ws/package.json').version + ', kafkajs ' + require('kafkajs/package.json').version")"
