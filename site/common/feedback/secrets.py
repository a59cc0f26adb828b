"""The secrets in links that let a resident without an account follow, cancel or accept
something. Only a digest is stored; the secret itself is in the mail and nowhere else.

Unsalted sha256 is enough here: the secret is 32 random characters (192 bits), so there is no
dictionary to guess from, and an unsalted digest can be looked up with one indexed query."""

import hashlib
import secrets as _random


def new_secret() -> str:
    """A secret for a link: 32 characters, URL-safe."""
    return _random.token_urlsafe(24)


def hash_secret(secret: str) -> str:
    return hashlib.sha256((secret or "").encode()).hexdigest()


def secret_matches(secret: str | None, digest: str) -> bool:
    """Whether `secret` is the one behind `digest`, in constant time: a link checked against
    one stored digest must not tell by its timing how much of a guess was right."""
    if not secret or not digest:
        return False
    return _random.compare_digest(digest, hash_secret(secret))


def later_secret(digest: str, *, purpose: str) -> str:
    """The secret for the link in a later mail about the same input (a status update, a question):
    the first secret is stored nowhere, so a later mail cannot repeat it; this one is derived from
    the stored digest with the site's key, so it needs nothing stored either. It opens the same
    page as the first, and stops working with it when the digest goes (erasure). `purpose` keeps
    the links of different kinds apart."""
    from django.utils.crypto import salted_hmac

    return salted_hmac(f"zuidwest.later-link.{purpose}", digest).hexdigest()[:32]


def link_matches(secret: str | None, digest: str, *, purpose: str) -> bool:
    """Whether `secret` opens what `digest` guards: the first link's secret or a later mail's."""
    if not secret or not digest:
        return False
    # As bytes: a typed or forged link may hold any character, which compare_digest refuses as str.
    later = later_secret(digest, purpose=purpose).encode()
    return secret_matches(secret, digest) or _random.compare_digest(secret.encode(), later)


def later_token(pk: int, digest: str, *, purpose: str) -> str:
    """A later mail's link for a row that is found by its secret alone (a booking, a sign-up):
    the row's key and the derived secret, "42.3f9c…" (a first secret never holds a dot)."""
    return f"{pk}.{later_secret(digest, purpose=purpose)}"


def row_by_later_token(queryset, token: str, *, digest_field: str, purpose: str):
    """The row of `queryset` behind a `later_token`, or None when the key or the secret is
    wrong."""
    key = later_token_key(token)
    row = queryset.filter(pk=key).first() if key is not None else None
    secret = (token or "").partition(".")[2]
    if row is not None and link_matches(secret, getattr(row, digest_field), purpose=purpose):
        return row
    return None


def later_token_key(token: str) -> int | None:
    """The row's key in a `later_token`, or None when `token` is not one (a first secret)."""
    key, dot, _secret = (token or "").partition(".")
    return int(key) if dot and key.isascii() and key.isdigit() else None
