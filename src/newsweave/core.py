"""The ``Newsweave`` facade: the one entry point every face (CLI, Python, REST, web) goes through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType

from newsweave.config import Settings
from newsweave.extract import default_extractors
from newsweave.ingest import read_inputs
from newsweave.pipeline import ErrorPolicy, Pipeline
from newsweave.records import Article, IngestReport, ItemResult, Provenance, Rejection
from newsweave.store import SqliteStore, Store


class Newsweave:
    """Ingest news into a store and read it back.

    Example:
        >>> from pathlib import Path
        >>> with Newsweave(Settings(db_path=Path(":memory:"))) as nw:
        ...     nw.count_articles()
        0
    """

    def __init__(self, settings: Settings | None = None, *, store: Store | None = None) -> None:
        self.settings = settings or Settings()
        self.store: Store = store or SqliteStore(self.settings.db_path)
        self._pipeline: Pipeline | None = None

    def pipeline(self, errors: ErrorPolicy = "record") -> Pipeline:
        """The extract/analyze/store pipeline, built once per instance (models load once)."""
        if self._pipeline is None or self._pipeline.errors != errors:
            self._pipeline = Pipeline(
                default_extractors(), self.store, batch_size=self.settings.batch_size, errors=errors
            )
        return self._pipeline

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        on_result: Callable[[ItemResult], None] | None = None,
    ) -> IngestReport:
        """Read every input (files, directories, globs, "-" for stdin) and store its articles.

        Re-running is safe: items already stored (same content hash) are counted as duplicates.
        """
        inputs = [str(p) for p in paths]
        entries = read_inputs(inputs, max_page_bytes=self.settings.max_page_bytes)
        report = self.pipeline().run(entries, on_result)
        self.store.record_run(inputs, report)
        return report

    def article(self, id_or_prefix: str) -> Article:
        """The article with this id or unique id prefix."""
        return self.store.get_article(id_or_prefix)

    def sightings(self, article_id: str) -> list[Provenance]:
        """Every input the article's content was read from."""
        return self.store.sightings(article_id)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in ingest order."""
        return self.store.iter_articles(limit=limit, offset=offset)

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self.store.count_articles()

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        """Inputs that could not be used, with their reasons."""
        return self.store.rejections(limit=limit)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Newsweave:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
