# The README's two commands: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run test install install-test frontend migrate demo-data serve chromium nginx pdf-tools bench-tools lint clean

run: install frontend migrate demo-data serve

# The suite runs on every core (pytest-xdist; each worker has its own test database, media
# folders and Redis database). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
test: install-test frontend chromium nginx pdf-tools
	$(PY) -m pytest -n $(PYTEST_WORKERS) --maxprocesses 4 $(PYTEST_ARGS)

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Built again when a template or a script changes: the design-system CSS keeps only the classes
# they use (scripts/build-frontend.mjs).
FRONTEND_CONTENT := $(shell find templates static/js static/css -type f 2>/dev/null)
static/vendor/.built: node_modules/.installed scripts/build-frontend.mjs $(FRONTEND_CONTENT)
	npm run --silent build
	touch $@

frontend: static/vendor/.built

migrate: install
	mkdir -p var/mail
	$(PY) manage.py migrate --noinput

# Loads once: both commands leave existing content alone.
demo-data: migrate
	$(PY) manage.py load_initial_data
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_processes
	$(PY) manage.py ledger_sync
	$(PY) manage.py update_index

serve:
	./scripts/run.sh

# Debian's Chromium for the end-to-end tests, when missing and the machine allows it.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Could not install chromium: the end-to-end tests will be skipped."; \
	  else echo "No chromium and no root: the end-to-end tests will be skipped."; fi; }

# Debian's poppler-utils (pdftoppm, pdftotext, pdffonts) for the tests of the vote-code letters in
# every language (tests/wijkbudget/test_letters.py), and the Noto fonts the letters embed (the
# copies in site/common/fonts/ come from fonts-noto-core).
pdf-tools:
	@{ command -v pdftoppm >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ]; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils fonts-noto-core >/dev/null) \
	    || echo "Could not install poppler-utils: the PDF letter tests will be skipped."; \
	  else echo "No poppler-utils and no root: the PDF letter tests will be skipped."; fi; }

# Debian's nginx for the reverse proxy (deploy/nginx/zuidwest.conf, scripts/nginx.sh) and its test.
nginx:
	@{ command -v nginx >/dev/null 2>&1 && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static >/dev/null) \
	    || echo "Could not install nginx: the reverse-proxy tests will be skipped."; \
	  else echo "No nginx and no root: the reverse-proxy tests will be skipped."; fi; }

# What the benchmarks of tests/bench/ need beyond the suite: wrk, Debian's HTTP load generator,
# and Granian, the ASGI server that bench_servers.py measures against ours (not a dependency).
bench-tools: install-test frontend nginx
	$(PY) -m pip install --quiet granian==2.8.9
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "No wrk and no root: install Debian's wrk package."; exit 1; fi; }

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=site $(VENV)/bin/lint-imports --no-cache

clean:
	rm -rf $(VENV) node_modules static/vendor var
