"""The one place where spoken descriptions from residents are checked.

A resident may speak a report or an idea instead of typing it. The browser records it and turns
it into a WAV file (16 kHz mono, static/js/recorder.js); without JavaScript a resident chooses a
file that a phone's recorder made. Either way the file is judged by its content only: its first
bytes say what it is (`filetype`), and the file is then parsed to read its length (the standard
`wave` module for WAV, `mutagen` for the compressed formats). A WAV is written anew from its
samples, and the tags of other formats are removed, so only the sound itself is stored.
"""

import io
import wave
from dataclasses import dataclass

import filetype
import mutagen
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

MAX_AUDIO_BYTES = 5 * 1024 * 1024
MAX_AUDIO_SECONDS = 120

# What we accept, by the type the first bytes show: the extension we store and the type we serve
# (mimetypes.guess_type of that extension, which private_file_response uses).
AUDIO_FORMATS = {
    "audio/x-wav": ("wav", "audio/x-wav"),
    "audio/mpeg": ("mp3", "audio/mpeg"),
    "audio/mp4": ("m4a", "audio/mp4"),
    "audio/ogg": ("ogg", "audio/ogg"),
    "audio/x-flac": ("flac", "audio/flac"),
    "audio/aac": ("aac", "audio/aac"),
}
AUDIO_TYPES = frozenset(content_type for _ext, content_type in AUDIO_FORMATS.values())
# Phones' recorders save MP4 audio as .m4a, .mp4 or .3gp, which filetype names as video.
_MP4_VIDEO = {"video/mp4", "video/3gpp", "video/quicktime"}


@dataclass(frozen=True)
class CheckedAudio:
    """A checked recording, ready to store."""

    content: bytes
    extension: str
    content_type: str
    seconds: float

    def as_file(self, name_stem: str) -> ContentFile:
        """Our name, our extension: nothing of the resident's file name is stored."""
        if not name_stem or any(c in name_stem for c in "/\\\0") or name_stem.startswith("."):
            raise ValueError(f"Unsafe file name stem: {name_stem!r}")
        return ContentFile(self.content, name=f"{name_stem}.{self.extension}")


def minutes(seconds: float) -> str:
    """2:00 for 120 seconds: how the recorder's timer shows a length."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",")


def _not_audio() -> ValidationError:
    return ValidationError(
        _(
            "Dit bestand is geen geluidsopname. Neem uw bericht opnieuw op. Of kies een opname in "
            "WAV, MP3, M4A, OGG of FLAC."
        ),
        code="not_audio",
    )


def _read(upload, max_bytes: int) -> bytes:
    too_large = ValidationError(
        _("De opname is te groot. Een opname mag hoogstens %(limit)s MB zijn."),
        code="too_large",
        params={"limit": _megabytes(max_bytes)},
    )
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise too_large
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    return data


def _clean_wav(data: bytes) -> tuple[bytes, float] | None:
    """The samples of a PCM WAV written into a new file (no other chunks), with the length.
    None when the standard module cannot read it (e.g. a compressed WAV): mutagen then tries."""
    try:
        with wave.open(io.BytesIO(data), "rb") as source:
            params = source.getparams()
            if not params.framerate or not params.nchannels:
                return None
            frames = source.readframes(params.nframes)
    except (wave.Error, EOFError, ValueError):
        return None
    frame_size = params.nchannels * params.sampwidth
    seconds = (len(frames) // frame_size) / params.framerate
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setnchannels(params.nchannels)
        target.setsampwidth(params.sampwidth)
        target.setframerate(params.framerate)
        target.writeframes(frames)
    return out.getvalue(), seconds


def _parse_compressed(data: bytes) -> tuple[bytes, float]:
    """The length of a compressed recording from its container, and the file without its tags
    (a title, a place name or a phone's name can be in them)."""
    handle = io.BytesIO(data)
    try:
        parsed = mutagen.File(handle)
    except (mutagen.MutagenError, ValueError, EOFError, IndexError) as error:
        raise _not_audio() from error
    length = getattr(getattr(parsed, "info", None), "length", 0) or 0
    if parsed is None or length <= 0:
        raise _not_audio()
    if parsed.tags is not None:
        try:
            handle.seek(0)
            parsed.delete(handle)
        except (mutagen.MutagenError, ValueError, NotImplementedError):
            pass  # a format whose tags cannot be removed keeps them; the sound is what counts
    return handle.getvalue(), float(length)


def check_audio(
    upload, *, max_bytes: int = MAX_AUDIO_BYTES, max_seconds: int = MAX_AUDIO_SECONDS
) -> CheckedAudio:
    """A checked recording, or a ValidationError with a Dutch message that says what is wrong:
    not a recording, too big, too long."""
    data = _read(upload, max_bytes)
    if not data:
        raise ValidationError(_("Het bestand is leeg. Neem uw bericht opnieuw op."), code="empty")
    kind = filetype.guess(data)
    mime = kind.mime if kind else ""
    if mime in _MP4_VIDEO:
        mime = "audio/mp4"
    if mime not in AUDIO_FORMATS:
        raise _not_audio()
    extension, content_type = AUDIO_FORMATS[mime]
    cleaned = _clean_wav(data) if mime == "audio/x-wav" else None
    content, seconds = cleaned or _parse_compressed(data)
    if seconds <= 0:
        raise _not_audio()
    if seconds > max_seconds + 0.5:  # half a second of margin for the browser's timing
        raise ValidationError(
            _(
                "De opname is te lang: %(length)s minuten. Een opname mag hoogstens "
                "%(limit)s minuten zijn. Neem een kortere opname op."
            ),
            code="too_long",
            params={"length": minutes(seconds), "limit": minutes(max_seconds)},
        )
    return CheckedAudio(
        content=content, extension=extension, content_type=content_type, seconds=seconds
    )


def _limits(limit: str, size: str) -> str:
    return _(
        "U mag ook een opname maken in plaats van typen. Hoogstens %(limit)s minuten en "
        "%(size)s MB."
    ) % {"limit": limit, "size": size}


# Translated when the form is shown, in the visitor's language, not when the module loads.
_limits_text = lazy(_limits, str)


class RecordingField(forms.FileField):
    """A spoken description: a file input for audio that static/js/recorder.js turns into a
    record, stop, listen and remove control (its texts travel in data attributes, so they are
    translated here). `cleaned_data` holds a CheckedAudio, or None."""

    def __init__(self, *, label=None, help_text=None, max_seconds: int = MAX_AUDIO_SECONDS, **kw):
        self.max_seconds = max_seconds
        limit = minutes(max_seconds)
        super().__init__(
            label=label or _("Of spreek uw bericht in"),
            required=False,
            help_text=help_text or _limits_text(limit, _megabytes(MAX_AUDIO_BYTES)),
            widget=forms.ClearableFileInput(
                attrs={
                    "accept": "audio/*",
                    "data-recorder": "",
                    "data-max-seconds": str(max_seconds),
                    "data-limit": limit,
                    "data-text-record": _("Opname starten"),
                    "data-text-stop": _("Opname stoppen"),
                    "data-text-remove": _("Opname weghalen"),
                    "data-text-recording": _("Bezig met opnemen"),
                    "data-text-ready": _(
                        "Uw opname is klaar. Luister hem terug of neem opnieuw op."
                    ),
                    "data-text-removed": _("De opname is weggehaald."),
                    "data-text-denied": _(
                        "Wij mogen uw microfoon niet gebruiken. Kies hieronder een opname, of typ "
                        "uw bericht."
                    ),
                    "data-text-limit": _("De opname is gestopt: hij mag niet langer zijn."),
                    "data-text-player": _("Uw opname terugluisteren"),
                }
            ),
            **kw,
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        return check_audio(upload, max_seconds=self.max_seconds)
