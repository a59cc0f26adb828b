"""Signed in, but not staff: /beheer/ answers with a refusal page.

Wagtail sends everyone without admin access to its login URL, and our login URL is allauth's
(config/urls.py, WAGTAILADMIN_LOGIN_URL). For an anonymous visitor that is right. A resident
who is already signed in is sent straight back by allauth to the `next` they came from, which is
/beheer/ again: a redirect loop the browser breaks off with an error. So a signed-in user
without admin access gets a plain 403 page instead, before Wagtail's check runs; anonymous
visitors and staff go through as before. The page speaks the resident's language."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

ADMIN_ACCESS = "wagtailadmin.access_admin"


class StaffAreaRefusalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._prefix = None

    @property
    def prefix(self) -> str:
        if self._prefix is None:
            self._prefix = reverse("wagtailadmin_home")
        return self._prefix

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.prefix)
            and user is not None
            and user.is_authenticated
            and not user.has_perm(ADMIN_ACCESS)
        ):
            # /beheer/ has no language prefix, so the middleware chose Dutch; the resident's
            # own choice (cookie, browser) counts on this page of the public site.
            with translation.override(translation.get_language_from_request(request)):
                return render(request, "accounts/staff_refused.html", status=403)
        return self.get_response(request)
