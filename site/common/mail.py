"""The embedded email backend: every message goes to a file under var/mail/ (one .eml per
message, so a demo user can open their login code). The console shows only who it is for,
its subject and the file: bodies carry login codes and secret links, and a console ends up in
terminal scroll-back, screen shares and service logs."""

import re
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

_counter_lock = threading.Lock()
_counter = 0


class FileAndConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, file_path: str | None = None, stream=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)
        self.stream = stream or sys.stdout

    def send_messages(self, email_messages) -> int:
        global _counter
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            with _counter_lock:
                _counter += 1
                number = _counter
            recipients = ", ".join(message.recipients())
            safe = re.sub(r"[^A-Za-z0-9@._-]", "_", ",".join(message.recipients()))[:80]
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            path = self.directory / f"{stamp}-{number:04d}-{safe}.eml"
            path.write_bytes(message.message().as_bytes())
            self.stream.write(f"Mail to {recipients}: {message.subject}\n  → {path}\n")
            sent += 1
        self.stream.flush()
        return sent
