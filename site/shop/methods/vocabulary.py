"""The fixed words of the methods databank. Filters, the advice questionnaire and the scoring all
speak this vocabulary, so it lives in code rather than in editable snippets: a new audience only
means something once the questionnaire can ask for it and the scoring can weigh it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# One list of audiences for the databank and the agenda, kept in the kernel.
from common.audience import Audience  # noqa: F401

# The participatieladder, lowest rung first: one list for the databank and inspraak.
from common.ladder import Influence

# What each rung means for a participant, in plain words (shown next to the ladder).
INFLUENCE_EXPLAINED = {
    Influence.INFORMEREN: _("U hoort wat er gaat gebeuren. Meepraten over het besluit kan niet."),
    Influence.RAADPLEGEN: _("U mag zeggen wat u ervan vindt. De gemeente besluit zelf."),
    Influence.ADVISEREN: _("U geeft advies. De gemeente legt uit wat ze ermee doet."),
    Influence.COPRODUCEREN: _("U maakt samen met de gemeente het plan."),
    Influence.MEEBESLISSEN: _("Bewoners beslissen zelf. De gemeente voert het besluit uit."),
}


def influence_rank(level: str) -> int:
    """0 for informeren up to 4 for meebeslissen."""
    return Influence.values.index(level)


class Goal(models.TextChoices):
    INFORMEREN = "informeren", _("Informatie geven over een plan")
    IDEEEN = "ideeen", _("Ideeën ophalen")
    MENING = "mening", _("Weten wat mensen ergens van vinden")
    PLAN = "plan", _("Samen een plan of ontwerp maken")
    KIEZEN = "kiezen", _("Bewoners laten kiezen of beslissen")
    CONTACT = "contact", _("Contact en vertrouwen opbouwen")
    SIGNALEREN = "signaleren", _("Zien wat er speelt in de buurt")


class Channel(models.TextChoices):
    OFFLINE = "offline", _("Op locatie")
    ONLINE = "online", _("Online")


class Duration(models.TextChoices):
    """Time from the first preparation to the last meeting, not counting the follow-up."""

    KORT = "kort", _("Binnen twee weken")
    MIDDEL = "middel", _("Twee weken tot twee maanden")
    LANG = "lang", _("Langer dan twee maanden")


class Cost(models.TextChoices):
    """Out-of-pocket costs (room, food, printing, interpreters), not the hours of staff."""

    LAAG = "laag", _("Minder dan € 1.000")
    MIDDEL = "middel", _("€ 1.000 tot € 10.000")
    HOOG = "hoog", _("Meer dan € 10.000")


class Suitability(models.TextChoices):
    GOED = "goed", _("Goed geschikt")
    AANPASSING = "aanpassing", _("Geschikt met aanpassingen")
    LASTIG = "lastig", _("Minder geschikt")


class Access(models.TextChoices):
    """The filter on accessibility: only methods rated 'goed geschikt' count."""

    LAAGGELETTERD = "laaggeletterd", _("Ook als lezen en schrijven moeilijk is")
    ANDERSTALIG = "anderstalig", _("Ook voor wie weinig Nederlands spreekt")


def ordinal(choices: type[models.TextChoices], value: str) -> int:
    return choices.values.index(value)


class Reach(models.TextChoices):
    """How many people a plan wants to reach; the scoring uses the typical number."""

    KLEIN = "klein", _("Tot 15 mensen")
    GROEP = "groep", _("15 tot 50 mensen")
    BUURT = "buurt", _("50 tot 250 mensen")
    WIJK = "wijk", _("Meer dan 250 mensen")


REACH_TYPICAL = {Reach.KLEIN: 10, Reach.GROEP: 30, Reach.BUURT: 150, Reach.WIJK: 500}


class ChannelWish(models.TextChoices):
    OFFLINE = "offline", _("Op locatie")
    ONLINE = "online", _("Online")
    BEIDE = "beide", _("Maakt niet uit")
