#!/usr/bin/env bash
# The production web server: WEB_WORKERS Uvicorn worker processes (ASGI: pages and websockets)
# under Gunicorn on HOST:PORT. Gunicorn restarts a worker that dies, and `kill -HUP` on its
# master starts new workers with new code before the old ones finish their requests (graceful
# restart). `collectstatic` and `migrate` run once before, not here; scripts/production.sh
# starts this together with the task workers and the scheduler.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="site:.${PYTHONPATH:+:${PYTHONPATH}}"
exec "${VENV:-.venv}/bin/gunicorn" config.asgi:application \
  --worker-class config.workers.Worker \
  --workers "${WEB_WORKERS:-2}" \
  --bind "${HOST:-0.0.0.0}:${PORT:-8000}" \
  --graceful-timeout "${GRACEFUL_TIMEOUT:-30}" \
  --timeout 60 \
  --keep-alive 5 \
  "$@"
