"""Vote codes, ballots and the "has voted" mark.

Secrecy by design: a Ballot row holds no voter, no code and no time. What links a voter to
their ballot is the HasVoted mark, and it does so only through a keyed hash: the mark keeps a
random nonce, the ballot keeps HMAC(SECRET_KEY, nonce) as its seal. The database alone cannot
join the two; the server, holding the key, can find the previous ballot to replace it when the
same voter votes again (the last ballot counts). The receipt id is random and is the voter's
only handle on their ballot in the published list.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.fields import optional_fk

from .proposal import Proposal
from .round import Round


class VoteCode(models.Model):
    """A one-time code from a letter. Only a salted hash is stored: whoever reads the database
    cannot vote with it. `used_at` is when it was first used (for the turnout of letters)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    batch = models.PositiveIntegerField(default=1)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("stemcode")
        verbose_name_plural = _("stemcodes")
        constraints = [
            models.UniqueConstraint(fields=["round", "code_hash"], name="one_hash_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.code_hash[:8]}…"


class Ballot(models.Model):
    class Source(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "papier", _("op papier")
        IMPORT = "import", _("geïmporteerd")

    # Random keys: a sequence would line ballots up with the order of the "has voted" marks.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    receipt = models.CharField(max_length=16, unique=True)
    seal = models.CharField(max_length=64, blank=True, db_index=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ONLINE)
    # Only on a vote line imported from a pabulib file (public data, no resident of Zuidwest):
    # [line number, voter id, *the round's `voter_columns`], so pb_export gives it back.
    pabulib = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("stembiljet")
        verbose_name_plural = _("stembiljetten")
        ordering = ["receipt"]

    def __str__(self) -> str:
        return self.receipt

    @property
    def receipt_display(self) -> str:
        """The receipt as the voter saw it: in groups of four, like on the receipt page."""
        return "-".join(self.receipt[i : i + 4] for i in range(0, len(self.receipt), 4))


class BallotChoice(models.Model):
    """One project on one ballot; `points` is 1 on ballots without points."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal"], name="one_choice_per_project"),
            models.CheckConstraint(condition=Q(points__gt=0), name="choice_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.proposal_id} ({self.points})"


class HasVoted(models.Model):
    """The mark: this code (or this account) has a ballot in this round. Unique per round and
    voter in the database, so two simultaneous first votes cannot both insert one."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="marks")
    code = models.OneToOneField(
        VoteCode, null=True, blank=True, on_delete=models.CASCADE, related_name="mark"
    )
    user = optional_fk(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_votes"
    )
    nonce = models.CharField(max_length=64)
    times = models.PositiveIntegerField(default=1)
    voted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("heeft gestemd")
        verbose_name_plural = _("heeft gestemd")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "code"], condition=Q(code__isnull=False), name="one_mark_per_code"
            ),
            models.UniqueConstraint(
                fields=["round", "user"], condition=Q(user__isnull=False), name="one_mark_per_user"
            ),
            models.CheckConstraint(
                condition=Q(code__isnull=False, user__isnull=True)
                | Q(code__isnull=True, user__isnull=False),
                name="mark_code_or_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.code_id or self.user_id}"


class PaperBallotEntry(models.Model):
    """One person's typing of one paper ballot. A paper ballot counts once two different staff
    members have typed the same choices for the same sheet number. Set-aside entries
    (`discarded_at`) no longer count as typed."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="paper_entries")
    sheet = models.CharField(_("nummer op het stembiljet"), max_length=20)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    choices = models.JSONField(default=dict)  # {proposal id (str): points}
    created_at = models.DateTimeField(default=timezone.now)
    counted = models.BooleanField(default=False)
    # A first entry with a typo is set aside by a colleague (its correction, or the sheet found
    # invalid); it stays for the record but no longer takes part in the double entry.
    discarded_at = models.DateTimeField(null=True, blank=True)
    discarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invoer papieren stembiljet")
        verbose_name_plural = _("invoer papieren stembiljetten")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "sheet", "entered_by"],
                condition=Q(discarded_at__isnull=True),
                name="one_entry_per_person_per_sheet",
            ),
            models.UniqueConstraint(
                fields=["round", "sheet"],
                condition=Q(counted=True),
                name="paper_sheet_counted_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.sheet}"
