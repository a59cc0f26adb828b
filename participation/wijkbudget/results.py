"""The published result in plain Dutch: one explanation per project, from the data that
services/tally.py stored (reasons from participation/wijkbudget/pb/explain.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from common.money import format_euros

RULE_SUMMARY = {
    "greedy": gettext_lazy(
        "Het plan met de meeste stemmen krijgt als eerste geld, dan het volgende, zolang het in "
        "het budget past. Wat niet meer past, valt af."
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
        "Methode van Gelijke Delen: het budget is eerlijk verdeeld over alle stemmers. Iedereen "
        "kreeg hetzelfde deel. Een plan wordt gekozen als de mensen die erop stemden het samen "
        "kunnen betalen uit hun deel. Zo krijgen ook kleinere groepen in de wijk iets."
    ),
    "mes-approval": gettext_lazy(
        "Methode van Gelijke Delen: het budget is eerlijk verdeeld over alle stemmers. Iedereen "
        "kreeg hetzelfde deel. Een plan wordt gekozen als de mensen die erop stemden het samen "
        "kunnen betalen uit hun deel; plannen die per stem het goedkoopst zijn, gaan voor."
    ),
    "equalshares/add1": gettext_lazy(
        "Methode van Gelijke Delen, zoals de rekenhulp van equalshares.net die gebruikt."
    ),
    "equalshares/add1-comparison": gettext_lazy(
        "Methode van Gelijke Delen, zoals de rekenhulp van equalshares.net die gebruikt, "
        "vergeleken met de uitkomst met de meeste stemmen: de uitkomst die meer stemmers "
        "beter vinden, wint."
    ),
}


def rule_summary(result: dict) -> str:
    text = str(RULE_SUMMARY.get(result["rule"], ""))
    if result.get("completion") == "add1":
        text += " " + _(
            "Bleef er geld over, dan kreeg iedereen een iets groter deel, en daarna gingen de "
            "plannen met de meeste stemmen voor, zolang ze pasten."
        )
    return text


def _names(result: dict, items: list[dict]) -> str:
    titles = {p["id"]: p["title"] for p in result["projects"]}
    return ", ".join(
        f"“{titles.get(item['id'], item['id'])}” ({format_euros(item['cents'])})" for item in items
    )


def explain_project(entry: dict, result: dict) -> str:
    reason = entry.get("reason")
    votes = entry["score"]
    cost = format_euros(entry["cost_cents"])
    if reason == "bought-by-shares":
        text = ngettext(
            "%(n)s stemmer koos dit plan.",
            "%(n)s stemmers kozen dit plan.",
            entry.get("supporters", entry.get("voters", votes)),
        ) % {"n": entry.get("supporters", entry.get("voters", votes))}
        text += " " + _(
            "Ieder betaalde hoogstens %(per)s uit zijn gelijke deel van %(share)s; samen "
            "betaalden ze de %(cost)s die het kost. Het werd als nummer %(order)s gekozen."
        ) % {
            "per": format_euros(entry.get("per_supporter_cents", 0)),
            "share": format_euros(result.get("equal_share_cents") or 0),
            "cost": cost,
            "order": entry.get("round") or entry.get("order"),
        }
        if entry.get("paid_everything"):
            text += " " + ngettext(
                "%(n)s van hen gaf daarvoor alles wat hij nog had.",
                "%(n)s van hen gaven daarvoor alles wat ze nog hadden.",
                entry["paid_everything"],
            ) % {"n": entry["paid_everything"]}
        return text
    if reason == "unaffordable":
        text = _(
            "%(n)s stemmers kozen dit plan, maar toen het aan de beurt kon komen, hadden zij samen "
            "nog %(left)s over. Het kost %(cost)s."
        ) % {
            "n": entry.get("voters", votes),
            "left": format_euros(entry.get("money_left_cents", 0)),
            "cost": cost,
        }
        if entry.get("paid_for"):
            text += " " + _(
                "Hun geld ging eerst naar plannen die per stemmer goedkoper waren: %(names)s."
            ) % {"names": _names(result, entry["paid_for"])}
        return text
    if reason == "added-by-completion":
        return _(
            "Na de gelijke delen bleef er geld over. Dit plan kreeg dat geld, omdat het met %(n)s "
            "stemmen de meeste stemmen had van de plannen die nog pasten."
        ) % {"n": votes}
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
            "was dat plan (%(n)s stemmen, %(cost)s)."
        ) % {"n": votes, "cost": cost}
    if entry.get("selected"):
        return _("Gekozen volgens de telmethode van deze ronde (%(n)s stemmen).") % {"n": votes}
    return _("Niet gekozen volgens de telmethode van deze ronde (%(n)s stemmen).") % {"n": votes}
