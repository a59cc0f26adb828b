"""Memory and CPU of checking one uploaded photo (issue "Nothing lost, nobody in", defect 8).

Every case runs in a fresh child process, once with `sanitise_image` as it is on a reference
commit (default: c7aea66, before the fix; taken from git, not copied into the project) and once
with the working tree's. A child reports its peak RSS above what it held before the call
(VmHWM of /proc/self/status, the high-water mark of this process image: getrusage's
ru_maxrss would carry over the parent's peak through exec; the file is already in memory), the
CPU seconds of the call (all threads), and what came out. For accepted photos the two outputs
are compared pixel by pixel.

    .venv/bin/python tests/bench/bench_images.py [--ref c7aea66] [--cases png-39.6mp,jpeg-24mp]
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return len(body).to_bytes(4, "big") + kind + body + crc.to_bytes(4, "big")


def flat_png(width: int, height: int) -> bytes:
    """One colour, RGB, compressed row by row: the issue's small file of many pixels."""
    packer, row = zlib.compressobj(9), b"\0" + b"\x5a\x8c\x3c" * width
    body = b"".join([packer.compress(row) for _ in range(height)] + [packer.flush()])
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def photo_like(width: int, height: int):
    """Detail at every scale in every channel, roughly what a camera makes."""
    from PIL import Image, ImageFilter

    return Image.merge(
        "RGB",
        (
            Image.effect_mandelbrot((width, height), (-2.0, -1.2, 1.0, 1.2), 48),
            Image.radial_gradient("L").resize((width, height)),
            Image.effect_noise((width, height), 30).filter(ImageFilter.GaussianBlur(1.5)),
        ),
    )


def encoded(img, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def build_cases(names: list[str] | None) -> dict[str, bytes]:
    import pillow_heif

    pillow_heif.register_heif_opener()
    makers = {
        "png-39.6mp": lambda: flat_png(7680, 5160),
        "png-30mp": lambda: flat_png(6000, 5000),  # the most we accept, as a PNG
        "jpeg-12mp": lambda: encoded(photo_like(4032, 3024), "JPEG", quality=90),
        "jpeg-24mp": lambda: encoded(photo_like(5712, 4284), "JPEG", quality=90),
        "heic-12mp": lambda: encoded(photo_like(4032, 3024), "HEIF", quality=80),
    }
    return {name: make() for name, make in makers.items() if not names or name in names}


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(variant: str, path: str, module_dir: str) -> None:
    """Runs in its own process: import one variant, sanitise one file, print figures."""
    from django.conf import settings

    settings.configure(USE_I18N=False)
    sys.path.insert(0, module_dir if variant == "reference" else str(ROOT / "site"))
    if variant == "reference":
        from images_reference import sanitise_image
    else:
        from common.images import sanitise_image
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("upload", Path(path).read_bytes())
    before, peak_before = resource.getrusage(resource.RUSAGE_SELF), peak_rss_mb()
    started = time.perf_counter()
    try:
        result = sanitise_image(upload)
        outcome = {"size": [result.width, result.height], "bytes": len(result.content)}
        Path(path + f".{variant}.out").write_bytes(result.content)
    except ValidationError as error:
        outcome = {"refused": error.code}
    after = resource.getrusage(resource.RUSAGE_SELF)
    outcome |= {
        "wall_s": time.perf_counter() - started,
        "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_mb": peak_rss_mb() - peak_before,
    }
    print(json.dumps(outcome))


def mean_difference(path_a: str, path_b: str) -> float:
    from PIL import Image, ImageChops, ImageStat

    a, b = Image.open(path_a).convert("RGB"), Image.open(path_b).convert("RGB")
    if a.size != b.size:
        return float("nan")
    return max(ImageStat.Stat(ImageChops.difference(a, b)).mean)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="c7aea66", help="commit with the reference code")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        reference = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{args.ref}:site/common/images.py"],
            check=True,
            capture_output=True,
        ).stdout
        Path(tmp, "images_reference.py").write_bytes(reference)
        cases = build_cases(args.cases.split(",") if args.cases else None)
        print(f"reference = {args.ref}, ours = working tree; one child process per cell")
        print(f"{'case':<11} {'file':>8}  {'code':<9} {'peak RSS':>9} {'CPU':>7}  result")
        for name, data in cases.items():
            path = os.path.join(tmp, name)
            Path(path).write_bytes(data)
            for variant in ("reference", "ours"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", variant, path, tmp],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                figures = json.loads(out.strip().splitlines()[-1])
                result = figures.get("refused") and f"refused ({figures['refused']})"
                if not result:
                    w, h = figures["size"]
                    result = f"{w}x{h} JPEG, {figures['bytes'] / 1024:.0f} KB"
                print(
                    f"{name:<11} {len(data) / 1024:>6.0f}KB  {variant:<9} "
                    f"{figures['peak_mb']:>7.0f}MB {figures['cpu_s']:>6.2f}s  {result}"
                )
            outputs = [f"{path}.reference.out", f"{path}.ours.out"]
            if all(os.path.exists(p) for p in outputs):
                difference = mean_difference(*outputs)
                print(f"{'':<11} ours against reference: mean difference {difference:.2f}/255")


if __name__ == "__main__":
    main()
