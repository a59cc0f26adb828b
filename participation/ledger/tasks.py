from django_tasks import task


@task()
def sync_ledger() -> dict:
    from .sources import sync_all

    return sync_all()
