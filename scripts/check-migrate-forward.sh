#!/usr/bin/env bash
# A database made by an older version migrates forward with no row lost (issue 11, acceptance 2).
#
#   scripts/check-migrate-forward.sh [BASE]     BASE: a commit, default the start of issue 11
#
# In a temporary git worktree of BASE, with the same .venv, a fresh SQLite database is migrated
# and filled with the demo content (load_initial_data, seed_demo, seed_processes, ledger_sync);
# scripts/migrate_forward.py notes every table's row count and its first rows by primary key.
# Then this checkout migrates the same file, and the script fails when a table lost rows or a
# sampled row changed in a column both schemas have. Renamed tables and columns: map them in
# scripts/migrate-forward.map.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BASE="${1:-d964e71}"
PY="${ROOT}/.venv/bin/python"

work="$(mktemp -d)"
cleanup() {
  git worktree remove --force "${work}/base" >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT

git worktree add --quiet --detach "${work}/base" "${BASE}"
mkdir -p "${work}/var/mail"
run_env=(env -u REDIS_URL -u EMAIL_URL -u DATABASE_URL
  DJANGO_SETTINGS_MODULE=config.settings.dev DEBUG=true
  VAR_DIR="${work}/var" DATABASE_URL="sqlite:///${work}/db.sqlite3")

echo "migrate-forward: ${BASE} ($(git rev-parse --short "${BASE}")) -> $(git rev-parse --short HEAD)"
(
  cd "${work}/base"
  for command in "migrate --noinput" load_initial_data seed_demo seed_processes ledger_sync; do
    # shellcheck disable=SC2086
    "${run_env[@]}" "${PY}" manage.py ${command} >>"${work}/base.log" 2>&1 \
      || { echo "BASE failed at: manage.py ${command}"; tail -30 "${work}/base.log"; exit 1; }
  done
)
"${PY}" scripts/migrate_forward.py snapshot "${work}/db.sqlite3" "${work}/before.json"
"${run_env[@]}" "${PY}" manage.py migrate --noinput >"${work}/head.log" 2>&1 \
  || { echo "migrate with this checkout failed:"; tail -30 "${work}/head.log"; exit 1; }
grep -E '^\s+Applying ' "${work}/head.log" | sed 's/^ *Applying /  applied: /' || echo "  (no new migrations)"
"${PY}" scripts/migrate_forward.py compare "${work}/db.sqlite3" "${work}/before.json" \
  scripts/migrate-forward.map
