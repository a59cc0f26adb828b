"""The fields of an entry, without the model: a module can build them at import time."""

import datetime as dt

from common.feedback.deadlines import on_time as on_time_rule

_UNSET = object()


def entry_fields(
    *,
    source: str,
    title: str | list,
    answer: str | list,
    answered_at: dt.datetime,
    wijk=None,
    input_url: str = "",
    input_reference: str = "",
    input_summary: str = "",
    input_received_at: dt.datetime | None = None,
    deadline: dt.datetime | None = None,
    photo_url: str = "",
    is_public: bool = True,
    on_time=_UNSET,
) -> dict:
    """The stored fields of an entry; shared by `publish` and the bulk sync of providers.
    `on_time` is the module's own verdict (its `Deadlines.answered_on_time`); without it the
    kernel's rule for the pair (answered_at, deadline). None: there was no promise.
    `title` and `answer` are words (as typed by a person) or parts (common/feedback/texts.py),
    which are stored as data and also worded in Dutch for the admin."""
    from common.feedback.texts import render

    title_parts = title if isinstance(title, list) else []
    answer_parts = answer if isinstance(answer, list) else []
    if title_parts:
        title = render(title_parts, "nl")
    if answer_parts:
        answer = render(answer_parts, "nl")
    return {
        "source": source,
        "title": title[:200],
        "answer": answer,
        "title_parts": title_parts,
        "answer_parts": answer_parts,
        "answered_at": answered_at,
        "wijk": wijk,
        "input_url": input_url,
        "input_reference": input_reference,
        "input_summary": input_summary,
        "input_received_at": input_received_at,
        "deadline": deadline,
        "on_time": on_time_rule(answered_at, deadline) if on_time is _UNSET else on_time,
        "photo_url": photo_url,
        "is_public": is_public,
    }
