"""newsweave: turn a raw, multilingual stream of news into clean articles and linked stories.

The public Python API: the ``Newsweave`` facade, its ``Settings``, the records it returns and
the errors it raises. Names load on first use, so importing one stage does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Newsweave": "newsweave.core",
    "Settings": "newsweave.config",
    **{
        name: "newsweave.errors"
        for name in ("Conflict", "ConfigError", "InputError", "ModelUnavailable", "NewsweaveError",
                     "NotFound", "StoreError")
    },
    **{
        name: "newsweave.records"
        for name in ("Article", "Comment", "IngestReport", "MediaType", "Provenance", "PublicationDate",
                     "RawItem", "Rejection")
    },
}  # fmt: skip

__all__ = [
    "Article",
    "Comment",
    "ConfigError",
    "Conflict",
    "IngestReport",
    "InputError",
    "MediaType",
    "ModelUnavailable",
    "Newsweave",
    "NewsweaveError",
    "NotFound",
    "Provenance",
    "PublicationDate",
    "RawItem",
    "Rejection",
    "Settings",
    "StoreError",
]

if TYPE_CHECKING:
    from newsweave.config import Settings
    from newsweave.core import Newsweave
    from newsweave.errors import (
        ConfigError,
        Conflict,
        InputError,
        ModelUnavailable,
        NewsweaveError,
        NotFound,
        StoreError,
    )
    from newsweave.records import (
        Article,
        Comment,
        IngestReport,
        MediaType,
        Provenance,
        PublicationDate,
        RawItem,
        Rejection,
    )


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
