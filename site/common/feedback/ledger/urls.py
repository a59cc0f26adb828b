from django.urls import path

from . import views

app_name = "ledger"

urlpatterns = [
    path("", views.feed, name="feed"),
    path("<slug:wijk>/", views.feed, name="feed_wijk"),
]
