"""GeoReport v2 routes. The format is the extension; anything else under /open311/ gets the
specification's error array with 404 (views.other), never an HTML page."""

from django.urls import path, re_path

from . import views

app_name = "open311"

FORMAT = r"\.(?P<fmt>json|xml)$"
CODE = r"(?P<{}>[-\w]+)"

urlpatterns = [
    re_path(r"^discovery" + FORMAT, views.discovery, name="discovery"),
    re_path(r"^v2/services" + FORMAT, views.services, name="services"),
    re_path(
        r"^v2/services/" + CODE.format("service_code") + FORMAT,
        views.service_definition,
        name="service",
    ),
    re_path(r"^v2/requests" + FORMAT, views.service_requests, name="requests"),
    re_path(
        r"^v2/requests/" + CODE.format("reference") + FORMAT, views.service_request, name="request"
    ),
    re_path(r"^v2/tokens/" + CODE.format("token") + FORMAT, views.token, name="token"),
    path("v2/media/<str:reference>/<int:photo_id>", views.media, name="media"),
    re_path(r"^(?P<rest>.*?)(?:\.(?P<fmt>xml))?$", views.other, name="other"),
]
