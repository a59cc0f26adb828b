"""The two steps that are more than editing, in the Wagtail admin: publishing a process (the
clashes are shown first and need an explicit confirmation) and publishing its follow-up report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .. import rules
from ..forms import PublishForm, ReportForm
from ..models import Process
from ..services import (
    ClashesNotConfirmed,
    ProcessError,
    process_clashes,
    process_publish,
    process_publish_report,
)

LIST_URL = "processes_admin:index"


def _process(pk: int) -> Process:
    return get_object_or_404(
        Process.objects.select_related("afdeling", "owner").prefetch_related("wijken"), pk=pk
    )


def publish(request, pk: int):
    process = _process(pk)
    if not request.user.has_perm(rules.PUBLISH):
        raise PermissionDenied
    clashes = process_clashes(process)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            process_publish(
                process=process,
                actor=request.user,
                confirm_clashes=form.cleaned_data["confirm"],
            )
        except ClashesNotConfirmed as error:
            clashes = error.clashes
            form.add_error(None, error.messages[0])
        except ProcessError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Het traject staat online."))
            return redirect(LIST_URL)
    return TemplateResponse(
        request,
        "participation/processes/admin/publish.html",
        {"process": process, "clashes": clashes, "form": form, "page_title": _("Publiceren")},
    )


def report(request, pk: int):
    process = _process(pk)
    if not request.user.has_perm("processes.report_process", process):
        raise PermissionDenied
    form = ReportForm(
        request.POST if request.method == "POST" else None, initial={"report": process.report}
    )
    if request.method == "POST" and form.is_valid():
        try:
            process_publish_report(
                process=process, actor=request.user, report=form.cleaned_data["report"]
            )
        except ProcessError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("De terugkoppeling staat online. Iedereen die reageerde krijgt bericht."),
            )
            return redirect(LIST_URL)
    return TemplateResponse(
        request,
        "participation/processes/admin/report.html",
        {
            "process": process,
            "form": form,
            "contributions": process.contributions.order_by("created_at"),
            "page_title": _("Terugkoppeling"),
        },
    )
