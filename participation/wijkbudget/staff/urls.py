"""Back-office URLs, mounted by participation/wijkbudget/wagtail_hooks.py under
/beheer/wijkbudget/."""

from django.urls import path

from . import confirm, paper, views

app_name = "wijkbudget_workspace"

urlpatterns = [
    path("", views.RoundsView.as_view(), name="rounds"),
    path("<int:pk>/", views.RoundView.as_view(), name="round"),
    path("<int:pk>/volgende-fase/", confirm.AdvanceView.as_view(), name="advance"),
    path(
        "<int:pk>/voorstel/<int:proposal>/haalbaar/", views.FeasibleView.as_view(), name="feasible"
    ),
    path(
        "<int:pk>/voorstel/<int:proposal>/niet-haalbaar/",
        views.InfeasibleView.as_view(),
        name="infeasible",
    ),
    path("<int:pk>/voorstel/<int:proposal>/samenvoegen/", views.MergeView.as_view(), name="merge"),
    path("<int:pk>/codes/", views.CodesView.as_view(), name="codes"),
    path("<int:pk>/papier/", views.PaperView.as_view(), name="paper"),
    path("<int:pk>/papier/wachtend/", paper.PendingView.as_view(), name="pending"),
    path("<int:pk>/papier/<int:entry>/verbeteren/", paper.CorrectView.as_view(), name="correct"),
    path("<int:pk>/papier/<int:entry>/weggooien/", paper.DiscardView.as_view(), name="discard"),
    path("<int:pk>/sluiten/", confirm.CloseView.as_view(), name="close"),
    path("<int:pk>/publiceren/", confirm.PublishView.as_view(), name="publish"),
    path("<int:pk>/uitvoering/", views.RealisationView.as_view(), name="realisation"),
]
