import asyncio
import logging
import uuid

from asgiref.sync import async_to_sync
from channels import DEFAULT_CHANNEL_LAYER
from channels.layers import channel_layers
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def _channel_layer() -> None:
    """A message to a fresh channel and back, on a layer of its own: the process's shared layer
    belongs to the event loop of its websockets, and channels_redis refuses a receive from a
    second loop (this view's) on it ("Two event loops are trying to receive()")."""
    layer = channel_layers.make_backend(DEFAULT_CHANNEL_LAYER)

    async def round_trip():
        try:
            channel = await layer.new_channel("healthz.")
            await layer.send(channel, {"type": "healthz"})
            return await asyncio.wait_for(layer.receive(channel), timeout=3)
        finally:
            close = getattr(layer, "close_pools", None)
            if close is not None:
                await close()

    if async_to_sync(round_trip)().get("type") != "healthz":
        raise RuntimeError("the channel layer lost a message")


HEALTH_CHECKS = {"database": _database, "cache": _cache, "channel_layer": _channel_layer}


@never_cache
def healthz(request):
    """For load balancers and the process manager: 200 when the database, the cache and the
    channel layer answer; 503 with the part that failed (no details: they may be secret)."""
    checks = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
            checks[name] = "ok"
        except Exception:  # any failure makes the process unhealthy; the log tells what
            logger.exception("health check failed: %s", name)
            checks[name] = "failed"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failed", "checks": checks}, status=200 if healthy else 503
    )


@cache_control(max_age=86400, public=True)
def favicon(request):
    return redirect(static("favicon.ico"), permanent=False)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that could fail again; a plain page.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


CONFIRM_LIMIT = (30, 60 * 60)  # answers to confirmation links per client per hour


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_email(request, token: str):
    """The page behind every confirmation link. Opening it changes nothing (mail scanners open
    links too); one button says "yes, that was me", the other "no" — both work without
    JavaScript and without an account."""
    from django.utils.translation import gettext as _

    from .confirmation import ConfirmationError, read_token
    from .ratelimit import limited

    try:
        confirmation, target = read_token(token)
    except ConfirmationError as error:
        status = 410 if error.expired else 400
        return render(
            request, "common/confirm_failed.html", {"message": error.message}, status=status
        )
    context = {
        "about": confirmation.describe(target),
        "only_refuse": "nee" in request.GET,
        "token": token,
    }
    if request.method == "POST":
        if limited(request, "confirm-email", limit=CONFIRM_LIMIT[0], period=CONFIRM_LIMIT[1]):
            context["error"] = _("Te veel verzoeken. Probeer het over een uur opnieuw.")
            return render(request, "common/confirm.html", context, status=429)
        answer = request.POST.get("antwoord")
        if answer == "ja":
            confirmation.do_confirm(target)
            context["done"] = confirmation.confirmed_message
        elif answer == "nee":
            confirmation.refuse(target)
            context["done"] = confirmation.refused_message
        else:
            context["error"] = _("Kies een van de twee knoppen.")
    return render(request, "common/confirm.html", context)
