"""The public pages of reports under /meldingen/ (list, map, figures per wijk): their URLs, mounted
apart from the report form under /melden/. The views are in meldingen/views/public.py."""
