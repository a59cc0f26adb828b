#!/usr/bin/env bash
# The production web process: one Daphne (ASGI: pages and websockets) on HOST:PORT. Run several
# behind a load balancer; `collectstatic` and `migrate` run once before, not here.
# --no-server-name: no "Server: daphne" banner that tells a visitor which software to attack.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="site:.${PYTHONPATH:+:${PYTHONPATH}}"
exec "${PYTHON:-.venv/bin/python}" -m daphne --no-server-name \
  --bind "${HOST:-0.0.0.0}" --port "${PORT:-8000}" "$@" config.asgi:application
