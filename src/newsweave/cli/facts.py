"""`newsweave entities`, `places`, `claims`, `timeline`, `disagreements` and `analyze`: what articles say."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag, Limit
from newsweave.cli.state import open_newsweave
from newsweave.records import EntityType, plain

StoryOption = Annotated[int | None, typer.Option("--story", "-s", min=1, help="Only this story's articles.")]
LanguageOption = Annotated[str | None, typer.Option("--language", "-l", help="Only articles in this language.")]
ArticleOption = Annotated[str | None, typer.Option("--article", "-a", help="Only this article (id or prefix).")]
StoryArgument = Annotated[int, typer.Argument(min=1, help="A story id (see `newsweave stories`).")]


def entities(
    ctx: typer.Context,
    story: StoryOption = None,
    entity_type: Annotated[
        EntityType | None, typer.Option("--type", "-t", help="Only this kind: PER, ORG, LOC, PRO or EVT.")
    ] = None,
    language: LanguageOption = None,
    article: ArticleOption = None,
    json_output: JsonFlag = False,
    limit: Limit = 50,
) -> None:
    """People, organisations, places, products and events, each one entity across spellings and languages.

    Example: newsweave entities --story 1 --type ORG
    """
    with open_newsweave(ctx) as nw:
        rows = nw.entities(story=story, type=entity_type, language=language, article=article, limit=limit)
        render.print_json(plain(rows)) if json_output else render.out.print(render.entities_table(rows))


def places(
    ctx: typer.Context,
    story: StoryOption = None,
    language: LanguageOption = None,
    article: ArticleOption = None,
    resolved: Annotated[bool, typer.Option("--resolved", help="Only places pinned to the gazetteer.")] = False,
    json_output: JsonFlag = False,
    limit: Limit = 50,
) -> None:
    """Places named in the articles, with coordinates, country and kind; unresolved names listed last.

    Example: newsweave places --story 1 --json
    """
    with open_newsweave(ctx) as nw:
        rows = nw.places(story=story, language=language, article=article, resolved_only=resolved, limit=limit)
        render.print_json(plain(rows)) if json_output else render.out.print(render.places_table(rows))


def claims(
    ctx: typer.Context,
    story: StoryOption = None,
    language: LanguageOption = None,
    article: ArticleOption = None,
    json_output: JsonFlag = False,
    limit: Limit = 100,
) -> None:
    """Numeric claims: how many of what, doing or undergoing what, with the sentence that says so.

    Example: newsweave claims --story 1
    """
    with open_newsweave(ctx) as nw:
        rows = nw.claims(story=story, language=language, article=article, limit=limit)
        render.print_json(plain(rows)) if json_output else render.out.print(render.claims_table(rows))


def timeline(ctx: typer.Context, story: StoryArgument, json_output: JsonFlag = False) -> None:
    """A story's dated events, resolved against each article's date ("on the eve", "mardi", "вчера").

    Example: newsweave timeline 1
    """
    with open_newsweave(ctx) as nw:
        rows = nw.timeline(story)
        render.print_json(plain(rows)) if json_output else render.out.print(render.timeline_table(rows))


def disagreements(
    ctx: typer.Context,
    story: Annotated[int | None, typer.Argument(min=1, help="Only this story.")] = None,
    article: ArticleOption = None,
    json_output: JsonFlag = False,
) -> None:
    """Where linked reports' numbers differ (qualifier, conflict, update), both quotes side by side.

    Example: newsweave disagreements 1
    """
    with open_newsweave(ctx) as nw:
        rows = nw.disagreements(story, article=article)
        if json_output:
            render.print_json(plain(rows))
        else:
            render.disagreements_list(rows)


def analyze(ctx: typer.Context, json_output: JsonFlag = False) -> None:
    """Read the facts of every stored article that has none yet (or has an older analyzer's).

    Ingest reads facts as it stores articles; run this after an upgrade or an ingest with facts off.

    Example: newsweave analyze
    """
    with open_newsweave(ctx) as nw, render.ingest_progress() as progress:
        task = progress.add_task("reading facts", total=None, counts="")
        done = nw.analyze(on_article=lambda _: progress.update(task, advance=1))
        progress.stop()
        render.print_json({"analyzed": done}) if json_output else render.out.print(f"{done} articles analyzed")
