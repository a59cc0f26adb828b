"""Mijn Zuidwest: my inputs, my profile, my data. Views parse, check and call one service."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import DeleteAccountForm, ProfileForm
from .sections import account_sections
from .services import user_delete, user_export_data


@login_required
def mijn_zuidwest(request):
    return render(
        request,
        "accounts/mijn.html",
        {
            "sections": account_sections(request.user),
            "notifications": request.user.notifications.all()[:10],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Uw gegevens zijn opgeslagen."))
        with translation.override(user.preferred_language):
            response = redirect("accounts:mijn")
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_POST
def export_data(request):
    """POST so a link in someone else's page cannot start a download of my data."""
    data = user_export_data(user=request.user)
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="mijn-zuidwest-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user_delete(user=user)
        messages.success(request, _("Uw account en uw persoonlijke gegevens zijn verwijderd."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
