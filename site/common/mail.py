"""The embedded email backend: every message goes to a file under var/mail/ (one .eml per
message, so a demo user can open their login code) and is echoed on the console."""

import re
import threading
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils import timezone

_counter_lock = threading.Lock()
_counter = 0


class FileAndConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, file_path: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)
        self.console = ConsoleBackend(*args, **kwargs)

    def send_messages(self, email_messages) -> int:
        global _counter
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            with _counter_lock:
                _counter += 1
                number = _counter
            recipient = re.sub(r"[^A-Za-z0-9@._-]", "_", ",".join(message.recipients()))[:80]
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            path = self.directory / f"{stamp}-{number:04d}-{recipient}.eml"
            path.write_bytes(message.message().as_bytes())
            sent += 1
        self.console.send_messages(email_messages)
        return sent
