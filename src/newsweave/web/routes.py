"""The UI's pages: story list, story, article, search. Each reads through the facade, as the REST routes do."""

from __future__ import annotations

from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsweave.api.auth import hub_of, require_read
from newsweave.api.paging import Filters, filters
from newsweave.core import Newsweave
from newsweave.records import Link, RelationKind, Story
from newsweave.web import geo, views

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
TEMPLATES.env.globals.update(short_date=views.short_date, safe_url=views.safe_url, kind_words=views.KIND_WORDS)
TEMPLATES.env.filters["pct"] = lambda x: "–" if x is None else f"{x:.0%}"
TEMPLATES.env.filters["num"] = lambda x: "–" if x is None else f"{x:.2f}"
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
_PAGE = 50
_MAX_COMPARISONS = 12


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


def _story_rows(nw: Newsweave, where: Filters, order: str, offset: int) -> dict[str, Any]:
    found = nw.find_stories(**where.as_kwargs(), newest=order == "newest")
    if where == Filters():  # unfiltered: read only the page; the store counts the rest
        stories = list(islice(found, offset, offset + _PAGE + 1))
        total = nw.count_stories()
        glance, page_only = stories[:_PAGE], total > _PAGE
    else:
        matching = list(found)
        stories, total, glance, page_only = matching[offset : offset + _PAGE + 1], len(matching), matching, False
    languages = Counter(lang for s in glance for lang in s.languages)
    outlets = Counter(o for s in glance for o in s.outlets)
    return {
        "stories": stories[:_PAGE],
        "total": total,
        "offset": offset,
        "next_offset": offset + _PAGE if len(stories) > _PAGE else None,
        "languages": languages.most_common(),
        "outlets": outlets.most_common(15),
        "glance_is_page": page_only,
        "where": where,
        "order": order,
    }


Order = Annotated[str, Query(pattern="^(biggest|newest)$")]
Offset = Annotated[int, Query(ge=0)]


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request, where: Annotated[Filters, Depends(filters)], order: Order = "biggest", offset: Offset = 0
) -> HTMLResponse:
    """Stories, biggest or newest first, with filters and the languages and outlets at a glance."""
    nw = hub_of(request).reader()
    return _render(request, "stories.html", articles=nw.count_articles(), **_story_rows(nw, where, order, offset))


@router.get("/fragments/stories", response_class=HTMLResponse)
def story_rows(
    request: Request, where: Annotated[Filters, Depends(filters)], order: Order = "biggest", offset: Offset = 0
) -> HTMLResponse:
    """The story list's rows alone, for refreshing without a reload."""
    return _render(request, "_story_rows.html", **_story_rows(hub_of(request).reader(), where, order, offset))


def _comparisons(nw: Newsweave, links: list[Link], articles: dict[str, Any]) -> list[views.Comparison]:
    pairs = [x for x in links if x.kind in (RelationKind.VERSION, RelationKind.DUPLICATE)]
    pairs.sort(key=lambda x: -x.score)
    return [
        views.compare(x, articles[x.a], articles[x.b], nw.sentences(x.a), nw.sentences(x.b))
        for x in pairs[:_MAX_COMPARISONS]
    ]


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int) -> HTMLResponse:
    """A story: versions side by side, provenance, reports, related stories, merge and split."""
    nw = hub_of(request).reader()
    story = nw.story(story_id)
    articles = {i: nw.article(i) for i in story.article_ids}
    links = nw.story_relations(story_id)
    others = {x.a for x in nw.disagreements(story_id)} | {x.b for x in nw.disagreements(story_id)}
    for article_id in others - set(articles):
        articles[article_id] = nw.article(article_id)
    return _render(
        request,
        "story.html",
        **_facts(nw, story_id),
        story=story,
        articles=articles,
        links=links,
        comparisons=_comparisons(nw, links, articles),
        reports=[x for x in links if x.kind in (RelationKind.SAME_STORY, RelationKind.RELATED)],
        related=nw.related_stories(story_id),
        graph=views.provenance_svg(story, articles, links),
        threads={i: views.threads(a.comments) for i, a in articles.items()},
    )


def _facts(nw: Newsweave, story_id: int) -> dict[str, Any]:
    """The story's facts sections; each is empty (and not shown) until the analyze stage has read something."""
    places = nw.places(story=story_id, limit=40)
    located = [p for p in places if p.lat is not None and p.lon is not None]
    # A country is shaded, not pinned: its centroid would pull the frame far from the towns named.
    countries = [p for p in located if (p.feature or "").startswith("A.PCL")]
    towns = [p for p in located if p not in countries] or countries
    pins = [geo.Pin(p.lat, p.lon, p.name, p.articles) for p in towns if p.lat is not None and p.lon is not None]
    return {
        "places": places,
        "map": geo.map_svg(pins, shade={p.name for p in countries} | {s for p in countries for s in p.surfaces}),
        "timeline": [(e, views.mark(e.sentence, [e.text])[0]) for e in nw.timeline(story_id)],
        "disagreements": [
            (
                d,
                views.mark(d.claim_a.sentence, [d.claim_a.text])[0],
                views.mark(d.claim_b.sentence, [d.claim_b.text])[0],
            )
            for d in nw.disagreements(story_id)
        ],
        "entities": nw.entities(story=story_id, limit=24),
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """One article: metadata, sightings, body, notes, comments and relations."""
    nw = hub_of(request).reader()
    article = nw.article(article_id)
    links = nw.relations(article.id)
    others = {i: nw.article(i) for x in links for i in (x.a, x.b) if i != article.id}
    story_id = nw.story_of(article.id)
    story: Story | None = nw.story(story_id) if story_id is not None else None
    return _render(
        request, "article.html", article=article, sightings=nw.sightings(article.id), links=links, others=others,
        story=story, threads=views.threads(article.comments),
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=1000)] = "",
    mode: Annotated[str, Query(pattern="^(meaning|words)$")] = "meaning",
) -> HTMLResponse:
    """Search in any language, by meaning or by words."""
    hub = hub_of(request)
    hits: list[tuple[Any, float, int | None]] = []
    if q.strip():
        if mode == "words":
            nw = hub.reader()
            hits = [(a, s, nw.story_of(a.id)) for a, s in nw.search_words(q, limit=30)]
        else:
            hits = hub.search(q, 30)
    return _render(request, "search.html", q=q, mode=mode, hits=hits)


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    """The REST API's reference, rendered from the OpenAPI document (served whole at /openapi.json)."""
    document = request.app.openapi()
    operations = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            params = [
                (p["name"], p["in"], p.get("required", False), p.get("description", ""))
                for p in op.get("parameters", [])
            ]
            body = "requestBody" in op
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params, "body": body,
                               "tag": (op.get("tags") or ["other"])[0],
                               "token": method != "get"})  # fmt: skip
    return _render(request, "docs.html", info=document["info"], operations=operations)
