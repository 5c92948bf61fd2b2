"""The facts tables: mentions, entities, places, times, claims and disagreements.

A mixin of ``SqliteStore`` and ``PostgresStore`` (it uses the store's connection), kept in its own
file because the facts are a layer of their own: written once per article by the analyze stage,
read by every face. Its SQL is what both backends read alike (``INSERT … ON CONFLICT``, ``"end"``
quoted, ``?`` parameters that the PostgreSQL connection turns into ``%s``), so the facts are
written by one piece of code whatever the store.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from newsweave.records import (
    Claim,
    ClaimRelation,
    Disagreement,
    Entity,
    EntitySummary,
    EntityType,
    Facts,
    Mention,
    Place,
    PlaceSummary,
    Qualifier,
    SourcedClaim,
    TimeExpression,
    TimelineEvent,
    TimePrecision,
)
from newsweave.store.common import NO_LIMIT, Executes, iso, parse_time


class FactsTables:
    """Reads and writes of the facts tables; the store provides ``_db`` and ``transaction``."""

    _db: Executes

    # -- writes --------------------------------------------------------------------------------

    def put_facts(
        self, facts: Facts, analyzer: str, *, entities: Iterable[Entity] = (), sentences: Sequence[str] = ()
    ) -> None:
        """Store an article's facts, replacing any read by an older analyzer.

        ``entities`` are the canonical entities its mentions refer to (name, type, aliases);
        ``sentences[i]`` is the sentence of ``facts.times[i]``, kept for timelines.
        """
        aid = facts.article_id
        for table in ("mentions", "places", "times", "claims"):
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        self._db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, m.start, m.end, m.text, m.type.value, m.entity, m.lemma, m.score, int(m.in_title))
             for i, m in enumerate(facts.mentions)],
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, p.start, p.end, p.text, p.geonames_id, p.name, p.country, p.lat, p.lon, p.feature,
              p.population, p.score) for i, p in enumerate(facts.places)],
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, t.start, t.end, t.text, t.value.isoformat(), t.precision.value, int(t.relative),
              iso(t.anchor), sentences[i] if i < len(sentences) else "") for i, t in enumerate(facts.times)],
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, c.start, c.end, c.text, c.low, c.high, c.qualifier.value, c.sentence, c.sentence_index,
              c.counted, c.action, c.place, iso(c.time)) for i, c in enumerate(facts.claims)],
        )  # fmt: skip
        for entity in entities:
            self.put_entity(entity)
        self._db.execute(
            "INSERT INTO facts_done VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET analyzer = excluded.analyzer",
            (aid, analyzer),
        )

    def put_entity(self, entity: Entity) -> None:
        """Add a canonical entity, or merge new aliases into the stored one."""
        row = self._db.execute("SELECT aliases FROM entities WHERE key = ?", (entity.key,)).fetchone()
        aliases = sorted({*json.loads(row[0]), *entity.aliases}) if row else sorted(set(entity.aliases))
        self._db.execute(
            "INSERT INTO entities VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "name = excluded.name, type = excluded.type, aliases = excluded.aliases",
            (entity.key, entity.name, entity.type.value, json.dumps(aliases, ensure_ascii=False)),
        )

    def put_disagreements(self, a: str, b: str, disagreements: Iterable[Disagreement]) -> None:
        """Store how two articles' claims compare, replacing what was stored for the pair."""
        self._db.execute("DELETE FROM disagreements WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (a, b, b, a))
        positions: dict[str, dict[tuple[int, int], int]] = {}
        for d in disagreements:
            if {d.a, d.b} != {a, b}:
                raise ValueError(f"a disagreement of {d.a[:12]}/{d.b[:12]} given for the pair {a[:12]}/{b[:12]}")
            pa = self._claim_position(positions, d.a, d.claim_a)
            pb = self._claim_position(positions, d.b, d.claim_b)
            if pa is None or pb is None:
                continue  # a claim the store does not hold: the facts were re-read since
            self._db.execute(
                "INSERT INTO disagreements VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (a, b, claim_a, claim_b) "
                "DO UPDATE SET relation = excluded.relation, score = excluded.score, note = excluded.note",
                (d.a, d.b, pa, pb, d.relation.value, d.score, d.note),
            )

    def _claim_position(self, cache: dict[str, dict[tuple[int, int], int]], aid: str, claim: Claim) -> int | None:
        if aid not in cache:
            rows = self._db.execute('SELECT start, "end", position FROM claims WHERE article_id = ?', (aid,))
            cache[aid] = {(s, e): p for s, e, p in rows}
        return cache[aid].get((claim.start, claim.end))

    # -- reads ---------------------------------------------------------------------------------

    def has_facts(self, article_id: str, analyzer: str | None = None) -> bool:
        """True when the article's facts are stored (by ``analyzer``, when given)."""
        row = self._db.execute("SELECT analyzer FROM facts_done WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None and (analyzer is None or row[0] == analyzer)

    def unanalyzed_article_ids(self, analyzer: str) -> list[str]:
        """Articles whose facts were never read, or read by another analyzer version, in ingest order."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN facts_done f ON f.article_id = a.id "
            "WHERE f.analyzer IS NULL OR f.analyzer != ? ORDER BY a.seq",
            (analyzer,),
        )
        return [r[0] for r in rows]

    def facts(self, article_id: str) -> Facts:
        """An article's stored facts (empty when none were read)."""
        args = (article_id,)
        mentions = tuple(
            Mention(s, e, t, EntityType(ty), ent, lemma, score, bool(title))
            for s, e, t, ty, ent, lemma, score, title in self._db.execute(
                'SELECT start, "end", text, type, entity, lemma, score, in_title FROM mentions WHERE article_id = ? '
                "ORDER BY position",
                args,
            )
        )
        places = tuple(
            Place(*row)
            for row in self._db.execute(
                'SELECT start, "end", text, geonames_id, name, country, lat, lon, feature, population, score '
                "FROM places WHERE article_id = ? ORDER BY position",
                args,
            )
        )
        in_order = "WHERE article_id = ? ORDER BY position"
        times = tuple(_time(row) for row in self._db.execute(f"{_TIMES} {in_order}", args))
        claims = tuple(_claim(row) for row in self._db.execute(f"{_CLAIMS} {in_order}", args))
        return Facts(article_id, mentions, places, times, claims)

    def entity(self, key: str) -> Entity | None:
        """The canonical entity stored under ``key``."""
        return self._entities([key]).get(key)

    def _entities(self, keys: Iterable[str]) -> dict[str, Entity]:
        """The canonical entities stored under ``keys``, in a query per 500 keys (a summary of a
        large store asks for thousands; one query each is a round trip each on PostgreSQL)."""
        wanted, found = sorted(set(keys)), {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._db.execute(
                f"SELECT key, name, type, aliases FROM entities WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            )
            for key, name, etype, aliases in rows:
                found[key] = Entity(key, name, EntityType(etype), tuple(json.loads(aliases)))
        return found

    def entity_summaries(
        self,
        *,
        story_id: int | None = None,
        type: EntityType | None = None,
        language: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Canonical entities, most mentioned first, with their counts and the forms seen."""
        where, args = _filters(story_id, language, article_id)
        if type is not None:
            where.append("m.type = ?")
            args.append(type.value)
        rows = self._db.execute(
            "SELECT COALESCE(m.entity, 'form:' || lower(m.text)) AS k, m.type, m.text, m.article_id, a.language "
            f"FROM mentions m JOIN articles a ON a.id = m.article_id {_story_join(story_id)} "
            f"{_where(where)}",
            args,
        ).fetchall()
        groups: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            groups.setdefault(row[0], []).append(row)
        entities = self._entities(groups)
        summaries = []
        for key, members in groups.items():
            surfaces = Counter(text for _, _, text, _, _ in members)
            stored = entities.get(key)
            entity = stored or Entity(key, surfaces.most_common(1)[0][0], EntityType(members[0][1]))
            if key.startswith(_GAZETTEER_KEY):
                entity = replace(entity, name=display_name(entity.name, entity.aliases, surfaces))
            summaries.append(
                EntitySummary(
                    entity,
                    mentions=len(members),
                    articles=len({m[3] for m in members}),
                    languages=tuple(sorted({m[4] for m in members if m[4]})),
                    surfaces=tuple(text for text, _ in surfaces.most_common()),
                )
            )
        summaries.sort(key=lambda s: (-s.articles, -s.mentions, s.entity.name))
        return summaries[:limit] if limit is not None else summaries

    def outlet_pins(self, articles: int) -> list[tuple[str | None, str | None, str | None, int, str | None]]:
        """The pins of the last ``articles`` stored articles, oldest first: (outlet, URL, place name,
        GeoNames id, feature), what ``places.outlets.OutletHomes`` learns an outlet's home from."""
        return [
            tuple(row)  # type: ignore[misc]
            for row in self._db.execute(
                "SELECT a.outlet, a.url, p.name, p.geonames_id, p.feature FROM places p "
                "JOIN articles a ON a.id = p.article_id "
                "WHERE p.geonames_id IS NOT NULL AND (a.outlet IS NOT NULL OR a.url IS NOT NULL) "
                "AND a.seq > (SELECT COALESCE(MAX(seq), 0) FROM articles) - ? ORDER BY a.seq, p.position",
                (articles,),
            ).fetchall()
        ]

    def place_summaries(
        self,
        *,
        story_id: int | None = None,
        language: str | None = None,
        article_id: str | None = None,
        resolved_only: bool = False,
        limit: int | None = None,
    ) -> list[PlaceSummary]:
        """Places, most mentioned first; unresolved mentions grouped by their text."""
        where, args = _filters(story_id, language, article_id)
        if resolved_only:
            where.append("p.geonames_id IS NOT NULL")
        rows = self._db.execute(
            "SELECT p.geonames_id, p.name, p.country, p.lat, p.lon, p.feature, p.text, p.article_id "
            f"FROM places p JOIN articles a ON a.id = p.article_id {_story_join(story_id, 'p')} {_where(where)}",
            args,
        ).fetchall()
        groups: dict[object, list[tuple[Any, ...]]] = {}
        for row in rows:
            groups.setdefault(row[0] if row[0] is not None else f"text:{row[6].casefold()}", []).append(row)
        entities = self._entities(f"{_GAZETTEER_KEY}{key}" for key in groups if isinstance(key, int))
        summaries = []
        for members in groups.values():
            gid, name, country, lat, lon, feature = members[0][:6]
            surfaces = Counter(m[6] for m in members)
            if gid is not None and name:
                stored = entities.get(f"{_GAZETTEER_KEY}{gid}")
                name = display_name(name, stored.aliases if stored else (), surfaces)
            summaries.append(
                PlaceSummary(
                    name=name or surfaces.most_common(1)[0][0],
                    geonames_id=gid,
                    country=country,
                    lat=lat,
                    lon=lon,
                    feature=feature,
                    mentions=len(members),
                    articles=len({m[7] for m in members}),
                    surfaces=tuple(text for text, _ in surfaces.most_common()),
                )
            )
        summaries.sort(key=lambda s: (s.geonames_id is None, -s.articles, -s.mentions, s.name))
        return summaries[:limit] if limit is not None else summaries

    def sourced_claims(
        self,
        *,
        story_id: int | None = None,
        language: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[SourcedClaim]:
        """Numeric claims with their articles, earliest article first, in text order."""
        where, args = _filters(story_id, language, article_id)
        columns = ", ".join(f'c."{name}"' for name in _CLAIM_COLUMNS)
        rows = self._db.execute(
            f"SELECT {columns}, a.id, a.outlet, a.published, a.language FROM claims c "
            f"JOIN articles a ON a.id = c.article_id {_story_join(story_id, 'c')} {_where(where)} "
            "ORDER BY a.published IS NULL, a.published, a.seq, c.position LIMIT ?",
            [*args, NO_LIMIT if limit is None else limit],
        ).fetchall()
        return [SourcedClaim(row[-4], _claim(row[:-4]), row[-3], parse_time(row[-2]), row[-1]) for row in rows]

    def timeline(self, story_id: int) -> list[TimelineEvent]:
        """The dated statements of a story's articles, in the order of the events they date."""
        rows = self._db.execute(
            "SELECT t.value, t.precision, t.text, t.sentence, t.article_id, a.outlet, a.published, t.relative "
            "FROM times t JOIN articles a ON a.id = t.article_id "
            "JOIN story_members sm ON sm.article_id = t.article_id WHERE sm.story_id = ? "
            "ORDER BY t.value, a.published IS NULL, a.published, t.article_id, t.position",
            (story_id,),
        )
        return [
            TimelineEvent(datetime.fromisoformat(v), TimePrecision(p), text, sentence, aid, outlet, parse_time(pub),
                          bool(rel))
            for v, p, text, sentence, aid, outlet, pub, rel in rows
        ]  # fmt: skip

    def disagreements(
        self,
        *,
        story_id: int | None = None,
        article_id: str | None = None,
        relations: Sequence[ClaimRelation] = (ClaimRelation.QUALIFIER, ClaimRelation.CONFLICT, ClaimRelation.UPDATE),
    ) -> list[Disagreement]:
        """Stored comparisons of two articles' claims (by default all but agreements), earliest first."""
        where = [f"d.relation IN ({', '.join('?' for _ in relations)})"]
        args: list[Any] = [r.value for r in relations]
        if story_id is not None:
            where.append("d.a IN (SELECT article_id FROM story_members WHERE story_id = ?)")
            where.append("d.b IN (SELECT article_id FROM story_members WHERE story_id = ?)")
            args += [story_id, story_id]
        if article_id is not None:
            where.append("(d.a = ? OR d.b = ?)")
            args += [article_id, article_id]
        rows = self._db.execute(
            "SELECT d.a, d.b, d.claim_a, d.claim_b, d.relation, d.score, d.note, "
            "aa.outlet, aa.published, ab.outlet, ab.published FROM disagreements d "
            "JOIN articles aa ON aa.id = d.a JOIN articles ab ON ab.id = d.b "
            f"{_where(where)} ORDER BY aa.published IS NULL, aa.published, d.a, d.b, d.claim_a, d.claim_b",
            args,
        ).fetchall()
        out = []
        for a, b, ca, cb, relation, score, note, oa, pa, ob, pb in rows:
            claim_a, claim_b = self._claim_at(a, ca), self._claim_at(b, cb)
            if claim_a is None or claim_b is None:
                continue
            out.append(
                Disagreement(a, b, claim_a, claim_b, ClaimRelation(relation), score, note, (oa, ob),
                             (parse_time(pa), parse_time(pb)))
            )  # fmt: skip
        return out

    def _claim_at(self, article_id: str, position: int) -> Claim | None:
        row = self._db.execute(f"{_CLAIMS} WHERE article_id = ? AND position = ?", (article_id, position)).fetchone()
        return None if row is None else _claim(row)


_TIMES = 'SELECT start, "end", text, value, precision, relative, anchor FROM times'
_CLAIM_COLUMNS = (
    "start", "end", "text", "low", "high", "qualifier", "sentence", "sentence_index", "counted", "action",
    "place", "time",
)  # fmt: skip
_QUOTED_CLAIM_COLUMNS = ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS)
_CLAIMS = f"SELECT {_QUOTED_CLAIM_COLUMNS} FROM claims"


def _time(row: tuple[Any, ...]) -> TimeExpression:
    start, end, text, value, precision, relative, anchor = row
    return TimeExpression(
        start, end, text, datetime.fromisoformat(value), TimePrecision(precision), bool(relative), parse_time(anchor)
    )


def _claim(row: Sequence[Any]) -> Claim:
    start, end, text, low, high, qualifier, sentence, index, counted, action, place, time = row
    return Claim(start, end, text, low, high, Qualifier(qualifier), sentence, index, counted, action, place,
                 parse_time(time))  # fmt: skip


_GAZETTEER_KEY = "geonames:"
_SPELLING_GAPS = re.compile(r"[\s\-\u2010\u2011]+")


def display_name(name: str, aliases: Sequence[str], written: Counter[str]) -> str:
    """The name to show a gazetteer place by: GeoNames' own when the texts write it, else the
    spelling among its aliases they write most. GeoNames names a place by a transliteration of
    its local name ("Ālbū Kamāl", "Tadmur", "Ar Raqqah") that news seldom writes, where the
    texts write "Abu Kemal", "Palmyra", "Raqqa"; a form that is no alias (an inflection, a
    demonym: "Russian") never becomes the name.

    Example:
        >>> display_name("Ālbū Kamāl", ["Abu Kamal", "Abu Kemal"], Counter({"Abu Kemal": 3, "Abu-Kamal": 1}))
        'Abu Kemal'
        >>> display_name("Russia", ["Rossiya"], Counter({"Russian": 4}))
        'Russia'
    """

    def spelling(text: str) -> str:
        return _SPELLING_GAPS.sub(" ", text.casefold()).strip()

    if any(spelling(text) == spelling(name) for text in written):
        return name
    known = {spelling(alias) for alias in aliases}
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text, count in written.items():
        if (key := spelling(text)) in known:
            counts[key] += count
            forms.setdefault(key, Counter())[text] += count
    if not counts:
        return name
    best = max(counts, key=lambda key: (counts[key], key))
    return forms[best].most_common(1)[0][0]


def _filters(story_id: int | None, language: str | None, article_id: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if story_id is not None:
        where.append("sm.story_id = ?")
        args.append(story_id)
    if language is not None:
        where.append("a.language = ?")
        args.append(language)
    if article_id is not None:
        where.append("a.id = ?")
        args.append(article_id)
    return where, args


def _story_join(story_id: int | None, alias: str = "m") -> str:
    return f"JOIN story_members sm ON sm.article_id = {alias}.article_id" if story_id is not None else ""


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""
