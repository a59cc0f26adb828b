"""Asking for, keeping and finding machine translations (see the package's docstring).

- `translate_later(obj, fields, source=…, target=…)`: after the transaction commits, a
  background task translates those text fields of `obj` (nothing when translation is off or
  the languages are the same).
- `stored(obj, field, target)`: the translation to show, or None (then show the original).
- `mail_translation(obj, field, source=…)`: what a notification's context carries under
  "machine_translations" so its mail shows `field` in the recipient's language; the mail task
  (`prepare_mail`) makes a missing translation first, `apply_to_context` puts it in."""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete

from ..feedback.language import language_name
from .backends import TranslationError, get_translator
from .models import MachineTranslation, digest

logger = logging.getLogger(__name__)
ATTEMPTS = 2  # one retry: a translator that fails twice is given up, the original stands


def enabled() -> bool:
    return get_translator().enabled


def translate_later(obj, fields: list[str], *, source: str, target: str) -> None:
    """Queue the translation of `fields` of `obj` from `source` into `target`, after commit."""
    if source == target or not enabled():
        return
    from common.tasks import translate_fields

    label = obj._meta.label_lower
    pk = obj.pk
    transaction.on_commit(lambda: translate_fields.enqueue(label, pk, list(fields), source, target))


def _lookup(obj, field: str, target: str) -> MachineTranslation | None:
    return MachineTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        target_language=target,
    ).first()


def _current(obj, field: str, target: str) -> MachineTranslation | None:
    """The row for the current text of `field` into `target`: made, or given up."""
    text = getattr(obj, field, "") or ""
    if not text.strip() or obj.pk is None:
        return None
    found = _lookup(obj, field, target)
    return found if found is not None and found.source_digest == digest(text) else None


def stored(obj, field: str, target: str) -> MachineTranslation | None:
    """The translation of the current text of `field` into `target`, if one was made."""
    found = _current(obj, field, target)
    return found if found is not None and not found.failed else None


def ensure(obj, field: str, *, source: str, target: str) -> MachineTranslation | None:
    """The stored translation, or a new one made now (background tasks only: this waits for
    the translator). None when off, when the text is empty, or when the translator fails: it
    is logged and given up after one retry, for good: the page's task and the mail's task do
    not each wait for a translator that is down."""
    text = getattr(obj, field, "") or ""
    if source == target or not text.strip():
        return None
    found = _current(obj, field, target)
    if found is not None:
        return None if found.failed else found
    translator = get_translator()
    if not translator.enabled:
        return None
    label = f"{obj._meta.label_lower} {obj.pk} {field} {source}→{target}"
    translated = None
    for attempt in range(1, ATTEMPTS + 1):
        try:
            translated = translator.translate(text, source=source, target=target)
            break
        except TranslationError as error:
            logger.warning(
                "Machine translation of %s failed (%s/%s): %s", label, attempt, ATTEMPTS, error
            )
    values = {
        "source_language": source,
        "source_digest": digest(text),
        "text": translated or "",
        "failed": translated is None,
        "backend": translator.name,
    }
    keys = {
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": obj.pk,
        "field": field,
        "target_language": target,
    }
    try:
        with transaction.atomic():
            row, _created = MachineTranslation.objects.update_or_create(**keys, defaults=values)
    except IntegrityError:  # another task stored it at the same moment
        row = MachineTranslation.objects.filter(**keys).first()
    return row if row is not None and not row.failed else None


def translate_now(label: str, pk: int, fields: list[str], source: str, target: str) -> int:
    """The background task's work: how many of `fields` have a translation afterwards."""
    obj = apps.get_model(label)._default_manager.filter(pk=pk).first()
    if obj is None:  # removed in the meantime
        return 0
    return sum(ensure(obj, field, source=source, target=target) is not None for field in fields)


# --- mails --------------------------------------------------------------------------------


def mail_translation(obj, field: str, *, source: str) -> dict:
    """A context entry for notify(): the mail shows `field` translated into its recipient's
    language (when that is not `source` and a translation can be had), marked, with the
    original below it. JSON-serialisable, like the rest of the context."""
    return {"label": obj._meta.label_lower, "pk": obj.pk, "field": field, "source": source}


def _objects(context: dict):
    for key, spec in (context.get("machine_translations") or {}).items():
        model = apps.get_model(spec["label"])
        obj = model._default_manager.filter(pk=spec["pk"]).first()
        if obj is not None:
            yield key, spec, obj


def prepare_mail(notification) -> None:
    """Before a mail is rendered (in the mail task): make the translations it shows."""
    if not enabled():
        return
    for _key, spec, obj in _objects(notification.context or {}):
        ensure(obj, spec["field"], source=spec["source"], target=notification.language)


def apply_to_context(context: dict, language: str) -> dict:
    """`context` with each translated entry in `language`: `key` becomes the translation,
    `key_original` the original and `key_translated_from` the original's language by name.
    An entry without a stored translation keeps its original text."""
    result = dict(context)
    for key, spec, obj in _objects(context):
        if spec["source"] == language:
            continue
        found = stored(obj, spec["field"], language)
        if found is not None:
            result[key] = found.text
            result[f"{key}_original"] = getattr(obj, spec["field"])
            result[f"{key}_translated_from"] = language_name(spec["source"])
    return result


# --- cleaning up --------------------------------------------------------------------------


def register_translated(model) -> None:
    """Models whose texts may be translated: their translations go when they go (erasure,
    retention). Call it from the app's AppConfig.ready()."""
    post_delete.connect(
        _forget, sender=model, dispatch_uid=f"machine-translation-{model._meta.label_lower}"
    )


def _forget(sender, instance, **kwargs) -> None:
    MachineTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()
