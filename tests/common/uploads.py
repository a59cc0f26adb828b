"""Helpers for the upload limit tests of every module (common.ratelimit.upload_limited)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from common import ratelimit

# Part of the Dutch message; the apostrophe in "foto's" is HTML-escaped on the page.
REFUSED = "Wacht 10 minuten en stuur ze dan opnieuw."


def jpeg(name: str = "foto.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def jpeg_with_gps(colour: str = "orange") -> bytes:
    """A phone photo with the maker and the GPS position in its EXIF, which must never be kept."""
    image = Image.new("RGB", (640, 480), colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[2] = (52.0, 2.0, 46.0)
    gps[4] = (4.0, 16.0, 57.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def allow_uploads(monkeypatch, count: int) -> None:
    monkeypatch.setattr(ratelimit, "UPLOAD_LIMIT", (count, 600))


def forbid_decoding(monkeypatch, where: str) -> None:
    """From now on, `where` (a module that imported sanitise_image) may not check a photo."""

    def refuse(*args, **kwargs):
        raise AssertionError("a photo over the limit was decoded")

    monkeypatch.setattr(f"{where}.sanitise_image", refuse)
