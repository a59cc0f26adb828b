"""What the databank and advice pages do with a request: parse, check, call a service, render.
The pages (pages.py) route here; the views find the page classes through the app registry
(`_page`), so pages.py and views.py do not import each other."""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from common.parsing import search_words
from common.ratelimit import limited

from .advice import rank
from .facets import MethodFacts, filter_methods, parse_selection
from .forms import QUESTION_NAMES, AdviceForm, AdviceRequestForm
from .models import AdviceRequest
from .services import advice_request_create


def _page(name: str):
    return apps.get_model("shop", name)


SEARCH_FIELDS = ("title", "summary", "goal", "keywords", "example")
MAX_QUERY = 100
ADVICE_LIMIT = 5  # methods shown as advice; the rest are a click away in the databank
REQUEST_LIMIT = (5, 60 * 60)  # requests for personal advice per client per hour


def search(queryset, query: str):
    """Every word must occur in one of the fields (case-insensitive), so 'jong buurt' finds
    'Jongeren' in one field and 'buurt' in another. Plain `icontains` rather than the search
    index: it finds parts of words, which helps residents who spell a word differently."""
    for word in query.split():
        match = Q()
        for name in SEARCH_FIELDS:
            match |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


# The listing and the advice weigh the facts of every method but show only a page of them:
# facts come in one light query without page objects, the shown pages in a second one.
FACT_FIELDS = (
    "pk",
    "slug",
    "goals",
    "influence",
    "audiences",
    "channels",
    "duration",
    "cost",
    "low_literacy",
    "other_languages",
    "group_min",
    "group_max",
)
SETS = ("goals", "influence", "audiences", "channels")
LONG_TEXTS = ("goal", "steps", "pitfalls", "example", "access_note", "duration_note", "cost_note")
PAGE_SIZE = 50


def live_methods(locale_id):
    return _page("MethodPage").objects.live().public().filter(locale_id=locale_id)


def method_facts(queryset) -> dict[int, MethodFacts]:
    """pk -> facts for every method in the queryset, in its order."""
    facts = {}
    for row in queryset.values(*FACT_FIELDS):
        pk = row.pop("pk")
        row["key"] = row.pop("slug")
        row.update({name: frozenset(row[name] or ()) for name in SETS})
        facts[pk] = MethodFacts(**row)
    return facts


def pages_for(facts: dict[int, MethodFacts], chosen) -> list[Page]:
    """The pages of `chosen` facts, in the order given."""
    pk_of = {id(f): pk for pk, f in facts.items()}
    pks = [pk_of[id(f)] for f in chosen]
    pages = _page("MethodPage").objects.defer(*LONG_TEXTS).in_bulk(pks)
    return [pages[pk] for pk in pks if pk in pages]


def method_index_context(page: Page, request) -> dict:
    query = search_words(request.GET.get("q"), max_length=MAX_QUERY)
    selection = parse_selection(request.GET)
    methods = live_methods(page.locale_id).child_of(page)
    facts = method_facts(search(methods, query).order_by("title", "pk"))
    matching, facets = filter_methods(facts.values(), selection, query=query)
    listing = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("pagina"))
    listing.object_list = pages_for(facts, listing.object_list)
    chips = [
        {"facet": facet.label, "label": value.label, "remove_query": value.remove_query}
        for facet in facets
        for value in facet.values
        if value.checked
    ]
    return {
        "methods": listing,
        "found": listing.paginator.count,
        "facets": facets,
        "query": query,
        "chips": chips,
        "filtered": bool(selection or query),
        "advice_page": _page("AdvicePage").objects.live().filter(locale_id=page.locale_id).first(),
    }


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
    index = _page("MethodIndexPage").objects.live().filter(locale_id=page.locale_id).first()
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
