#!/usr/bin/env bash
# nginx in front of scripts/production.sh, with deploy/nginx/zuidwest.conf, in the foreground:
#   NGINX_LISTEN (default 8080)       where residents connect
#   APP_ADDRESS  (default 127.0.0.1:8000)  the platform's web server (HOST:PORT of serve.sh)
#   STATIC_ROOT, MEDIA_ROOT           the same folders the platform uses
#   NGINX_RUN_DIR (default var/nginx) pid, error log, temporary files, the rendered config
# Needs Debian's nginx package (`make nginx`). A system nginx can include the same file instead.
set -euo pipefail
cd "$(dirname "$0")/.."
run_dir="$(realpath -m "${NGINX_RUN_DIR:-var/nginx}")"
mkdir -p "${run_dir}"
static_root="$(realpath -m "${STATIC_ROOT:-var/staticfiles}")"
# Started as root, nginx's workers take the owner of the files they serve (never root's rights
# for a worker unless root owns them); started as another user, they stay that user.
user_line=""
if [[ "$(id -u)" == 0 ]]; then
  user_line="user $(stat -c %U "${static_root}") $(stat -c %G "${static_root}");"
fi
# Brotli copies of the static files (collectstatic writes them) when Debian's module is there.
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
load_modules="" brotli_static=""
if [[ -f "${brotli_module}" ]]; then
  load_modules="load_module ${brotli_module};"
  brotli_static="brotli_static on;"
fi
sed -e "s|@USER@|${user_line}|" -e "s|@LOAD_MODULES@|${load_modules}|" \
  -e "s|@BROTLI_STATIC@|${brotli_static}|" -e "s|@RUN_DIR@|${run_dir}|g" \
  -e "s|@LISTEN@|${NGINX_LISTEN:-8080}|g" \
  -e "s|@APP_ADDRESS@|${APP_ADDRESS:-127.0.0.1:8000}|g" \
  -e "s|@STATIC_ROOT@|${static_root}|g" \
  -e "s|@MEDIA_ROOT@|$(realpath -m "${MEDIA_ROOT:-var/media}")|g" \
  deploy/nginx/zuidwest.conf >"${run_dir}/nginx.conf"
nginx -t -q -c "${run_dir}/nginx.conf" -p "${run_dir}" -e "${run_dir}/error.log"
exec nginx -c "${run_dir}/nginx.conf" -p "${run_dir}" -e "${run_dir}/error.log" -g "daemon off;"
