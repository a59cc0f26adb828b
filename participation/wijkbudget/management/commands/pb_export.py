"""`manage.py pb_export ROUND [--output FILE]`: a round's ballots as a pabulib .pb file (ROUND is
the slug or the id). A round imported from a file gives that file back (services/pabulib.py):
its META, project ids and columns, voter ids and columns. Any other round's voter ids are
numbered 1..n: ballots are secret."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from common.parsing import parse_digits
from participation.wijkbudget.models import Round
from participation.wijkbudget.pb.write import write_text
from participation.wijkbudget.services.pabulib import imported_election
from participation.wijkbudget.services.tally import round_election, select


class Command(BaseCommand):
    help = "Export a budget round to the pabulib .pb format."

    def add_arguments(self, parser) -> None:
        parser.add_argument("round")
        parser.add_argument("--output", default="")

    def handle(self, *args, **options) -> None:
        key = options["round"]
        pk = parse_digits(key)
        query = Q(slug=key) | (Q(pk=pk) if pk is not None else Q())
        round = Round.objects.filter(query).first()
        if round is None:
            raise CommandError(f"no round {key!r}")
        if round.is_imported:
            # the file's own columns, `selected` too (the city's outcome); ours is round.result
            election = imported_election(round)
        else:
            election = round_election(round)
            election.instance.meta.setdefault("country", "Netherlands")
            election.instance.meta.setdefault("unit", "Den Haag Zuidwest")
            if round.result:
                chosen = set(select(round, election))
                for j, project in enumerate(election.instance.projects):
                    project.meta["selected"] = "1" if j in chosen else "0"
        text = write_text(election)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            self.stdout.write(text, ending="")
