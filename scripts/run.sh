#!/usr/bin/env bash
# Serve the platform and run the task worker side by side; one Ctrl-C stops both.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"

trap 'trap - INT TERM EXIT; kill 0 2>/dev/null; wait' INT TERM EXIT

$PY manage.py db_worker --queue-name '*' --interval 1 &
$PY manage.py runserver "127.0.0.1:${PORT}" &
# The scheduler: housekeeping (overdue notices, retention) every ten minutes.
( while sleep 600; do $PY manage.py housekeeping >/dev/null; done ) &

echo "Zuidwest runs at http://127.0.0.1:${PORT} (mail: var/mail/). Ctrl-C stops everything."
wait -n
