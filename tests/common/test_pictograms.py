"""Pictograms beside words (issue 12, item 8): every public status of a melding and of an
initiative has its picture, the picture exists, is drawn in the house style, and is decorative
(alt="") because the word is always beside it. Only arrows turn round in right-to-left pages."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.template import Context, Template

from initiatives import workflow as initiatives_workflow
from meldingen import workflow as meldingen_workflow

WORKFLOWS = [meldingen_workflow, initiatives_workflow]


def icon_file(name: str) -> str:
    found = finders.find(f"icons/{name}.svg")
    assert found, f"static/icons/{name}.svg is missing"
    with open(found, encoding="utf-8") as handle:
        return handle.read()


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.__name__)
def test_every_public_status_has_a_pictogram_that_exists(workflow):
    assert set(workflow.PUBLIC_ICONS) == set(workflow.PUBLIC_LABELS) == set(workflow.Status)
    for status, name in workflow.PUBLIC_ICONS.items():
        assert name.startswith("status-"), status
        svg = icon_file(name)
        # The house style of the entry points: 48×48, one green line of 3, round ends, no text.
        assert 'viewBox="0 0 48 48"' in svg and 'stroke="#1f6b37"' in svg, name
        assert 'stroke-width="3"' in svg and 'stroke-linecap="round"' in svg, name
        assert "<text" not in svg and "<script" not in svg, name


def test_a_status_of_one_workflow_keeps_one_picture_for_one_meaning():
    """Different words of one workflow get different pictures, except the two of 'again'."""
    icons = list(meldingen_workflow.PUBLIC_ICONS.values())
    assert len(set(icons)) == len(icons) - 1  # verzoek tot heropenen and heropend
    icons = list(initiatives_workflow.PUBLIC_ICONS.values())
    assert len(set(icons)) == len(icons)


def render(source: str, **context) -> BeautifulSoup:
    html = Template("{% load ui %}" + source).render(Context(context))
    return BeautifulSoup(html, "html.parser")


def test_the_pictogram_is_decorative_and_sized_by_its_box():
    img = render('{% pictogram "geld" %}').img
    assert img["alt"] == "" and img["src"].endswith("icons/geld.svg")
    assert (img["width"], img["height"]) == ("24", "24")
    assert img["class"] == ["pictogram"]
    large = render('{% pictogram "plan" large=True %}').img
    assert (large["width"], large["height"]) == ("32", "32")
    assert "pictogram--large" in large["class"]
    assert str(render('{% pictogram "" %}')) == ""


def test_only_arrows_turn_round_in_right_to_left_pages():
    mirrored = {
        name
        for workflow in WORKFLOWS
        for name in workflow.PUBLIC_ICONS.values()
        if "icon--mirrored" in render("{% pictogram name %}", name=name).img["class"]
    }
    assert mirrored == {"status-doorgestuurd", "status-ingetrokken"}
    for name in ("plan", "geld", "afval", "status-opnieuw"):
        assert "icon--mirrored" not in render("{% pictogram name %}", name=name).img["class"]
    with open(finders.find("css/site.css"), encoding="utf-8") as handle:
        css = handle.read()
    assert re.search(r"\.icon--mirrored:dir\(rtl\)\s*\{\s*transform:\s*scaleX\(-1\)", css)


class Shown:
    """Anything with a current status as the kernel gives it (common.feedback.events)."""

    def __init__(self, label, icon):
        self.public_label, self.public_icon = label, icon


def test_the_status_label_puts_the_picture_beside_the_word():
    soup = render("{% status_label item %}", item=Shown("Ingepland", "status-gepland"))
    label = soup.select_one(".status-label")
    assert label.img["alt"] == "" and label.img["src"].endswith("icons/status-gepland.svg")
    assert label.select_one(".status-label__text").get_text() == "Ingepland"
    # Without a picture (a module that has none) the word stays, alone.
    soup = render("{% status_label item %}", item=Shown("Haalbaar", ""))
    assert soup.img is None and soup.get_text() == "Haalbaar"
