"""Advies op maat: rank the methods for a plan, with the reasons each one fits and its caveats.

Pure and deterministic: the same answers and methods always give the same ranking, with ties
broken by the method's key (its slug), so a shared link shows every reader the same advice. The
weights are plain numbers below; the goal and the influence weigh most, because a method that
serves another goal, or promises more say than participants will really get, does harm however
cheap and quick it is."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .facets import MethodFacts
from .vocabulary import (
    REACH_TYPICAL,
    Audience,
    ChannelWish,
    Cost,
    Duration,
    Goal,
    Influence,
    Reach,
    Suitability,
    influence_rank,
    ordinal,
)

GOAL = 5
INFLUENCE_EXACT = 4
INFLUENCE_NEAR = 1
INFLUENCE_FAR = -3
AUDIENCE_EACH = 2
AUDIENCE_MISSING = -1
FITS = 2  # time, budget, channel, group size
TOO_MUCH = -4  # more time or money than there is, or the wrong channel
SIZE_OFF = -2
ACCESS_GOOD = 3
ACCESS_HARD = -4


@dataclass(frozen=True)
class Answers:
    goal: str
    influence: str
    time: str
    budget: str
    reach: str
    channel: str = ChannelWish.BEIDE
    audiences: frozenset[str] = frozenset()
    low_literacy: bool = False
    other_languages: bool = False


class Note(NamedTuple):
    """A reason or a caveat: `code` for tests and styling, `text` for people."""

    code: str
    text: str


@dataclass
class Advice:
    method: MethodFacts
    score: int = 0
    reasons: list[Note] = field(default_factory=list)
    caveats: list[Note] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.method.key

    def add(self, points: int, code: str, text, *, caveat: bool = False) -> None:
        self.score += points
        (self.caveats if caveat else self.reasons).append(Note(code, str(text)))


def _label(choices, value: str) -> str:
    return str(choices(value).label)


def _labels(choices, values) -> str:
    return ", ".join(_label(choices, v).lower() for v in choices.values if v in values)


def _goal(advice: Advice, answers: Answers) -> None:
    if answers.goal in advice.method.goals:
        advice.add(
            GOAL,
            "goal",
            format_lazy(_("Helpt bij uw doel: {}."), _label(Goal, answers.goal).lower()),
        )


def _influence(advice: Advice, answers: Answers) -> None:
    levels = advice.method.influence
    if not levels:
        return
    wanted = influence_rank(answers.influence)
    if answers.influence in levels:
        advice.add(
            INFLUENCE_EXACT,
            "influence",
            format_lazy(
                _("Past bij de invloed die deelnemers krijgen: {}."),
                _label(Influence, answers.influence).lower(),
            ),
        )
        return
    ranks = sorted(influence_rank(level) for level in levels)
    distance = min(abs(rank - wanted) for rank in ranks)
    points = INFLUENCE_NEAR if distance == 1 else INFLUENCE_FAR
    if ranks[0] > wanted:
        advice.add(
            points,
            "influence_higher",
            _(
                "Deze methode wekt de verwachting dat deelnemers meer invloed krijgen dan u kunt "
                "geven. Zeg vooraf eerlijk wat er met hun reacties gebeurt."
            ),
            caveat=True,
        )
    else:
        advice.add(
            points,
            "influence_lower",
            _(
                "Deelnemers krijgen met deze methode minder invloed dan u wilt geven. Combineer "
                "haar met een methode waarin zij meer te zeggen hebben."
            ),
            caveat=True,
        )


def _audiences(advice: Advice, answers: Answers) -> None:
    wanted = set(answers.audiences) - {Audience.BEWONERS}
    if not wanted:
        return
    served = wanted & advice.method.audiences
    missing = wanted - advice.method.audiences
    if served:
        advice.add(
            AUDIENCE_EACH * len(served),
            "audience",
            format_lazy(_("Werkt goed met: {}."), _labels(Audience, served)),
        )
    if missing:
        advice.add(
            AUDIENCE_MISSING * len(missing),
            "audience_missing",
            format_lazy(
                _("Minder bekend als manier om deze groep te bereiken: {}."),
                _labels(Audience, missing),
            ),
            caveat=True,
        )


def _within(advice: Advice, choices, needed: str, available: str, code: str, fits, short):
    """The method needs no more (time, money) than there is; `short` names what it needs."""
    if ordinal(choices, needed) <= ordinal(choices, available):
        advice.add(FITS, code, fits)
    else:
        text = format_lazy(short, _label(choices, needed).lower())
        advice.add(TOO_MUCH, f"{code}_short", text, caveat=True)


def _time_and_money(advice: Advice, answers: Answers) -> None:
    method = advice.method
    _within(
        advice,
        Duration,
        method.duration,
        answers.time,
        "time",
        _("Past in de tijd die u heeft."),
        _("Kost meestal meer tijd dan u heeft: {}."),
    )
    _within(
        advice,
        Cost,
        method.cost,
        answers.budget,
        "budget",
        _("Past in uw budget."),
        _("Kost meestal meer dan uw budget: {}."),
    )


def _channel(advice: Advice, answers: Answers) -> None:
    channels = advice.method.channels
    if answers.channel == ChannelWish.BEIDE or not channels:
        return
    if answers.channel in channels:
        text = _("Kan online.") if answers.channel == ChannelWish.ONLINE else _("Kan op locatie.")
        advice.add(FITS, "channel", text)
    elif answers.channel == ChannelWish.ONLINE:
        advice.add(TOO_MUCH, "channel_offline", _("Werkt alleen op locatie."), caveat=True)
    else:
        advice.add(
            TOO_MUCH,
            "channel_online",
            _("Werkt alleen online. Mensen zonder internet of zonder hulp doen niet mee."),
            caveat=True,
        )


def _reach(advice: Advice, answers: Answers) -> None:
    method = advice.method
    people = REACH_TYPICAL[Reach(answers.reach)]
    if method.group_min <= people <= method.group_max:
        advice.add(
            FITS,
            "reach",
            format_lazy(
                _("Geschikt voor het aantal mensen dat u wilt bereiken ({} tot {} per keer)."),
                method.group_min,
                method.group_max,
            ),
        )
    elif people > method.group_max:
        advice.add(
            SIZE_OFF,
            "reach_small",
            format_lazy(
                _("Bereikt per keer hooguit {} mensen. Herhaal de methode of combineer haar."),
                method.group_max,
            ),
            caveat=True,
        )
    else:
        advice.add(
            SIZE_OFF,
            "reach_large",
            format_lazy(_("Werkt pas goed met minstens {} mensen."), method.group_min),
            caveat=True,
        )


def _suits(advice: Advice, rating: str, code: str, good, adapt, hard) -> None:
    """How well the method works for a group the plan wants to include: a reason when it is
    well suited, a caveat with the adaptation it needs, or a caveat that it is hard for them."""
    if rating == Suitability.GOED:
        advice.add(ACCESS_GOOD, code, good)
    elif rating == Suitability.AANPASSING:
        advice.add(0, f"{code}_adapt", adapt, caveat=True)
    else:
        advice.add(ACCESS_HARD, f"{code}_hard", hard, caveat=True)


def _access(advice: Advice, answers: Answers) -> None:
    method = advice.method
    if answers.low_literacy:
        _suits(
            advice,
            method.low_literacy,
            "literacy",
            _("Werkt ook als lezen en schrijven moeilijk is."),
            _(
                "Pas de methode aan voor wie moeilijk leest: gebruik beelden, praat in plaats "
                "van te schrijven en help bij het invullen."
            ),
            _("Vraagt veel lezen of schrijven."),
        )
    if answers.other_languages:
        _suits(
            advice,
            method.other_languages,
            "languages",
            _("Werkt ook met mensen die weinig Nederlands spreken."),
            _(
                "Regel tolken of sleutelfiguren die de talen van de deelnemers spreken, en "
                "vertaal de uitnodiging."
            ),
            _("Lastig voor wie weinig Nederlands spreekt."),
        )


RULES = (_goal, _influence, _audiences, _time_and_money, _channel, _reach, _access)


def score(method: MethodFacts, answers: Answers) -> Advice:
    advice = Advice(method)
    for rule in RULES:
        rule(advice, answers)
    return advice


def rank(methods, answers: Answers, *, limit: int | None = None) -> list[Advice]:
    """Methods from best to least fit; equal scores in key order."""
    ranked = sorted((score(m, answers) for m in methods), key=lambda a: (-a.score, a.key))
    return ranked[:limit] if limit else ranked
