from django_tasks import task


@task()
def remind_owners() -> dict:
    from .services import processes_remind_owners

    return {"reminded": processes_remind_owners()}
