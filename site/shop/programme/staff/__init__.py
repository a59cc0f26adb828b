"""The editors' side of the programme: the measures as snippets in the Wagtail admin
(registered in models.py)."""
