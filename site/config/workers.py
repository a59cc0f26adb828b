"""The Uvicorn worker that Gunicorn runs (scripts/serve.sh).

- no `Server:` banner that tells a visitor which software to attack;
- `proxy_headers` off: Uvicorn would otherwise rewrite REMOTE_ADDR from X-Forwarded-For for
  connections from 127.0.0.1, and the platform already decides which forwarded address to
  believe, in one place (common/clientip.py, TRUSTED_PROXY_COUNT);
- no lifespan: Django has no startup or shutdown events."""

from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    CONFIG_KWARGS = {
        **UvicornWorker.CONFIG_KWARGS,
        "server_header": False,
        "proxy_headers": False,
        "lifespan": "off",
    }
