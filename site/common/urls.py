from django.urls import path

from . import views

app_name = "common"

urlpatterns = [
    path("bevestigen/<str:token>/", views.confirm_email, name="confirm"),
]
