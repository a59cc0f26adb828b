"""Live turnout for a round's public page: anyone may listen, nobody may write."""

from common.consumers import GroupConsumer

from .models import Round
from .services.base import round_group


class TurnoutConsumer(GroupConsumer):
    login_required = False

    def get_groups(self, user) -> list[str]:
        slug = self.scope["url_route"]["kwargs"]["slug"]
        pk = Round.objects.public().filter(slug=slug).values_list("pk", flat=True).first()
        return [round_group(pk)] if pk else []
