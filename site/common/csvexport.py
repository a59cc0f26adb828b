"""CSV downloads of staff lists, for a spreadsheet: one way to make them safe and readable."""

import csv

from django.http import HttpResponse

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def csv_safe(value) -> str:
    """The cell as text, with a leading ' when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def csv_response(filename: str) -> tuple[HttpResponse, "csv._writer"]:
    """A download named `filename` and a writer for its rows: UTF-8 with a byte-order mark and
    semicolons, which is what Dutch spreadsheet programs open without asking."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")
