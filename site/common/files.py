"""Serving files from private storage: uploads that need a permission check (photos of reports,
attachments of initiatives) are streamed by a view that has checked it, never served from /media/.
One place for the headers that keep such a response safe."""

import mimetypes

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control


def private_file_response(
    stored,
    *,
    public: bool = False,
    max_age: int = 3600,
    download_name: str | None = None,
    allowed_types: frozenset[str] | set[str] | None = None,
) -> HttpResponse:
    """Send a stored file (a FieldFile) after the caller checked who may see it. A missing file
    or a type outside `allowed_types` is a 404, not a 500. `public` lets shared caches keep it
    (only for files anyone may see). The file is read whole: uploads are at most 10 MB, and the
    site runs under ASGI, where streaming a file handle goes through a thread per chunk."""
    if not stored:
        raise Http404
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    if allowed_types is not None and content_type not in allowed_types:
        raise Http404
    try:
        with stored.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = HttpResponse(data, content_type=content_type)
    if download_name:
        response["Content-Disposition"] = f'attachment; filename="{download_name}"'
    if public:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, private=True, max_age=max_age)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
