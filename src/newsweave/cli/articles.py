"""`newsweave articles`, `show` and `rejections`: read back what is stored."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag, Limit, Offset
from newsweave.cli.state import open_newsweave
from newsweave.records import plain


def articles(ctx: typer.Context, json_output: JsonFlag = False, limit: Limit = 50, offset: Offset = 0) -> None:
    """List stored articles in ingest order.

    Example: newsweave articles --limit 20 --json
    """
    with open_newsweave(ctx) as nw:
        rows = list(nw.articles(limit=limit, offset=offset))
        if json_output:
            render.print_json([a.as_dict() | {"body": None, "comments": len(a.comments)} for a in rows])
        else:
            render.out.print(render.articles_table(rows, title=f"{nw.count_articles()} articles"))


def show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="An article id, or a unique prefix of one.")],
    json_output: JsonFlag = False,
) -> None:
    """Show one article: metadata, provenance, body, notes, comments, and its facts.

    Example: newsweave show 3f2a
    """
    with open_newsweave(ctx) as nw:
        article = nw.article(article_id)
        sightings = nw.sightings(article.id)
        facts = nw.facts(article.id)
        if json_output:
            data = article.as_dict()
            data["sightings"] = [{"path": p.path, "locator": p.locator, "url": p.url} for p in sightings]
            data["facts"] = plain(facts)
            render.print_json(data)
        else:
            render.article_detail(article, sightings)
            render.facts_summary(facts)


def rejections(ctx: typer.Context, json_output: JsonFlag = False, limit: Limit = 100) -> None:
    """List the inputs that could not be used, with their reasons.

    Example: newsweave rejections --json
    """
    with open_newsweave(ctx) as nw:
        rows = nw.rejections(limit=limit)
        if json_output:
            render.print_json([{"item": r.item, "reason": r.reason, "item_id": r.item_id} for r in rows])
        else:
            render.out.print(render.rejections_table(rows))
