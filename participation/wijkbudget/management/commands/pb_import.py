"""`manage.py pb_import FILE.pb [--slug SLUG] [--wijk SLUG] [--close]`: a pabulib election as a
round (services/pabulib.py). Projects become feasible proposals, votes become anonymous ballots
that keep the file's voter ids and columns, so pb_export gives the file back. The round is not
published: a coordinator publishes it in the workspace. With --close the round is counted at
once with its rule (the file's `rule` when we support it, else MES)."""

from __future__ import annotations

import secrets
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from common.models import Wijk
from participation.wijkbudget.pb.parse import PabulibError, parse_file
from participation.wijkbudget.services import round_close
from participation.wijkbudget.services.pabulib import round_import


class Command(BaseCommand):
    help = "Import a pabulib .pb file as an unpublished budget round (proposals and ballots)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--slug", default="")
        parser.add_argument("--wijk", action="append", default=[], help="wijk slug (repeatable)")
        parser.add_argument("--close", action="store_true", help="count the round at once")

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        try:
            election = parse_file(options["file"], voters=True)
        except (OSError, PabulibError) as exc:
            raise CommandError(str(exc)) from exc
        meta = election.instance.meta
        title = meta.get("description") or " ".join(
            meta[k] for k in ("unit", "subunit", "instance") if meta.get(k)
        )
        title = title or "Geïmporteerde ronde"
        slug = options["slug"] or slugify(f"{title}-{secrets.token_hex(2)}")[:80]
        wijken = (
            Wijk.objects.filter(slug__in=options["wijk"]) if options["wijk"] else Wijk.objects.all()
        )
        try:
            round = round_import(election=election, slug=slug, title=title, wijken=wijken)
        except PabulibError as exc:
            raise CommandError(str(exc)) from exc
        if options["close"]:
            round = round_close(round=round, actor=None)
        seconds = time.perf_counter() - start
        self.stdout.write(
            f"round {round.slug}: {round.proposals.count()} proposals, "
            f"{election.profile.n_voters} ballots"
            + (
                f", {sum(p['selected'] for p in round.result['projects'])} selected"
                if round.result
                else ""
            )
            + f"; not published (a coordinator publishes it in the workspace); {seconds:.1f} s"
        )
