"""The participatiewinkel staff's side of the databank: the inbox of advice requests in the
Wagtail admin (registered as a snippet viewset in models/advice.py)."""
