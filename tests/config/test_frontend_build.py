"""Issue 13, item 4: the design-system CSS that `make frontend` builds holds only what the
platform uses — and nothing it uses is missing: every component class a template or script
writes that the library styles is still styled, every token our own CSS reads is still
defined, and the classes templates build from a variable keep all their variants."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILT = {
    "utrecht": ROOT / "static/vendor/utrecht/component-library.css",
    "denhaag": ROOT / "static/vendor/denhaag/theme.css",
}
SHIPPED = {
    "utrecht": ROOT / "node_modules/@utrecht/component-library-css/dist/index.css",
    "denhaag": ROOT
    / "node_modules/@gemeente-denhaag/design-tokens-components/dist/theme/index.css",
}
CLASS = re.compile(r"\b((?:utrecht|denhaag)-[a-z0-9_-]*[a-z0-9])\b")

pytestmark = pytest.mark.skipif(
    not all(p.exists() for p in [*BUILT.values(), *SHIPPED.values()]),
    reason="needs the front end (make frontend)",
)


def css(paths) -> str:
    return "".join(p.read_text() for p in paths)


def styled(text: str) -> set[str]:
    """Classes that start a rule of their own (not only named inside :has() of another)."""
    return set(re.findall(r"\.((?:utrecht|denhaag)-[\w-]+)[^{},]*[{,]", text))


def written() -> set[str]:
    names = set()
    for pattern in ["templates/**/*.html", "static/js/*.js"]:
        for path in ROOT.glob(pattern):
            names |= set(CLASS.findall(path.read_text()))
    return names


def test_the_built_css_is_a_fraction_of_the_libraries():
    assert len(css(BUILT.values())) < len(css(SHIPPED.values())) / 3


def test_every_class_the_templates_use_keeps_its_style():
    shipped, built = styled(css(SHIPPED.values())), styled(css(BUILT.values()))
    lost = sorted(name for name in written() & shipped if name not in built)
    assert not lost, f"purged although a template uses them: {lost}"
    # and it is a real selection: most of the library's components are gone
    assert len(shipped - built) > len(built)


def test_every_token_our_css_reads_is_still_defined():
    ours = "".join(p.read_text() for p in (ROOT / "static/css").glob("*.css"))
    read = set(re.findall(r"var\((--[\w-]+)", ours + css(BUILT.values())))
    defined = lambda text: set(re.findall(r"(--[\w-]+)\s*:", text))  # noqa: E731
    # The theme's tokens; a component's own declarations inside a rule that is gone go with it.
    theme, shipped_theme = BUILT["denhaag"].read_text(), SHIPPED["denhaag"].read_text()
    missing = sorted(
        token for token in read if token in defined(shipped_theme) and token not in defined(theme)
    )
    assert len(defined(theme)) < len(defined(shipped_theme)) / 3
    assert not missing, f"tokens read but purged: {missing}"


@pytest.mark.parametrize(
    "variant",
    [
        "utrecht-button--primary-action",  # button_form.html: utrecht-button--{{ kind }}-action
        "utrecht-button--secondary-action",
        "utrecht-alert--error",  # messages.html: utrecht-alert--{% if … %}error{% … %}
        "utrecht-alert--warning",
        "utrecht-alert--ok",
        "utrecht-ordered-list__item",  # blocks/measures.html
        "utrecht-unordered-list__item",
    ],
)
def test_classes_built_from_a_variable_keep_their_variants(variant):
    assert variant in styled(css(BUILT.values()))
