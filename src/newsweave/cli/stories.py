"""`newsweave stories` (list, merge, split, edits) and `newsweave story ID`."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag, Limit, StoryId, within_store_range
from newsweave.cli.state import open_newsweave
from newsweave.records import plain

app = typer.Typer(help="Stories: groups of articles telling one event, across languages.")


@app.callback(invoke_without_command=True)
def stories(ctx: typer.Context, json_output: JsonFlag = False, limit: Limit = 50) -> None:
    """List stories: id, title, size, languages, outlets, first and last seen.

    Example: newsweave stories --json
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_newsweave(ctx) as nw:
        rows = nw.stories(limit=limit)
        if json_output:
            render.print_json([render.story_dict(s) for s in rows])
        else:
            render.out.print(render.stories_table(rows))


@app.command()
def merge(
    ctx: typer.Context,
    keep: Annotated[int, typer.Argument(min=1, callback=within_store_range, help="The story that stays.")],
    absorb: Annotated[int, typer.Argument(min=1, callback=within_store_range, help="The story merged into it.")],
    json_output: JsonFlag = False,
) -> None:
    """Merge one story into another; recorded in the audit trail and kept by later linking.

    Example: newsweave stories merge 1 2
    """
    with open_newsweave(ctx) as nw:
        story = nw.merge_stories(keep, absorb)
        render.print_json(render.story_dict(story)) if json_output else render.out.print(
            f"story {story.id}: {story.size} articles"
        )


@app.command()
def split(
    ctx: typer.Context,
    story_id: Annotated[int, typer.Argument(min=1, callback=within_store_range, help="The story to split.")],
    article_ids: Annotated[list[str], typer.Argument(help="Articles to move into a new story.")],
    json_output: JsonFlag = False,
) -> None:
    """Move articles out of a story into a new one; they never rejoin it by themselves.

    Example: newsweave stories split 1 6acb
    """
    with open_newsweave(ctx) as nw:
        story = nw.split_story(story_id, article_ids)
        render.print_json(render.story_dict(story)) if json_output else render.out.print(
            f"new story {story.id}: {story.size} articles"
        )


@app.command()
def edits(ctx: typer.Context, json_output: JsonFlag = False) -> None:
    """The audit trail of merges and splits.

    Example: newsweave stories edits
    """
    with open_newsweave(ctx) as nw:
        rows = nw.story_edits()
        if json_output:
            render.print_json(rows)
        else:
            for row in rows:
                render.out.print(row, markup=False)


def story(
    ctx: typer.Context,
    story_id: StoryId,
    json_output: JsonFlag = False,
) -> None:
    """One story: its articles (earliest first), their relations, provenance, and what they say.

    Example: newsweave story 1
    """
    with open_newsweave(ctx) as nw:
        s = nw.story(story_id)
        articles = [nw.article(i) for i in s.article_ids]
        links = [x for i in s.article_ids for x in nw.relations(i) if x.a in s.article_ids and x.b in s.article_ids]
        links = list({(x.a, x.b): x for x in links}.values())
        entities = nw.entities(story=story_id, limit=20)
        places = nw.places(story=story_id, limit=20)
        events = nw.timeline(story_id)
        disagreements = nw.disagreements(story_id)
        if json_output:
            render.print_json(
                render.story_dict(s) | {"articles": [a.as_dict() | {"body": None, "comments": len(a.comments)}
                                                     for a in articles], "relations": [x.as_dict() for x in links],
                                        "entities": plain(entities), "places": plain(places),
                                        "timeline": plain(events), "disagreements": plain(disagreements)}
            )  # fmt: skip
        else:
            render.story_detail(s, articles, links)
            if entities:
                render.out.print(render.entities_table(entities))
            if places:
                render.out.print(render.places_table(places))
            if events:
                render.out.print(render.timeline_table(events))
            if disagreements:
                render.disagreements_list(disagreements)
