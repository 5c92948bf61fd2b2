"""The one exception hierarchy of newsweave.

Every error carries a one-sentence message naming the item and the value, an optional hint that
says the fix, an HTTP ``status`` for the REST face and an ``exit_code`` for the CLI.
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""

    status = 500
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, item: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.item = item

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled with its hint and item, which ``Exception`` would drop: an error raised in a
        # worker process (``scale.pool``, Ray) reaches the user whole.
        return _rebuild, (type(self), self.message, self.hint, self.item)


def _rebuild(cls: type[NewsweaveError], message: str, hint: str | None, item: str | None) -> NewsweaveError:
    return cls(message, hint=hint, item=item)


class InputError(NewsweaveError):
    """An input item cannot be used: undecodable, empty, truncated, malformed, no article."""

    status = 422


class ConfigError(NewsweaveError):
    """A setting or option is invalid."""

    status = 400
    exit_code = 2


class NotFound(NewsweaveError):
    """An article, story or other object asked for does not exist."""

    status = 404


class Conflict(NewsweaveError):
    """The request conflicts with what is stored."""

    status = 409


class StoreError(NewsweaveError):
    """The store failed (I/O, schema, database error)."""

    status = 500


class ModelUnavailable(NewsweaveError):
    """A model package is missing or cannot be loaded offline."""

    status = 503


class StoreBusy(StoreError):
    """A write lost a race with another process's (a deadlock or serialization failure): nothing of
    it was kept, and the same transaction run again can succeed."""

    status = 503
