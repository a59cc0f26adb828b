"""Uploaded photos are refused for the right reason and cleaned of every bit of metadata. All
inputs are generated here with Pillow, so there are no binary fixtures in the repository."""

import io
import os
import struct
import zlib

import pillow_heif
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageChops, ImageCms, ImageFilter, ImageStat, PngImagePlugin

from common.images import SanitisedImage, make_thumbnail, sanitise_image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
SECRET = b"Zuidwest-secret-42"


def encode(img: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **params)
    return buf.getvalue()


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def photo(width: int = 64, height: int = 32) -> Image.Image:
    """Not a flat colour: left half red, right half blue, so rotation is visible too."""
    img = Image.new("RGB", (width, height), (220, 20, 20))
    img.paste((20, 20, 220), (width // 2, 0, width, height))
    return img


def refused(data: bytes, name: str = "photo.jpg", **limits) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        sanitise_image(upload(data, name), **limits)
    return info.value


def reopen(result: SanitisedImage) -> Image.Image:
    img = Image.open(io.BytesIO(result.content))
    img.load()
    return img


def test_jpeg_loses_exif_and_gps_and_is_rotated_upright():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # "rotate 90° clockwise to display"
    exif[0x010F] = "SecretPhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (52.0, 3.0, 44.0)
    gps[3] = "E"
    gps[4] = (4.0, 17.0, 12.0)
    data = encode(photo(64, 32), "JPEG", exif=exif, comment=SECRET, quality=95)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the input really has GPS

    result = sanitise_image(upload(data))

    out = reopen(result)
    assert result.format == out.format == "JPEG"
    assert dict(out.getexif()) == {}
    assert b"Exif" not in result.content
    assert b"SecretPhoneMaker" not in result.content
    assert SECRET not in result.content
    assert "icc_profile" not in out.info and "comment" not in out.info
    assert (result.width, result.height) == out.size == (32, 64)
    # Rotated clockwise: the red left half of the original is now on top.
    top, bottom = out.getpixel((16, 8)), out.getpixel((16, 56))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]
    assert out.info.get("progressive") or out.info.get("progression")


def test_transparent_png_stays_png_with_alpha():
    img = photo().convert("RGBA")
    img.putpixel((0, 0), (0, 0, 0, 0))
    result = sanitise_image(upload(encode(img, "PNG"), "logo.png"))

    out = reopen(result)
    assert (result.format, result.content_type, result.extension) == ("PNG", "image/png", "png")
    assert out.mode == "RGBA"
    assert out.getpixel((0, 0))[3] == 0


def test_opaque_rgba_png_becomes_jpeg():
    result = sanitise_image(upload(encode(photo().convert("RGBA"), "PNG"), "screen.png"))
    assert result.format == "JPEG"
    assert reopen(result).mode == "RGB"


def test_png_text_chunk_is_removed():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET.decode())
    info.add_itxt("XML:com.adobe.xmp", f"<x:xmpmeta>{SECRET.decode()}</x:xmpmeta>")
    img = photo().convert("RGBA")
    img.putpixel((0, 0), (0, 0, 0, 0))
    data = encode(img, "PNG", pnginfo=info)
    assert SECRET in data

    result = sanitise_image(upload(data, "image.png"))

    assert result.format == "PNG"
    assert SECRET not in result.content
    assert b"tEXt" not in result.content and b"iTXt" not in result.content
    assert reopen(result).text == {}


def test_webp_is_accepted():
    result = sanitise_image(upload(encode(photo(), "WEBP", quality=90), "photo.webp"))
    assert result.format == "JPEG"
    assert reopen(result).size == (64, 32)


def test_heic_from_iphone_becomes_jpeg():
    data = encode(photo(64, 32), "HEIF", quality=90)
    assert pillow_heif.is_supported(data) and data[4:12] == b"ftypheic"

    result = sanitise_image(upload(data, "IMG_0001.HEIC"))

    assert (result.format, result.content_type, result.extension) == ("JPEG", "image/jpeg", "jpg")
    assert reopen(result).size == (64, 32)


def test_heic_made_with_pillow_heif_api_is_accepted():
    buf = io.BytesIO()
    pillow_heif.from_pillow(photo(48, 48)).save(buf, format="HEIF", quality=90)
    result = sanitise_image(upload(buf.getvalue(), "IMG_0002.heic"))
    assert result.format == "JPEG" and (result.width, result.height) == (48, 48)


def test_text_file_named_jpg_is_not_an_image():
    error = refused(b"Dit is een tekst en geen foto.\n" * 20, "photo.jpg")
    assert error.code == "not_an_image"
    assert "geen foto" in error.messages[0]


def test_empty_file_is_not_an_image():
    assert refused(b"").code == "not_an_image"


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_unsupported(fmt):
    error = refused(encode(photo(), fmt), "photo.jpg")
    assert error.code == "unsupported_format"
    assert "JPEG, PNG, WebP of HEIC" in error.messages[0]


def test_too_large_with_custom_limit():
    data = encode(photo(), "PNG")
    error = refused(data, max_bytes=len(data) - 1)
    assert error.code == "too_large"
    # The exact limit still passes.
    assert sanitise_image(upload(data), max_bytes=len(data)).format == "JPEG"


def test_eleven_megabytes_is_too_large_before_decoding():
    blob = b"\xff\xd8\xff\xe0" + os.urandom(11 * 1024 * 1024)
    error = refused(blob)
    assert error.code == "too_large"
    assert error.messages == ["De foto is te groot. Een foto mag hoogstens 10 MB zijn."]


def test_declared_size_is_refused_without_reading():
    class Unreadable:
        size = 11 * 1024 * 1024
        name = "photo.jpg"

        def read(self, *args):
            raise AssertionError("the upload was read although its size is known to be too big")

    with pytest.raises(ValidationError) as info:
        sanitise_image(Unreadable())
    assert info.value.code == "too_large"


def test_too_large_is_checked_on_the_bytes_read_even_if_size_lies():
    data = encode(photo(), "PNG")
    fake = upload(data)
    fake.size = 10  # a misreporting file-like object must not get through
    with pytest.raises(ValidationError) as info:
        sanitise_image(fake, max_bytes=100)
    assert info.value.code == "too_large"


def test_hundred_megapixel_png_is_refused_from_its_header():
    data = encode(Image.new("1", (10_000, 10_000)), "PNG")
    assert len(data) < 1024 * 1024  # a small file that would need 100 MB+ of pixels
    error = refused(data, "bomb.png")
    assert error.code == "too_many_pixels"
    assert "te veel pixels" in error.messages[0]


def png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_header(width: int, height: int, colour_type: int = 0) -> bytes:
    """Just the PNG signature, IHDR and an empty IDAT: enough for Image.open to read the size."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", b"")
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(encode(Image.new("1", (10_000, 10_000)), "PNG"), id="pillow-warns"),
        pytest.param(png_header(20_000, 20_000), id="pillow-raises"),
    ],
)
def test_pillows_own_bomb_guard_applies_even_with_a_higher_limit(data):
    assert refused(data, max_pixels=10**12).code == "too_many_pixels"


def test_pixel_limit_below_pillows_own_bomb_threshold():
    data = encode(Image.new("L", (2000, 1000)), "PNG")
    assert refused(data, max_pixels=1_999_999).code == "too_many_pixels"
    assert sanitise_image(upload(data), max_pixels=2_000_000).format == "JPEG"


def test_truncated_jpeg_is_broken():
    noisy = Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3))
    data = encode(noisy, "JPEG", quality=90)
    error = refused(data[: len(data) // 2])
    assert error.code == "broken"
    assert error.messages == ["De foto is beschadigd of niet compleet. Probeer een andere foto."]


def test_large_photo_is_downscaled_to_max_side():
    result = sanitise_image(upload(encode(photo(5000, 3000), "JPEG"), "big.jpg"))
    assert (result.width, result.height) == (2560, 1536)
    assert reopen(result).size == (2560, 1536)


@pytest.mark.parametrize(
    ("mode", "fill"),
    [("CMYK", (0, 255, 255, 0)), ("P", 3), ("LA", (128, 255)), ("L", 128), ("I;16", 40000)],
)
def test_other_modes_become_rgb(mode, fill):
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    result = sanitise_image(upload(encode(Image.new(mode, (20, 10), fill), fmt)))
    out = reopen(result)
    assert (result.format, out.mode) == ("JPEG", "RGB")
    if mode == "I;16":  # 16-bit grey is scaled down, not clipped to white
        assert 140 < out.getpixel((5, 5))[0] < 170


@pytest.mark.parametrize(
    ("size", "expected"), [((5000, 3000), (480, 288)), ((300, 900), (160, 480))]
)
def test_thumbnail_is_at_most_480_px(size, expected):
    sanitised = sanitise_image(upload(encode(photo(*size), "JPEG")))
    thumb = make_thumbnail(sanitised.content)
    assert (thumb.format, (thumb.width, thumb.height)) == ("JPEG", expected)
    assert reopen(thumb).size == expected


def test_transparent_thumbnail_stays_png():
    img = Image.new("RGBA", (1000, 500), (0, 0, 0, 0))
    sanitised = sanitise_image(upload(encode(img, "PNG")))
    thumb = make_thumbnail(sanitised.content, size=100)
    assert (thumb.format, thumb.width, thumb.height) == ("PNG", 100, 50)


def test_as_file_uses_given_stem_and_our_extension():
    result = sanitise_image(upload(encode(photo(), "PNG"), "../../etc/passwd.png"))
    file = result.as_file("3f2a9c")
    assert file.name == "3f2a9c.jpg"
    assert file.read() == result.content


@pytest.mark.parametrize("stem", ["", "a/b", "a\\b", "..", ".hidden"])
def test_as_file_refuses_unsafe_stems(stem):
    result = sanitise_image(upload(encode(photo(), "PNG")))
    with pytest.raises(ValueError):
        result.as_file(stem)


def red_blue_swapped_profile() -> bytes:
    """An RGB ICC profile that is not sRGB: sRGB with its red and blue primaries swapped."""
    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    (count,) = struct.unpack_from(">I", icc, 128)
    entries = {}
    for i in range(count):
        signature, offset, size = struct.unpack_from(">4sII", icc, 132 + 12 * i)
        entries[signature] = (132 + 12 * i, offset, size)
    (red_at, *red), (blue_at, *blue) = entries[b"rXYZ"], entries[b"bXYZ"]
    struct.pack_into(">4sII", icc, red_at, b"rXYZ", *blue)
    struct.pack_into(">4sII", icc, blue_at, b"bXYZ", *red)
    return bytes(icc)


def test_icc_profile_is_converted_to_srgb_and_dropped():
    icc = red_blue_swapped_profile()
    data = encode(Image.new("RGB", (16, 16), (255, 0, 0)), "JPEG", icc_profile=icc)
    result = sanitise_image(upload(data))
    out = reopen(result)
    assert "icc_profile" not in out.info
    assert icc[-64:] not in result.content
    red, _, blue = out.getpixel((8, 8))
    assert blue > 200 > 50 > red  # "red" in that colour space is blue in sRGB


def flat_png(width: int, height: int) -> bytes:
    """A single-colour RGB PNG, compressed here row by row: it is tiny whatever its pixel count,
    and Pillow would take seconds to write it."""
    packer, row, body = zlib.compressobj(9), b"\0" * (1 + 3 * width), []
    body = [packer.compress(row) for _ in range(height)] + [packer.flush()]
    signature_and_ihdr = png_header(width, height, colour_type=2)[: 8 + 25]
    return signature_and_ihdr + png_chunk(b"IDAT", b"".join(body)) + png_chunk(b"IEND", b"")


def never_decoded(monkeypatch) -> None:
    from PIL import ImageFile

    def load(self):
        raise AssertionError(f"decoded {self.size} pixels")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def test_small_png_of_many_megapixels_is_refused_without_decoding(monkeypatch):
    data = flat_png(7680, 5160)  # 39.6 MP: the 165 KB file that cost a worker 385 MB
    assert len(data) < 200 * 1024
    never_decoded(monkeypatch)

    error = refused(data, "scherm.png")

    assert error.code == "too_many_pixels"
    assert error.messages == [
        "De foto heeft te veel pixels. Een foto mag hoogstens 30 megapixel zijn. Stuur een "
        "kleinere foto. Of maak een schermafbeelding (screenshot) van de foto en stuur die."
    ]


# Pillow warns from half our limit on; common.images silences that at import, but pytest resets
# warning filters around each test.
quiet_half_limit = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


@quiet_half_limit
def test_pixel_limit_is_thirty_megapixels_exactly():
    # Header-only PNGs: the pixel check comes first, so "broken" means it was let through.
    assert refused(png_header(6000, 5000)).code == "broken"
    assert refused(png_header(6000, 5001)).code == "too_many_pixels"


@quiet_half_limit
def test_pillow_refuses_more_than_our_limit_in_every_code_path():
    """Wagtail's images and our thumbnails open files with plain Image.open."""
    with Image.open(io.BytesIO(png_header(6000, 5000))) as img:
        assert img.size == (6000, 5000)
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_header(6000, 5001)))


def decoded_sizes(monkeypatch) -> list:
    from PIL import ImageFile

    sizes, load = [], ImageFile.ImageFile.load

    def spy(self):
        sizes.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    return sizes


def textured(width: int, height: int) -> Image.Image:
    """Detail in every channel, so a blurry or blocky downscale would show."""
    return Image.merge(
        "RGB",
        (
            Image.effect_mandelbrot((width, height), (-2.0, -1.2, 1.0, 1.2), 32),
            Image.linear_gradient("L").resize((width, height)),
            Image.effect_noise((width, height), 40).filter(ImageFilter.GaussianBlur(1)),
        ),
    )


def old_way(data: bytes) -> Image.Image:
    """What sanitise_image did before: decode every pixel, then downscale and re-encode."""
    img = Image.open(io.BytesIO(data))
    img.load()
    img.thumbnail((2560, 2560), Image.Resampling.LANCZOS)
    return Image.open(io.BytesIO(encode(img, "JPEG", quality=85)))


def test_big_jpeg_is_decoded_at_reduced_scale_with_the_same_result(monkeypatch):
    data = encode(textured(5200, 600), "JPEG", quality=92)
    sizes = decoded_sizes(monkeypatch)

    result = sanitise_image(upload(data, "panorama.jpg"))

    assert sizes[0] == (2600, 300)  # libjpeg decoded at half scale, still above what we keep
    assert (result.width, result.height) == (2560, 295)
    # Against decoding every pixel first: on average about 1 in 255 per channel, invisible.
    difference = ImageStat.Stat(ImageChops.difference(reopen(result), old_way(data)))
    assert max(difference.mean) < 2


def test_twelve_megapixel_phone_photo_is_accepted_and_downscaled(monkeypatch):
    sizes = decoded_sizes(monkeypatch)
    result = sanitise_image(upload(encode(photo(4032, 3024), "JPEG", quality=90), "IMG.jpg"))
    assert sizes[0] == (4032, 3024)  # too close to 2560 px to decode at half scale
    assert (result.format, result.width, result.height) == ("JPEG", 2560, 1920)
    assert reopen(result).size == (2560, 1920)
