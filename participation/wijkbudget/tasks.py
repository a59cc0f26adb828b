"""Background work for the wijkbudget: counting a very large round after it closed."""

from django_tasks import task


@task()
def count_round(round_id: int) -> int:
    from .models import Round
    from .services.rounds import round_count

    round = Round.objects.get(pk=round_id)
    round_count(round=round)
    return round_id
