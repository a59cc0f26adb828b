"""The page of one object in a staff area (a report, an initiative) and its actions. Each action is
a POST of one form that calls one service, then redirects back to the page with a message, or
shows the page again with the Dutch refusal next to everything that was typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class StaffObjectView(WagtailAdminTemplateMixin, View):
    """A subclass says what this user may see (`get_queryset`) and shows the object
    (`render_page(**forms)`: the forms given, fresh ones for the rest). The page is named after
    the object's reference, in its title and its breadcrumbs."""

    detail_view = ""  # the URL name of this page, e.g. "meldingen_backoffice:detail"

    def get_queryset(self):
        raise NotImplementedError

    def get_object(self):
        """An object outside what the user may see does not exist for them: 404, never 403, so
        a reference cannot be probed."""
        found = self.get_queryset().filter(reference=self.kwargs["reference"]).first()
        if found is None:
            raise Http404
        return found

    def render_page(self, **forms):
        raise NotImplementedError

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.object.reference}]


class StaffAction:
    """Put before the object's view: a POST of `form_class`, shown on the page as `form_name`.
    `call(data)` runs the one service and returns the success message; a `refusal` it raises
    lands on the form."""

    http_method_names = ["post"]
    form_class = None
    form_name = ""
    form_kwargs: dict = {}
    anchor = ""  # where on the page to land after success, e.g. "#notities"
    refusal = ValidationError

    def make_form(self):
        return self.form_class(self.request.POST, **self.form_kwargs)

    def call(self, data) -> str:
        raise NotImplementedError

    def success_url(self) -> str:
        """Back to the object's page; an action after which the user may no longer see the
        object (it moved elsewhere) sends them somewhere they can."""
        return reverse(self.detail_view, args=[self.object.reference]) + self.anchor

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.form = self.make_form()
        if self.form.is_valid():
            try:
                success = self.call(self.form.cleaned_data)
            except self.refusal as error:
                self.form.add_error(None, error)
            else:
                messages.success(request, success)
                return redirect(self.success_url())
        return self.render_page(**{self.form_name: self.form})
