#!/usr/bin/env bash
# The reference Wagtail site of issue 13, item 6 (wagtail/bakerydemo), outside the project and
# never among its requirements: a checkout in BAKERYDEMO_DIR with a virtualenv of its own
# (python3.11), its demo data loaded once (SQLite, as its readme sets it up), then served with
# its production settings (DEBUG off, WhiteNoise) by Gunicorn with 2 sync workers on PORT.
#
#   tests/bench/reference/bakerydemo.sh [PORT]        (default 8100; runs in the foreground)
#
#   BAKERYDEMO_DIR     where it lives (default /work/bakerydemo-ref)
#   BAKERYDEMO_SOURCE  what to clone it from (default GitHub; any git URL or local repository)
#   BAKERYDEMO_REF     the commit: by default the last one on Django 5.2 and Wagtail 7.2, the
#                      last that runs on Python 3.11 (later ones need Django 6 and Python 3.12)
#   BAKERYDEMO_WORKERS Gunicorn workers (2, as the issue's reference figure)
#
# Then, with the stack of the platform, in the same run:
#   BAKERYDEMO_URL=http://127.0.0.1:8100 STACK_DEMO=1 WEB_WORKERS=2 scripts/ci-stack.sh \
#       .venv/bin/python tests/bench/bench_public_pages.py
set -euo pipefail
port="${1:-8100}"
dir="${BAKERYDEMO_DIR:-/work/bakerydemo-ref}"
source_url="${BAKERYDEMO_SOURCE:-https://github.com/wagtail/bakerydemo.git}"
ref="${BAKERYDEMO_REF:-3c7e3af163175cdf9bd7b5c0c3fb80297b152724}"

if [[ ! -d "${dir}/.git" ]]; then
  git clone --quiet "${source_url}" "${dir}"
  git -C "${dir}" -c advice.detachedHead=false checkout --quiet "${ref}"
fi
cd "${dir}"
# Someone else's checkout at another commit is left alone: choose another BAKERYDEMO_DIR.
if [[ "$(git rev-parse HEAD)" != "$(git rev-parse "${ref}^{commit}")" ]]; then
  echo "${dir} is not at ${ref}; set BAKERYDEMO_DIR to a directory of its own" >&2
  exit 1
fi
if [[ ! -x .venv/bin/gunicorn ]]; then
  python3.11 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
  # base.txt and what its production settings import (WhiteNoise), and the server. django-tasks
  # 0.9 fails on Python 3.11 when a page is saved (TaskResult[T](...): "super(type, obj)"), and
  # load_initial_data saves pages: 0.8, which Wagtail 7.2 also accepts.
  .venv/bin/pip install --quiet -r requirements/base.txt whitenoise gunicorn "django-tasks<0.9"
fi

export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bakerydemo-reference-not-secret}"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
if [[ ! -f .loaded ]]; then
  .venv/bin/python manage.py migrate --noinput -v0
  .venv/bin/python manage.py load_initial_data
  .venv/bin/python manage.py collectstatic --noinput -v0
  touch .loaded
fi
echo "bakerydemo $(git rev-parse --short HEAD) on http://127.0.0.1:${port}/"
exec .venv/bin/gunicorn bakerydemo.wsgi:application \
  --workers "${BAKERYDEMO_WORKERS:-2}" --bind "127.0.0.1:${port}" --log-level warning
