app_name = "meldingen_public"
urlpatterns: list = []
