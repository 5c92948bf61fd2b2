"""The REST API (FastAPI): one router per resource, one exception handler, over the ``Newsweave`` facade."""

from newsweave.api.app import create_app
from newsweave.api.state import ApiConfig

__all__ = ["ApiConfig", "create_app"]
