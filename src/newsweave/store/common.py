"""Reads whose SQL is the same on both backends: an article row made a record, a story derived from its members.

A mixin of ``SqliteStore`` and ``PostgresStore``; ``_db`` is the store's connection.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from newsweave.errors import NotFound
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    Origin,
    Provenance,
    PublicationDate,
    Story,
)
from newsweave.store.sqlite_facts import _Executes


class CommonReads:
    """``story`` and ``_article`` for both stores; they provide ``_db``, ``story_article_ids`` and ``get_article``."""

    _db: _Executes

    def story_article_ids(self, story_id: int) -> list[str]:
        raise NotImplementedError

    def get_article(self, id_or_prefix: str) -> Article:
        raise NotImplementedError

    def story(self, story_id: int) -> Story:
        """One story, derived from its members."""
        ids = self.story_article_ids(story_id)
        if not ids:
            raise NotFound(f"no story {story_id}", hint="`newsweave stories` lists them")
        articles = [self.get_article(i) for i in ids]
        dates = [a.published.value for a in articles if a.published]
        return Story(
            id=story_id,
            title=articles[0].title,
            article_ids=tuple(ids),
            languages=tuple(sorted({a.language for a in articles if a.language})),
            outlets=tuple(sorted({a.outlet for a in articles if a.outlet})),
            first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None,
            origin=ids[0],
            origins=self._origins(story_id, ids),
        )

    def _origins(self, story_id: int, ids: list[str]) -> tuple[Origin, ...]:
        """Group a story's articles (``ids``, earliest first) into texts joined by duplicate or version links."""
        # A join, not "IN (?, ?, …)": a story of thousands of reprints would pass SQLite's variable limit.
        rows = self._db.execute(
            "SELECT r.a, r.b FROM relations r JOIN story_members ma ON ma.article_id = r.a "
            "JOIN story_members mb ON mb.article_id = r.b "
            "WHERE r.kind IN ('duplicate', 'version') AND ma.story_id = ? AND mb.story_id = ?",
            (story_id, story_id),
        )
        first_of = {i: i for i in ids}  # union-find; the root is the group's earliest article

        def root(x: str) -> str:
            while first_of[x] != x:
                first_of[x] = first_of[first_of[x]]
                x = first_of[x]
            return x

        rank = {article_id: n for n, article_id in enumerate(ids)}
        for a, b in rows:
            ra, rb = sorted((root(a), root(b)), key=rank.__getitem__)
            first_of[rb] = ra
        groups: dict[str, list[str]] = {}
        for article_id in ids:
            groups.setdefault(root(article_id), []).append(article_id)
        return tuple(Origin(first, tuple(rest)) for first, *rest in groups.values())

    def _article(self, row: tuple[Any, ...]) -> Article:
        (aid, title, outlet, url, published, precision, source, upper, author, language, score,
         body, notes, extractor, path, locator, source_url) = row  # fmt: skip
        comments = tuple(
            Comment(text=text, author=c_author, time=_parse_time(time), reply_to=reply_to)
            for c_author, time, text, reply_to in self._db.execute(
                "SELECT author, time, text, reply_to FROM comments WHERE article_id = ? ORDER BY position",
                (aid,),
            )
        )
        date = None
        if published:
            date = PublicationDate(
                value=datetime.fromisoformat(published),
                precision=DatePrecision(precision),
                source=DateSource(source),
                upper_bound=bool(upper),
            )
        return Article(
            id=aid,
            title=title,
            body=tuple(json.loads(body)),
            provenance=Provenance(path, locator, source_url),
            extractor=extractor,
            outlet=outlet,
            url=url,
            published=date,
            author=author,
            language=language,
            language_score=score,
            notes=tuple(json.loads(notes)),
            comments=comments,
        )


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
