"""Attachments from residents: only real PDFs, at most 10 MB. Judged by the first bytes of the
file, never by its name or the browser's content type; photos go through common.images."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = 10 * 1024 * 1024


def _read(upload, max_bytes: int) -> bytes:
    too_large = ValidationError(
        "Het bestand is te groot. Een PDF mag hoogstens %(limit)s MB zijn.",
        code="too_large",
        params={"limit": max_bytes // (1024 * 1024)},
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


def check_pdf(upload, *, max_bytes: int = MAX_PDF_BYTES) -> bytes:
    """The bytes of a PDF upload, or a ValidationError with a Dutch message."""
    data = _read(upload, max_bytes)
    if not data:
        raise ValidationError("Het bestand is leeg. Kies een ander bestand.", code="empty")
    if not data.startswith(PDF_MAGIC):
        raise ValidationError(
            "Dit bestand is geen PDF. Een bijlage moet een PDF zijn; foto's kunt u hierboven "
            "toevoegen.",
            code="not_a_pdf",
        )
    return data


def safe_display_name(name: str, default: str = "bijlage.pdf") -> str:
    """A file name to show, never to store: letters, digits, spaces, dots and dashes only."""
    base = unicodedata.normalize("NFKC", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])
    base = re.sub(r"[^\w .()-]", "", base).strip(" .")[:100]
    if not base:
        return default
    return base if base.lower().endswith(".pdf") else f"{base}.pdf"


def pdf_file(data: bytes, stem: str) -> ContentFile:
    return ContentFile(data, name=f"{stem}.pdf")
