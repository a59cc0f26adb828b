"""What residents propose for a round, with its feasibility judgement and its history."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from common.feedback.deadlines import Deadlines
from common.feedback.events import StatusEvent, actor_kind_field, status_field
from common.feedback.language import InputLanguage
from common.fields import optional_fk

from ..workflow import Actor, Feasibility
from .round import Round


class ProposalQuerySet(models.QuerySet):
    def on_ballot(self):
        return self.filter(status=Feasibility.HAALBAAR)

    def public(self):
        return self.exclude(status=Feasibility.SAMENGEVOEGD)


def _photo_path(instance, filename: str) -> str:
    return f"wijkbudget/{filename}"


class Proposal(InputLanguage, index.Indexed, models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("beschrijving"))
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    place = models.CharField(_("plek"), max_length=160, blank=True)
    estimated_cost_cents = models.BigIntegerField(_("geschatte kosten (in centen)"))
    photo = models.ImageField(_("foto"), upload_to=_photo_path, blank=True)
    thumbnail = models.ImageField(upload_to=_photo_path, blank=True)
    proposer = optional_fk(settings.AUTH_USER_MODEL, related_name="budget_proposals")
    status = models.CharField(
        _("haalbaarheid"), max_length=16, choices=Feasibility.choices, default=Feasibility.INGEDIEND
    )
    final_cost_cents = models.BigIntegerField(
        _("kosten volgens de gemeente"), null=True, blank=True
    )
    reason = models.TextField(_("uitleg van de gemeente"), blank=True)
    merged_into = optional_fk("self", related_name="merged_from")
    # A merge waits for the proposer's yes; staff propose it, the proposer consents.
    merge_requested_into = optional_fk("self", related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # Only on a project imported from a pabulib file: its line of PROJECTS, by column
    # (project_id, cost, name and whatever else the file has), for pb_export.
    pabulib = models.JSONField(null=True, blank=True, editable=False)

    objects = ProposalQuerySet.as_manager()
    # The site search (wijkbudget/search.py) finds the public plans of published rounds.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("place"),
        index.FilterField("status"),
        index.FilterField("round"),
    ]

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_cost_cents__gte=0), name="proposal_cost_positive"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="haalbaar") | models.Q(final_cost_cents__gte=0),
                name="feasible_has_final_cost",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def cost_cents(self) -> int:
        """What the proposal costs on the ballot: the municipality's figure once judged."""
        if self.final_cost_cents is not None:
            return self.final_cost_cents
        return self.estimated_cost_cents

    @property
    def pb_id(self) -> str:
        """The id in a pabulib election: zero-padded, so ids as strings sort as numbers."""
        return f"{self.pk:010d}"

    @property
    def file_id(self) -> str:
        """The project id in exports: the file's own id for an imported project."""
        return (self.pabulib or {}).get("project_id") or self.pb_id


class ProposalEvent(StatusEvent):
    """Append-only history: what happened and what the proposer was told."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    from_status = status_field(Feasibility, blank=True)
    to_status = status_field(Feasibility)
    actor_kind = actor_kind_field(Actor)

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_status} → {self.to_status}"


class RealisationUpdate(models.Model):
    """How far a funded plan is: a short text and maybe a photo, shown on the round page."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(_("wat is er gebeurd?"))
    photo = models.ImageField(_("foto"), upload_to=_photo_path, blank=True)
    thumbnail = models.ImageField(upload_to=_photo_path, blank=True)
    author = optional_fk(settings.AUTH_USER_MODEL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stand van uitvoering")
        verbose_name_plural = _("stand van uitvoering")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.created_at:%Y-%m-%d}"


# The feasibility answer is promised before voting starts (common/feedback/deadlines.py): the
# promise is the round's `voting_starts_at`; the answer is the first "haalbaar" or "niet
# haalbaar" in the history; a merged proposal is answered by the one it joined.
FEASIBILITY_ANSWERED = [Feasibility.HAALBAAR, Feasibility.NIET_HAALBAAR]


def _first_answer_of(proposal: Proposal):
    answers = proposal.events.filter(to_status__in=FEASIBILITY_ANSWERED)
    return answers.order_by("created_at", "pk").values_list("created_at", flat=True).first()


def _first_answer():
    answers = ProposalEvent.objects.filter(
        proposal=models.OuterRef("pk"), to_status__in=FEASIBILITY_ANSWERED
    )
    return models.Subquery(answers.order_by("created_at", "pk").values("created_at")[:1])


DEADLINES = Deadlines(
    promise="round__voting_starts_at",
    answered_at=_first_answer,
    waiting={Feasibility.INGEDIEND},
    answered=FEASIBILITY_ANSWERED,
    answer_of=_first_answer_of,
)
