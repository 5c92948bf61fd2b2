"""Do two stores hold the same result? Articles, relations and stories compared, differences named.

Used by the tests and the benchmark to show that a Ray run equals a single-process run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsweave.core import Newsweave


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a run produced, in forms that compare across stores (story numbers aside)."""

    articles: dict[str, str]  # id → a digest of the article's fields as stored
    relations: dict[tuple[str, str], str]  # (a, b) → kind, score and evidence as JSON
    stories: frozenset[frozenset[str]]  # the partition of linked articles into stories
    link_order: tuple[str, ...]  # the order articles were linked in
    facts: dict[str, str]  # id → the facts as JSON


def outcome(nw: Newsweave) -> Outcome:
    """Read a store's result."""
    store: Any = nw.store
    articles = {a.id: json.dumps(a.as_dict(), sort_keys=True, default=str) for a in store.iter_articles()}
    relations = {
        (x.a, x.b): json.dumps([x.kind.value, x.score, x.evidence.as_dict()], sort_keys=True, default=str)
        for x in store.links()
    }
    memberships = store.story_memberships()
    by_story: dict[int, set[str]] = {}
    for article_id, story_id, _ in memberships:
        by_story.setdefault(story_id, set()).add(article_id)
    facts = {i: json.dumps(_plain(store.facts(i)), sort_keys=True, default=str) for i in articles}
    return Outcome(
        articles,
        relations,
        frozenset(frozenset(s) for s in by_story.values()),
        tuple(article_id for article_id, _, _ in memberships),
        facts,
    )


def differences(a: Outcome, b: Outcome) -> list[str]:
    """What differs between two results, one line a kind (empty: the same)."""
    out = []
    if a.articles.keys() != b.articles.keys():
        out.append(f"articles: {len(a.articles.keys() - b.articles.keys())} only in the first, "
                   f"{len(b.articles.keys() - a.articles.keys())} only in the second")  # fmt: skip
    else:
        changed = [i for i in a.articles if a.articles[i] != b.articles[i]]
        if changed:
            out.append(f"articles: {len(changed)} stored differently, e.g. {changed[0][:12]}")
    if a.relations != b.relations:
        keys = a.relations.keys() ^ b.relations.keys()
        differ = [k for k in a.relations.keys() & b.relations.keys() if a.relations[k] != b.relations[k]]
        out.append(f"relations: {len(keys)} pairs in one only, {len(differ)} differ in kind, score or evidence")
    if a.stories != b.stories:
        out.append(f"stories: {len(a.stories ^ b.stories)} stories differ in membership")
    if a.link_order != b.link_order:
        out.append("link order differs")
    if a.facts != b.facts:
        out.append(f"facts: {sum(a.facts.get(i) != b.facts.get(i) for i in a.facts)} articles differ")
    return out


def _plain(value: Any) -> Any:
    """A record as plain data (dataclasses with slots to dicts)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
