from django.urls import include, path

from .views import public, voting

app_name = "participation"

urlpatterns = [
    path("wijkbudget/", public.index, name="wijkbudget"),
    path("wijkbudget/<slug:slug>/", public.round_detail, name="round"),
    path("wijkbudget/<slug:slug>/idee/", public.propose, name="propose"),
    path("wijkbudget/<slug:slug>/plannen/<int:pk>/", public.proposal_detail, name="proposal"),
    path(
        "wijkbudget/<slug:slug>/plannen/<int:pk>/samenvoegen/",
        public.answer_merge,
        name="answer_merge",
    ),
    path("wijkbudget/<slug:slug>/stemmen/", voting.start, name="vote"),
    path("wijkbudget/<slug:slug>/stembiljet/", voting.ballot, name="ballot"),
    path("wijkbudget/<slug:slug>/stembiljet/bevestigen/", voting.confirm, name="confirm"),
    path("wijkbudget/<slug:slug>/bewijs/", voting.receipt, name="receipt"),
    path("wijkbudget/<slug:slug>/uitslag/", public.results, name="results"),
    path("wijkbudget/<slug:slug>/stembiljetten/", public.ballot_list, name="ballots"),
    path("inspraak/", include("participation.inspraak.urls")),
]
