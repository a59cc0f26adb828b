"""The one place where photos uploaded by residents are checked and cleaned.

Reports, initiatives and budget proposals all accept photos from the public. Those files can leak
where someone lives (EXIF GPS), can be crafted to exhaust memory (decompression bombs) or can be
something else entirely with a `.jpg` name. Every upload therefore goes through `sanitise_image`,
which judges the file by its content only and re-encodes it from pixels, so nothing but the
picture itself is ever stored or served.
"""

import contextlib
import io
import struct
import warnings
from dataclasses import dataclass
from typing import Protocol

import pillow_heif
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# iPhones upload HEIC by default; register the opener once so Image.open understands it. We never
# use the depth maps and auxiliary images (portrait mode) that iPhones put beside the photo, so
# they are not read. Embedded thumbnails stay on: `draft` may decode one instead of the photo.
pillow_heif.register_heif_opener(depth_images=False, aux_images=False)

# The largest photo we accept, in pixels. Phones save 12 MP (4032 x 3024) by default, recent
# iPhones 24 MP (5712 x 4284 = 24.5 MP) and system cameras 24 MP (6000 x 4000); 30 MP leaves a
# margin above those. The 48-200 MP "full resolution" modes of some phones are not accepted: we
# keep at most MAX_SIDE pixels per side anyway, and a decoded 50 MP photo alone costs 150-200 MB
# of memory in a worker. Such a resident is told to send a smaller photo or a screenshot.
MAX_PIXELS = 30_000_000
MAX_SIDE = 2560  # longest side of what we store
# Pillow refuses to open anything above twice MAX_IMAGE_PIXELS, in every code path (Wagtail's
# images for editors, thumbnails, renditions), so that refusal sits exactly at our limit. Its
# warning for the half-way point would then fire for ordinary 24 MP photos: it is silenced once,
# here, rather than toggled per upload (warning filters are process-wide, not thread-safe).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
JPEG_QUALITY = 85
# What Pillow and pillow-heif raise for damaged or malformed files; ValueError covers libheif.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)
_BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class Upload(Protocol):
    """What we need from a Django `UploadedFile` (or any similar file-like object)."""

    size: int | None
    name: str | None

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class SanitisedImage:
    """A cleaned photo: re-encoded bytes without any metadata, ready to store."""

    content: bytes
    format: str  # "JPEG" or "PNG"
    width: int
    height: int
    content_type: str
    extension: str

    def as_file(self, name_stem: str) -> ContentFile:
        """Wrap the bytes for a FileField; the caller picks a random stem, we pick the extension,
        so nothing of the resident's original file name ends up in storage."""
        if not name_stem or any(c in name_stem for c in "/\\\0") or name_stem.startswith("."):
            raise ValueError(f"Unsafe file name stem: {name_stem!r}")
        return ContentFile(self.content, name=f"{name_stem}.{self.extension}")


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",")


def _read(upload: Upload, max_bytes: int) -> bytes:
    """Refuse oversized files before reading them, and never read more than one byte too many."""
    too_large = ValidationError(
        "De foto is te groot. Een foto mag hoogstens %(limit)s MB zijn.",
        code="too_large",
        params={"limit": _megabytes(max_bytes)},
    )
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise too_large
    if hasattr(upload, "seek"):
        upload.seek(0)  # a form or model field may already have read it
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    return data


def _is_other_image(data: bytes) -> bool:
    """True when Pillow recognises some image format we do not accept (GIF, BMP, TIFF, ...).
    Only headers are parsed; pixels of unsupported formats are never decoded."""
    try:
        with Image.open(io.BytesIO(data)):
            return True
    except _BOMB:
        return True
    except _DECODE_ERRORS:
        return False


def _broken() -> ValidationError:
    return ValidationError(
        "De foto is beschadigd of niet compleet. Probeer een andere foto.", code="broken"
    )


def _too_many_pixels(max_pixels: int) -> ValidationError:
    return ValidationError(
        _(
            "De foto heeft te veel pixels. Een foto mag hoogstens %(limit)s megapixel zijn. "
            "Stuur een kleinere foto. Of maak een schermafbeelding (screenshot) van de foto "
            "en stuur die."
        ),
        code="too_many_pixels",
        params={"limit": f"{max_pixels / 1_000_000:g}".replace(".", ",")},
    )


def _fit(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """The size `thumbnail` will make of `size` within a square of `max_side`."""
    width, height = size
    scale = min(1.0, max_side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _open(data: bytes, max_pixels: int, max_side: int) -> Image.Image:
    """Open the image header, check format and pixel count, and only then decode the pixels, at
    the smallest size the format can decode to that still covers what we keep."""
    try:
        img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except _BOMB as exc:  # over Pillow's own limit, which is ours (see MAX_IMAGE_PIXELS)
        raise _too_many_pixels(min(max_pixels, MAX_PIXELS)) from exc
    except UnidentifiedImageError as exc:
        if _is_other_image(data):
            raise ValidationError(
                "Dit soort bestand kunnen we niet gebruiken. "
                "Kies een foto in JPEG, PNG, WebP of HEIC.",
                code="unsupported_format",
            ) from exc
        raise ValidationError(
            "Dit bestand is geen foto. Kies een foto in JPEG, PNG, WebP of HEIC.",
            code="not_an_image",
        ) from exc
    except _DECODE_ERRORS as exc:  # recognised, but the header itself is damaged
        raise _broken() from exc
    width, height = img.size  # from the header: nothing decoded yet
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels)
    # JPEG decodes at 1/2, 1/4 or 1/8 scale inside libjpeg (a 24 MP photo then takes a quarter
    # of the memory and time), never below the size we keep, so what we store is as sharp as
    # before; HEIF may pick an embedded thumbnail that is large enough. Other formats ignore it.
    img.draft(None, _fit(img.size, max_side))
    try:
        img.load()  # animated images: only the first frame is used
    except _BOMB as exc:
        raise _too_many_pixels(max_pixels) from exc
    except _DECODE_ERRORS as exc:
        raise _broken() from exc
    return img


def _shrink(img: Image.Image, max_side: int) -> Image.Image:
    """Scale down to what we keep before anything else copies the full-size pixels (rotation,
    colour conversion and mode changes each make a copy). Palette, 1-bit and 16-bit images are
    normalised first, because Pillow resizes those without smoothing or not at all."""
    if img.mode in ("1", "P") or img.mode.startswith("I;16"):
        img = _normalise(img)
    img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return img


def _to_srgb(img: Image.Image) -> Image.Image:
    """Colour policy: an embedded ICC profile (e.g. Display P3 from iPhones, CMYK from print
    software) is converted to sRGB so colours stay right, and the profile itself is then dropped;
    output is untagged sRGB. If the profile is unusable we just drop it."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if img.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(img, source, _SRGB, outputMode=mode) or img
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img


def _normalise(img: Image.Image) -> Image.Image:
    """Reduce every mode to RGB, or RGBA when some pixel is actually see-through."""
    if img.mode == "I" or img.mode.startswith("I;16"):
        # 16-bit greyscale: convert("L") would clip everything above 255 to white, so scale.
        img = img.convert("I").point(lambda v: v / 256).convert("L")
    if img.has_transparency_data:
        img = img.convert("RGBA")
        if img.getchannel("A").getextrema()[0] < 255:
            return img
    return img.convert("RGB") if img.mode != "RGB" else img


def _encode(img: Image.Image) -> SanitisedImage:
    """Encode from raw pixels into a brand-new image. Pillow copies some metadata from `img.info`
    when saving (JPEG comments, PNG ICC profiles), so starting from a bare image is the only way
    to be sure that EXIF (incl. GPS), XMP, IPTC, comments, text chunks and ICC are all gone."""
    bare = Image.frombytes(img.mode, img.size, img.tobytes())
    buf = io.BytesIO()
    if bare.mode == "RGBA":
        bare.save(buf, format="PNG")
        fmt, content_type, extension = "PNG", "image/png", "png"
    else:
        bare.save(buf, format="JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
        fmt, content_type, extension = "JPEG", "image/jpeg", "jpg"
    return SanitisedImage(buf.getvalue(), fmt, bare.width, bare.height, content_type, extension)


def sanitise_image(
    upload: Upload,
    *,
    max_bytes: int = 10 * 1024 * 1024,
    max_pixels: int = MAX_PIXELS,
    max_side: int = MAX_SIDE,
) -> SanitisedImage:
    """Check an uploaded photo and return a clean copy, or raise ValidationError with a Dutch
    message for the resident and one of the codes: too_large, not_an_image, unsupported_format,
    too_many_pixels, broken.

    The clean copy is upright (EXIF orientation applied), sRGB, at most `max_side` pixels on its
    longest side, and JPEG (or PNG when it has real transparency) without any metadata.
    """
    img = _shrink(_open(_read(upload, max_bytes), max_pixels, max_side), max_side)
    with contextlib.suppress(*_DECODE_ERRORS):  # malformed EXIF: keep the photo, don't refuse it
        img = ImageOps.exif_transpose(img)
    return _encode(_normalise(_to_srgb(img)))


def make_thumbnail(content: bytes, *, size: int = 480) -> SanitisedImage:
    """A small preview from bytes that already went through `sanitise_image` (so they are
    trusted; errors are not translated for residents here)."""
    with Image.open(io.BytesIO(content)) as img:
        img.thumbnail((size, size), Image.Resampling.LANCZOS)  # lets JPEG decode at reduced size
        return _encode(_normalise(img))
