"""The secret link to see or cancel a registration (no account needed)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..services import registration_by_token, registration_cancel, waiting_position


@require_http_methods(["GET", "POST"])
def registration(request, token: str):
    found = registration_by_token(token)
    if found is None:
        raise Http404
    if request.method == "POST":
        registration_cancel(registration=found)
        messages.success(request, _("U bent afgemeld. Dank u wel voor het laten weten."))
        return redirect("shop:registration", token=token)
    return render(
        request,
        "shop/agenda/registration.html",
        {
            "registration": found,
            "activity": found.activity,
            "token": token,
            "position": waiting_position(found),
            "is_new": request.session.pop(f"registration-new-{token[:8]}", False),
            "manage_url": request.build_absolute_uri(request.path),
        },
    )
