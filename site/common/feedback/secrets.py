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
