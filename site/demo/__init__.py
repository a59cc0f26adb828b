"""Demo and initial content: the CMS page tree from the programme document, the report
categories, activities, demo users for every role and demo content of every module.

The one package beside `config` that may import every app: the modules do not know about it, and
nothing imports it back (import-linter, pyproject.toml). Its commands keep the names the Makefile
calls: `load_initial_data`, `seed_demo`, `seed_processes`."""
