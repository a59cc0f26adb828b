"""Background work for advice requests: the coordinators told when a request falls late."""

from django_tasks import task

from .services import advice_tell_staff_late


@task()
def tell_staff_late() -> int:
    return advice_tell_staff_late()
