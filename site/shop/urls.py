from django.urls import path

from .search import search

app_name = "shop"

# The agenda's pages (participation/agenda/urls.py) join this namespace in config/urls.py.
urlpatterns = [
    path("zoeken/", search, name="search"),
]
