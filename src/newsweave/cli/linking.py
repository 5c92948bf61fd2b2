"""`newsweave link`, `relations`, `similar`, `why` and `search`: how articles relate."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag, Limit
from newsweave.cli.state import open_newsweave

ArticleId = Annotated[str, typer.Argument(help="An article id, or a unique prefix of one.")]


def link(
    ctx: typer.Context,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes that embed the sentences, leads and cascade's e5 sentences and read the figures "
            "relating will need, articles ahead of the one this process relates (default "
            "$NEWSWEAVE_WORKERS, else 1: this process alone). The same result.",
        ),
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Link every article not linked yet: duplicates, versions, same-story and related links, and stories.

    Articles are taken in publication order; a run can be interrupted and re-run safely.

    Example: newsweave link
    """
    with open_newsweave(ctx) as nw, render.ingest_progress() as progress:
        task = progress.add_task("linking", total=nw.count_articles(), counts="")
        report = nw.link(on_article=lambda _: progress.update(task, advance=1), workers=workers)
        progress.stop()
        if json_output:
            render.print_json({"linked": report.linked, "links": report.links, "stories": report.stories})
        else:
            render.out.print(f"{report.linked} linked · {report.links} relations · {report.stories} stories")


def reembed(
    ctx: typer.Context,
    route: Annotated[str, typer.Argument(help="The route for languages outside USE's: e5, static or lead.")],
    json_output: JsonFlag = False,
) -> None:
    """Embed every linked article again through another route, so the store links on through it.

    A store keeps the route it was first linked with; this moves it. Only articles in the route's
    languages are embedded again (USE's keep their vectors). Relations and stories stay as they
    were decided. A run can be interrupted and re-run: it goes on where it stopped.

    Example: newsweave reembed static
    """
    with open_newsweave(ctx) as nw, render.ingest_progress() as progress:
        task = progress.add_task("embedding", total=sum(nw.store.linked_models().values()), counts="")
        done = nw.reembed(route, on_article=lambda _: progress.update(task, advance=1))
        progress.stop()
        if json_output:
            render.print_json({"embedded": done, "route": route})
        else:
            render.out.print(f"{done} embedded again through the {route} route")


def relations(
    ctx: typer.Context,
    article_id: Annotated[str | None, typer.Argument(help="Only this article's relations.")] = None,
    json_output: JsonFlag = False,
) -> None:
    """List stored relations as {a, b, kind, score, evidence}.

    Example: newsweave relations --json
    """
    with open_newsweave(ctx) as nw:
        links = nw.relations(article_id)
        if json_output:
            render.print_json([x.as_dict() for x in links])
        else:
            render.out.print(render.links_table(links))


def similar(ctx: typer.Context, article_id: ArticleId, json_output: JsonFlag = False, limit: Limit = 10) -> None:
    """Articles nearest in meaning to one article, in any language.

    Example: newsweave similar 3e29
    """
    with open_newsweave(ctx) as nw:
        hits = nw.similar(article_id, limit=limit)
        if json_output:
            render.print_json([{"id": a.id, "title": a.title, "language": a.language, "cosine": s} for a, s in hits])
        else:
            render.out.print(render.hits_table(hits, score_name="cosine"))


def why(ctx: typer.Context, a: ArticleId, b: ArticleId, json_output: JsonFlag = False) -> None:
    """Explain in plain words why two articles are (or are not) linked.

    Example: newsweave why 3e29 6acb
    """
    with open_newsweave(ctx) as nw:
        text = nw.why(a, b)
        if json_output:
            render.print_json({"a": a, "b": b, "explanation": text})
        else:
            render.out.print(text, markup=False)


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for, in any language.")],
    json_output: JsonFlag = False,
    limit: Limit = 10,
) -> None:
    """Full-text and cross-lingual semantic search over linked articles (an English query finds French ones).

    Example: newsweave search "recruitment chief killed near Deir ez-Zor"
    """
    with open_newsweave(ctx) as nw:
        hits = nw.search(query, limit=limit)
        if json_output:
            render.print_json([{"id": a.id, "title": a.title, "language": a.language, "score": s} for a, s in hits])
        else:
            render.out.print(render.hits_table(hits, score_name="score"))
