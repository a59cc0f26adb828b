"""The scheduler queues every registered job; an unknown job name is refused."""

import pytest
from django.core.management import CommandError, call_command

from common import schedule


def test_housekeeping_queues_each_registered_job(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(schedule, "_jobs", {})
    schedule.register_job("b", lambda: calls.append("b"))
    schedule.register_job("a", lambda: calls.append("a"))
    call_command("housekeeping")
    assert calls == ["a", "b"]
    call_command("housekeeping", only=["b"])
    assert calls == ["a", "b", "b"]
    assert "a: queued" in capsys.readouterr().out


def test_an_unknown_job_is_refused(monkeypatch):
    monkeypatch.setattr(schedule, "_jobs", {"meldingen": lambda: None})
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("housekeeping", only=["nope"])


def test_meldingen_registers_its_housekeeping():
    assert "meldingen" in schedule.jobs()
