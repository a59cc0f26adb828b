"""Front-end weight (issue 13, item 4): the bytes of a page with everything it loads (its HTML,
stylesheets, scripts and images from /static/), as sent uncompressed, gzip (level 6, as nginx's
gzip_static copies from WhiteNoise) and brotli (quality 11, WhiteNoise's .br copies), side by
side for the design-system CSS as `make frontend` builds it (only what the templates use) and the
whole libraries as npm ships them (the reference: what every page loaded before). Figures, no
timing assertion:

    .venv/bin/python -m pytest tests/bench/bench_page_weight.py -s -p no:randomly
"""

import gzip
import re
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/melden/", "/wijkbudget/", "/initiatieven/", "/participatiewinkel/"]
# What npm ships, by the name the build gives it in static/vendor/.
REFERENCE = {
    "vendor/utrecht/component-library.css": "@utrecht/component-library-css/dist/index.css",
    "vendor/denhaag/theme.css": "@gemeente-denhaag/design-tokens-components/dist/theme/index.css",
}
LOADED = re.compile(r'(?:href|src)="/static/([^"?#]+)"')

pytestmark = pytest.mark.django_db


def sizes(data: bytes) -> tuple[int, int, int]:
    return len(data), len(gzip.compress(data, 6)), len(brotli.compress(data, quality=11))


def static_file(name: str, *, reference: bool) -> bytes:
    if reference and name in REFERENCE:
        return (ROOT / "node_modules" / REFERENCE[name]).read_bytes()
    return (ROOT / "static" / name).read_bytes()


def test_page_weight(client, page_tree):
    if not (ROOT / "static/vendor/.built").exists():
        pytest.skip("run `make frontend` first")
    print()
    print(f"{'page':24} {'':10} {'raw KB':>9} {'gzip KB':>9} {'br KB':>9}  css files")
    for path in PAGES:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="nl")
        if response.status_code != 200:
            print(f"{path:24} status {response.status_code}, left out")
            continue
        html = response.content
        names = sorted(set(LOADED.findall(html.decode())))
        for label, reference in (("ours", False), ("reference", True)):
            total = [0, 0, 0]
            for part in [html] + [static_file(n, reference=reference) for n in names]:
                for i, size in enumerate(sizes(part)):
                    total[i] += size
            css = sum(1 for n in names if n.endswith(".css"))
            print(
                f"{path if not reference else '':24} {label:10} "
                + " ".join(f"{t / 1024:9.1f}" for t in total)
                + f"  {css}"
            )
