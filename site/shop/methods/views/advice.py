"""The advice questionnaire and the request for personal advice: parse, check, call a service,
render."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from common.ratelimit import limited

from ..advice import rank
from ..forms import QUESTION_NAMES, AdviceForm, AdviceRequestForm
from ..models import AdviceRequest
from ..services import advice_request_create
from .methods import live_methods, method_facts, page_model, pages_for

ADVICE_LIMIT = 5  # methods shown as advice; the rest are a click away in the databank
REQUEST_LIMIT = (5, 60 * 60)  # requests for personal advice per client per hour


def _advice_form(request) -> AdviceForm | None:
    """A bound form once any question was answered; the unanswered form otherwise."""
    if any(name in request.GET for name in QUESTION_NAMES):
        return AdviceForm(request.GET)
    return None


def advice(page: Page, request):
    form = _advice_form(request)
    context = {"form": form or AdviceForm(), "advice": None}
    if form is not None and form.is_valid():
        facts = method_facts(live_methods(page.locale_id))
        ranked = rank(facts.values(), form.answers(), limit=ADVICE_LIMIT)
        pages = pages_for(facts, [a.method for a in ranked])
        context.update(
            advice=[{"page": p, "advice": a} for p, a in zip(pages, ranked, strict=True)],
            summary=form.summary(),
            share_url=request.build_absolute_uri(),
            answers_query=request.GET.urlencode(),
        )
    return page.render(request, context_overrides=context)


def _index_url(page: Page, request) -> str:
    index = page_model("MethodIndexPage").objects.live().filter(locale_id=page.locale_id).first()
    return index.get_url(request) if index else ""


def advice_request(page: Page, request):
    """The personal advice form. The questionnaire's answers ride along in the query string,
    so the staff see the plan the resident described and the advice the site gave."""
    answers_form = _advice_form(request)
    has_answers = answers_form is not None and answers_form.is_valid()
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    form = AdviceRequestForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if limited(request, "advice-request", limit=REQUEST_LIMIT[0], period=REQUEST_LIMIT[1]):
            form.add_error(None, _("U heeft net al een paar vragen gestuurd. Probeer het later."))
        elif form.is_valid():
            answers, answers_text, result_url = {}, "", ""
            if has_answers:
                answers = {name: request.GET.getlist(name) for name in QUESTION_NAMES}
                answers_text = "\n".join(f"{q}: {a}" for q, a in answers_form.summary())
                page_url = request.build_absolute_uri(page.get_url(request))
                result_url = f"{page_url}?{request.GET.urlencode()}"
            advice_request = advice_request_create(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                question=form.cleaned_data["question"],
                language=get_language() or "nl",
                answers=answers,
                answers_text=answers_text,
                result_url=result_url,
                user=request.user,
                working_days=page.answer_working_days,
            )
            request.session["advice_request"] = advice_request.reference
            return redirect(page.get_url(request) + page.reverse_subpage("sent"))
    return TemplateResponse(
        request,
        "shop/methods/advice_request.html",
        {
            **page.get_context(request),
            "form": form,
            "summary": answers_form.summary() if has_answers else None,
            "answers_query": request.GET.urlencode() if has_answers else "",
        },
    )


def advice_request_sent(page: Page, request):
    reference = request.session.get("advice_request")
    advice_request = AdviceRequest.objects.filter(reference=reference).first()
    if advice_request is None:
        return redirect(page.get_url(request))
    return TemplateResponse(
        request,
        "shop/methods/advice_request_sent.html",
        {
            **page.get_context(request),
            "advice_request": advice_request,
            "index_url": _index_url(page, request),
        },
    )
