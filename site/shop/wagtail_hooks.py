"""The participatiewinkel's parts of the Wagtail admin that are not pages."""
