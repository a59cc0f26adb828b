#!/usr/bin/env bash
# The production stack on this machine, as .ci/run starts it (issue 13, acceptance 1): a fresh
# PostgreSQL database, Redis (cache, channel layer, RQ task queue), scripts/production.sh with
# WEB_WORKERS Uvicorn workers, TASK_WORKERS RQ workers and the scheduler, nginx in front
# (scripts/nginx.sh, TRUSTED_PROXY_COUNT=1); then tests/smoke/stack.py through nginx.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379 and nginx.
#   scripts/ci-stack.sh                 the smoke test
#   STACK_DEMO=1 scripts/ci-stack.sh CMD [ARG...]
#                                       the demo content loaded, then CMD with STACK_URL (nginx)
#                                       in its environment: the benchmarks of tests/bench/
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

dir="$(mktemp -d)"
database="zuidwest_stack_$$"
app_port="$(free_port)"
nginx_port="$(free_port)"
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="ci-stack-$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${database}"
# A Redis database of its own (RQ's queue keys have no prefix, and the end flushes the database):
# two stacks at once on one machine need two STACK_REDIS_DB numbers.
redis_db="${STACK_REDIS_DB:-14}"
export REDIS_URL="redis://127.0.0.1:6379/${redis_db}" REDIS_PREFIX="ci-stack-$$"
export TASKS_BACKEND=rq WEB_WORKERS="${WEB_WORKERS:-3}" TASK_WORKERS="${TASK_WORKERS:-2}"
export TRUSTED_PROXY_COUNT=1 ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export HOST=127.0.0.1 PORT="${app_port}" STATIC_ROOT="${dir}/static" MEDIA_ROOT="${dir}/media"
export VAR_DIR="${dir}/var" PRIVATE_MEDIA_ROOT="${dir}/private"
export NGINX_LISTEN="127.0.0.1:${nginx_port}" APP_ADDRESS="127.0.0.1:${app_port}"
export NGINX_RUN_DIR="${dir}/nginx"

pids=()
finish() {
  local status=$?
  for pid in "${pids[@]}"; do kill -TERM -- "-${pid}" 2>/dev/null; done
  wait 2>/dev/null
  if ((status)); then
    echo "--- platform log"; tail -40 "${dir}/platform.log"
    echo "--- nginx log"; tail -20 "${dir}/nginx.log"
  fi
  dropdb -h 127.0.0.1 -U postgres --if-exists "${database}" 2>/dev/null
  redis-cli -h 127.0.0.1 -p 6379 -n "${redis_db}" flushdb >/dev/null 2>&1
  rm -rf "${dir}"
  exit "${status}"
}
trap finish EXIT

mkdir -p "${dir}/media" "${dir}/private" "${dir}/var"
# Its own database from the start too: a stack that was killed leaves its jobs in the queue.
redis-cli -h 127.0.0.1 -p 6379 -n "${redis_db}" flushdb >/dev/null
createdb -h 127.0.0.1 -U postgres "${database}" || exit 1
"$PY" manage.py collectstatic --noinput -v0 || exit 1
"$PY" manage.py migrate --noinput -v0 || exit 1
"$PY" manage.py load_initial_data >"${dir}/load.log" 2>&1 || { tail -20 "${dir}/load.log"; exit 1; }
if [[ -n "${STACK_DEMO:-}" ]]; then
  # --force: the demo's staff accounts have known addresses, which production refuses unasked.
  for command in "seed_demo --force" "seed_processes --force" ledger_sync; do
    # shellcheck disable=SC2086
    "$PY" manage.py ${command} >>"${dir}/load.log" 2>&1 || { tail -20 "${dir}/load.log"; exit 1; }
  done
fi

setsid scripts/production.sh >"${dir}/platform.log" 2>&1 &
pids+=($!)
setsid scripts/nginx.sh >"${dir}/nginx.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:${nginx_port}/healthz" && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:${nginx_port}/healthz" || exit 1
echo
echo "stack: ${WEB_WORKERS} web workers, ${TASK_WORKERS} RQ workers, scheduler, nginx on ${nginx_port}"
export STACK_URL="http://127.0.0.1:${nginx_port}"
if (($#)); then
  "$@"
else
  "$PY" tests/smoke/stack.py "${STACK_URL}"
fi
