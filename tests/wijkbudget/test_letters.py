"""The vote-code letter says until when one can vote and whom to call for help."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from participation.wijkbudget.letters import letters_pdf, practical_lines

pytestmark = pytest.mark.django_db


def test_the_letter_names_the_closing_date_and_the_help_line(voting_round, settings, monkeypatch):
    from participation.wijkbudget import letters

    drawn = []
    wrap = letters._wrap

    def recording(c, text, *args, **kwargs):
        drawn.append(text)
        return wrap(c, text, *args, **kwargs)

    monkeypatch.setattr(letters, "_wrap", recording)
    settings.PARTICIPATIEWINKEL_PHONE = "070 123 45 67"
    voting_round.voting_ends_at = datetime(2027, 3, 14, 18, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert practical_lines(voting_round, "nl") == [
        "Stemmen kan tot 14 maart 2027 om 18:00 uur.",
        "Vragen, of hulp nodig bij het stemmen? Bel de participatiewinkel: 070 123 45 67.",
    ]
    assert practical_lines(voting_round, "en")[0] == "You can vote until 14 March 2027 at 18:00."
    assert letters_pdf(voting_round, ["ABCDEFGHJKMN"], ("nl",)).startswith(b"%PDF-")
    assert "Stemmen kan tot 14 maart 2027 om 18:00 uur." in drawn
    assert any("070 123 45 67" in text for text in drawn)


def test_without_a_planned_end_the_letter_still_gives_the_help_line(voting_round):
    voting_round.voting_ends_at = None
    [line] = practical_lines(voting_round, "nl")
    assert line.split("? ")[1] == "Bel de participatiewinkel: 14 070."
