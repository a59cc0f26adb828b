"""The published result in plain Dutch: one explanation per project, from the data that
services/tally.py stored (reasons from participation/wijkbudget/pb/explain.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from common.money import format_euros

RULE_SUMMARY = {
    "greedy": gettext_lazy(
        "Het plan met de meeste stemmen krijgt als eerste geld. Dan het volgende, zolang het "
        "in het budget past. Wat niet meer past, valt af."
    ),
    "greedy-threshold": gettext_lazy(
        "Alleen plannen met genoeg stemmen doen mee. Daarvan krijgt het plan met de meeste "
        "stemmen als eerste geld, zolang het past."
    ),
    "greedy-no-skip": gettext_lazy(
        "Het plan met de meeste stemmen krijgt als eerste geld. Bij het eerste plan dat niet "
        "meer past, stopt het."
    ),
    "mes-cost": gettext_lazy(
        "Methode van Gelijke Delen: het budget is eerlijk verdeeld over alle stemmers. "
        "Iedereen kreeg hetzelfde deel. Een plan wordt gekozen als de stemmers ervoor het "
        "samen kunnen betalen uit hun deel. Zo krijgen ook kleinere groepen in de wijk iets."
    ),
    "mes-approval": gettext_lazy(
        "Methode van Gelijke Delen: het budget is eerlijk verdeeld over alle stemmers. "
        "Iedereen kreeg hetzelfde deel. Een plan wordt gekozen als de stemmers ervoor het "
        "samen kunnen betalen uit hun deel; plannen die per stem het goedkoopst zijn, gaan "
        "voor."
    ),
    "equalshares/add1": gettext_lazy(
        "Methode van Gelijke Delen, zoals de rekenhulp van equalshares.net die gebruikt."
    ),
    "equalshares/add1-comparison": gettext_lazy(
        "Methode van Gelijke Delen, zoals de rekenhulp van equalshares.net die gebruikt. Die "
        "vergelijkt de uitkomst met die van de meeste stemmen. De uitkomst die meer stemmers "
        "beter vinden, wint."
    ),
}


def rule_summary(result: dict) -> str:
    text = str(RULE_SUMMARY.get(result["rule"], ""))
    if result.get("completion") == "add1":
        text += " " + _(
            "Bleef er geld over? Dan kreeg iedereen een iets groter deel. Daarna gingen de "
            "plannen met de meeste stemmen voor, zolang ze pasten."
        )
    return text


def _names(result: dict, items: list[dict]) -> str:
    titles = {p["id"]: p["title"] for p in result["projects"]}
    return ", ".join(
        f"“{titles.get(item['id'], item['id'])}” ({format_euros(item['cents'])})" for item in items
    )


def _plural(singular: str, plural: str, n) -> str:
    """One count in a sentence, with the right form (1 stem, 2 stemmen); `n` may be points."""
    whole = int(n) if float(n).is_integer() else 2
    return ngettext(singular, plural, whole) % {"n": n}


def votes_text(n) -> str:
    return _plural("%(n)s stem", "%(n)s stemmen", n)


def count_text(entry: dict, result: dict) -> str:
    """Votes, or points on a cumulative ballot: the label of a plan's bar."""
    if result.get("ballot_rule") == "cumulative":
        return _plural("%(n)s punt", "%(n)s punten", entry["score"])
    return votes_text(entry["score"])


def score_line(entry: dict, result: dict) -> str:
    """What a plan got, e.g. "7 punten van 2 stemmers · € 6.000,00"."""
    cost = format_euros(entry["cost_cents"])
    if result.get("ballot_rule") == "cumulative":
        got = _("%(points)s van %(voters)s") % {
            "points": count_text(entry, result),
            "voters": _plural("%(n)s stemmer", "%(n)s stemmers", entry["voters"]),
        }
    else:
        got = votes_text(entry["score"])
    return f"{got} · {cost}"


def is_mes(result: dict) -> bool:
    return result.get("equal_share_cents") is not None


def share_text(result: dict) -> str:
    """The equal share, and why all shares together may be more than the budget."""
    share = result.get("equal_share_cents")
    if not share:
        return ""
    text = _("Ieder die stemde, had een gelijk deel van %(share)s te besteden.") % {
        "share": format_euros(share)
    }
    if share * result["voters"] > result["budget_cents"]:
        text += " " + _(
            "Samen is dat meer dan het budget van %(budget)s. Dat is eerlijk. Wie stemde op "
            "plannen die niet gekozen werden, gaf zijn deel niet uit. Daarom is het deel zo groot "
            "dat de gekozen plannen net in het budget passen."
        ) % {"budget": format_euros(result["budget_cents"])}
    return text


def _mes_reason(entry: dict, result: dict) -> str:
    """One sentence: why the Method of Equal Shares chose this plan or not, with the share."""
    reason = entry.get("reason")
    share = format_euros(result.get("equal_share_cents") or 0)
    cost = format_euros(entry["cost_cents"])
    supporters = entry.get("supporters", entry.get("voters", entry["score"]))
    if reason == "bought-by-shares":
        return ngettext(
            "Gekozen. De %(n)s stemmer voor dit plan kon het betalen. Iedere stemmer had een "
            "gelijk deel van %(share)s.",
            "Gekozen. De %(n)s stemmers voor dit plan konden het samen betalen. Iedere stemmer "
            "had een gelijk deel van %(share)s.",
            supporters,
        ) % {"n": supporters, "share": share}
    if reason == "unaffordable":
        n = entry.get("voters", entry["score"])
        return ngettext(
            "Niet gekozen. Iedere stemmer had een gelijk deel van %(share)s. De %(n)s stemmer "
            "voor dit plan had daarvan nog %(left)s over. Het plan kost %(cost)s.",
            "Niet gekozen. Iedere stemmer had een gelijk deel van %(share)s. De %(n)s stemmers "
            "voor dit plan hadden daarvan samen nog %(left)s over. Het plan kost %(cost)s.",
            n,
        ) % {
            "n": n,
            "share": share,
            "left": format_euros(entry.get("money_left_cents", 0)),
            "cost": cost,
        }
    if reason == "added-by-completion":
        return _(
            "Gekozen na de gelijke delen van %(share)s per stemmer. Er bleef geld over. Van de "
            "plannen die nog pasten, had dit plan de meeste stemmen: %(votes)s."
        ) % {"share": share, "votes": votes_text(entry["score"])}
    if reason == "did-not-fit":
        return _(
            "Niet gekozen: de stemmers voor dit plan konden het niet betalen uit hun deel van "
            "%(share)s. Daarna was er niet genoeg geld meer over. Het plan kost %(cost)s."
        ) % {"share": share, "cost": cost}
    return ""


def explain_project(entry: dict, result: dict) -> str:
    reason = entry.get("reason")
    votes = entry["score"]
    cost = format_euros(entry["cost_cents"])
    if is_mes(result) and (lead := _mes_reason(entry, result)):
        text = lead
        if reason == "bought-by-shares":
            text += " " + _(
                "Ieder betaalde hoogstens %(per)s; samen betaalden ze de %(cost)s die het kost. "
                "Het werd als nummer %(order)s gekozen."
            ) % {
                "per": format_euros(entry.get("per_supporter_cents", 0)),
                "cost": cost,
                "order": entry.get("round") or entry.get("order"),
            }
            if entry.get("paid_everything"):
                text += " " + ngettext(
                    "%(n)s van hen gaf daarvoor alles wat hij nog had.",
                    "%(n)s van hen gaven daarvoor alles wat ze nog hadden.",
                    entry["paid_everything"],
                ) % {"n": entry["paid_everything"]}
        if reason == "unaffordable" and entry.get("paid_for"):
            text += " " + _(
                "Hun geld ging eerst naar plannen die per stemmer goedkoper waren: %(names)s."
            ) % {"names": _names(result, entry["paid_for"])}
        return text
    if reason == "free":
        return _("Dit plan kost niets en is daarom gekozen.")
    if reason == "no-supporters":
        return _("Niemand stemde op dit plan.")
    if reason == "highest-score":
        return _(
            "Plaats %(pos)s op volgorde van stemmen (%(n)s). Toen het aan de beurt was, was er "
            "nog %(left)s over; het kost %(cost)s, dus het paste."
        ) % {
            "pos": entry.get("position"),
            "n": votes,
            "left": format_euros(entry.get("left_cents", 0)),
            "cost": cost,
        }
    if reason == "did-not-fit":
        if "left_cents" in entry:
            return _(
                "Plaats %(pos)s op volgorde van stemmen (%(n)s). Toen het aan de beurt was, was "
                "er nog %(left)s over; het kost %(cost)s, dus het paste niet meer."
            ) % {
                "pos": entry.get("position"),
                "n": votes,
                "left": format_euros(entry["left_cents"]),
                "cost": cost,
            }
        return _("Er was niet genoeg geld meer over voor dit plan (%(cost)s).") % {"cost": cost}
    if reason == "below-threshold":
        return _("Dit plan kreeg minder stemmen (%(n)s) dan het minimum dat nodig was.") % {
            "n": votes
        }
    if reason == "stopped":
        return _(
            "Het tellen stopte bij het eerste plan dat niet meer paste; dit plan kwam daarna of "
            "was dat plan (%(votes)s, %(cost)s)."
        ) % {"votes": votes_text(votes), "cost": cost}
    if entry.get("selected"):
        return _("Gekozen volgens de telmethode van deze ronde (%(votes)s).") % {
            "votes": votes_text(votes)
        }
    return _("Niet gekozen volgens de telmethode van deze ronde (%(votes)s).") % {
        "votes": votes_text(votes)
    }
