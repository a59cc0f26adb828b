"""The Content-Security-Policy per part of the site: one strict policy for the pages residents
see, and the looser one Wagtail's admin needs under its own prefix."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with `CONTENT_SECURITY_POLICY_ADMIN` for the paths under
    `CONTENT_SECURITY_POLICY_ADMIN_PREFIXES`. A view that sets its own policy with django-csp's
    decorators still wins."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
