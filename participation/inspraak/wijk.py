"""Inspraak's part of a wijk page (common.wijkpage): the processes running in the wijk."""

from django.urls import reverse

from .models import Process


def wijk_part(wijk) -> dict:
    return {
        "processes": list(Process.objects.running().in_wijk(wijk).order_by("ends_on", "pk")[:3]),
        "processes_url": reverse("participation:processes:index"),
    }
