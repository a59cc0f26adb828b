#!/usr/bin/env bash
# The whole platform on one machine, with the environment of config.settings.production:
#   - the web server (scripts/serve.sh: WEB_WORKERS Uvicorn workers under Gunicorn),
#   - TASK_WORKERS background task workers (mail, thumbnails, reminders; TASKS_BACKEND),
#   - the scheduler: `manage.py housekeeping` every SCHEDULE_SECONDS (overdue notices, retention).
# Run `manage.py collectstatic` and `manage.py migrate` before. SIGTERM or Ctrl-C stops all of it
# (requests in progress finish, up to GRACEFUL_TIMEOUT); SIGHUP restarts the web workers
# gracefully with the code on disk.
set -uo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.production}"
PY="${VENV:-.venv}/bin/python"

scripts/serve.sh &
web=$!
# TASKS_BACKEND=rq: RQ workers on Redis; else the database backend's workers.
if [[ "${TASKS_BACKEND:-database}" == rq ]]; then
  task_worker=("$PY" manage.py rqworker --job-class django_tasks_rq.Job default)
else
  task_worker=("$PY" manage.py db_worker --queue-name '*' --interval "${TASK_POLL_SECONDS:-2}")
fi
for _ in $(seq 1 "${TASK_WORKERS:-1}"); do
  "${task_worker[@]}" &
done
( while sleep "${SCHEDULE_SECONDS:-600}"; do "$PY" manage.py housekeeping >/dev/null; done ) &

trap 'kill -HUP "${web}"' HUP
trap 'trap - INT TERM EXIT; kill -TERM 0 2>/dev/null; wait; exit 0' INT TERM
trap 'kill -TERM 0 2>/dev/null' EXIT
echo "Zuidwest (production) on ${HOST:-0.0.0.0}:${PORT:-8000}: ${WEB_WORKERS:-2} web, ${TASK_WORKERS:-1} task worker(s)."
while true; do
  wait -n
  status=$?
  # A trapped SIGHUP interrupts `wait` with a status above 128: keep running.
  if ((status > 128)) && kill -0 "${web}" 2>/dev/null; then continue; fi
  echo "a process of the platform stopped (status ${status}); stopping the rest." >&2
  exit "${status}"
done
