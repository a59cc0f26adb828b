"""Real recordings for the tests of spoken descriptions, made with the standard `wave` module."""

import io
import math
import struct
import wave

from django.core.files.uploadedfile import SimpleUploadedFile


def wav_bytes(seconds: float = 2.0, *, rate: int = 16000, extra_chunk: bytes = b"") -> bytes:
    """A mono 16-bit WAV of a 440 Hz tone. `extra_chunk` (a whole RIFF chunk, e.g. LIST/INFO
    with a name in it) is put after the samples, as recorder apps do with their tags."""
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
        for n in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    data = buffer.getvalue()
    if extra_chunk:
        data = data[:4] + struct.pack("<I", len(data) - 8 + len(extra_chunk)) + data[8:]
        data += extra_chunk
    return data


def info_chunk(text: bytes) -> bytes:
    """A LIST/INFO chunk with a name (INAM), where recorder apps write a title or a place."""
    inam = b"INAM" + struct.pack("<I", len(text)) + text + (b"\0" if len(text) % 2 else b"")
    body = b"INFO" + inam
    return b"LIST" + struct.pack("<I", len(body)) + body


def wav_upload(seconds: float = 2.0, name: str = "opname.wav") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, wav_bytes(seconds), "audio/wav")


def text_as_wav() -> SimpleUploadedFile:
    """A text file with a .wav name and an audio content type: only its bytes give it away."""
    return SimpleUploadedFile("opname.wav", b"Dit is geen opname, maar tekst.\n" * 20, "audio/wav")
