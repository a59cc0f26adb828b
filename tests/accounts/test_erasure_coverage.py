"""An app with personal data and no eraser cannot be missed: every installed model that can hold
a person's address, phone or name, or that keeps a link to an account when the account goes,
is covered by a registered eraser (accounts.exports) or listed here with the reason it holds
nothing of a resident."""

import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from accounts.exports import covered_models, erasers

# Models that match the rules below but hold no resident's personal data, and why.
NOT_PERSONAL = {
    "common.Afdeling": "a department's shared mailbox, not a person's",
    "agenda.Activity": "the organiser's work address, entered by staff",
    "wagtailcore.PageLogEntry": "keeps the id of the staff member who acted; the label is a title",
    "wagtailcore.APIToken": "a staff member's API token, cascades with the account",
}

NAME = re.compile(r"^(name|display_name|first_name|last_name|full_name)$")
PHONE = re.compile(r"phone|telefoon|mobile")
DETACHED = {models.CASCADE, models.SET_NULL, models.SET_DEFAULT}


def personal_fields(model) -> list[str]:
    """The fields that can hold a person's data, or keep a link that outlives the account."""
    user = get_user_model()
    fields = [f for f in model._meta.get_fields() if getattr(f, "concrete", False)]
    contact = [
        f.name
        for f in fields
        if isinstance(f, models.EmailField | models.GenericIPAddressField) or PHONE.search(f.name)
    ]
    links = [f for f in fields if f.is_relation and f.related_model is user]
    names = [f.name for f in fields if NAME.match(f.name)] if contact or links else []
    kept = [f.name for f in links if f.remote_field.on_delete not in DETACHED]
    return contact + names + kept


def test_every_model_with_personal_data_is_covered_by_an_eraser():
    covered = covered_models()
    missing = {
        model._meta.label: fields
        for model in apps.get_models()
        if (fields := personal_fields(model))
        and model._meta.label not in covered
        and model._meta.label not in NOT_PERSONAL
    }
    assert missing == {}, "register an eraser that covers these (accounts.exports)"


def test_what_the_erasers_claim_exists_and_the_account_goes_last():
    labels = {model._meta.label for model in apps.get_models()}
    assert covered_models() <= labels
    assert set(NOT_PERSONAL) <= labels
    assert list(erasers())[-1] == "account"
    assert "adviesvragen" in erasers()  # the advice requests of the participatiewinkel


@isolate_apps("common")
def test_the_walk_notices_a_model_with_an_address_or_a_kept_link():
    class Signup(models.Model):
        email = models.EmailField()

        class Meta:
            app_label = "common"

        def __str__(self):
            return self.email

    class Log(models.Model):
        actor = models.ForeignKey(get_user_model(), on_delete=models.DO_NOTHING)
        display_name = models.CharField(max_length=80)

        class Meta:
            app_label = "common"

        def __str__(self):
            return self.display_name

    assert personal_fields(Signup) == ["email"]
    assert personal_fields(Log) == ["display_name", "actor"]
