"""A Wagtail locale for every language of the site (WAGTAIL_CONTENT_LANGUAGES), so editors can
translate any page into it; until they do, the page is shown in Dutch with a note."""

from django.conf import settings
from django.db import migrations


def add(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0010_advicerequest_input_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
