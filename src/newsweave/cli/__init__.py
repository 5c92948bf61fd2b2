"""The `newsweave` command line: a thin face over the ``Newsweave`` facade.

Exit codes: 0 done; 1 an error (one `Error:` line on stderr); 2 a usage or configuration error;
3 an ingest in which every input was rejected.
"""

from __future__ import annotations

import io
import logging
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from typer.exceptions import TyperException

from newsweave.cli import articles as articles_cmds
from newsweave.cli import evaluate, facts, ingest, linking, serve, stories
from newsweave.cli import export as export_cmd
from newsweave.cli import migrate as migrate_cmd
from newsweave.cli.render import CleanFormatter, err
from newsweave.cli.state import settings_from
from newsweave.errors import NewsweaveError

app = typer.Typer(
    name="newsweave",
    help="Turn a raw, multilingual stream of news into clean, linked articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_debug = False


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="The store: a SQLite file, or a postgresql:// URL. Default: $NEWSWEAVE_DB or the user data dir.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
) -> None:
    """newsweave: ingest news of any common form, extract clean articles, store them."""
    global _debug
    _debug = debug
    _configure_logging(debug)
    ctx.obj = settings_from(db)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (as logging's own last resort does)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _: Any) -> None:
        pass


_log_handler: logging.Handler | None = None


def _configure_logging(debug: bool) -> None:
    """newsweave's own warnings on stderr; libraries' logs (trafilatura, warcio, …) only with --debug.

    Without --debug each item's trouble is already one line of ours (`rejected …`); the libraries
    log their internal fallbacks by the hundred, and none of it is the user's to act on.
    """
    global _log_handler
    root = logging.getLogger()
    if _log_handler is not None:
        root.removeHandler(_log_handler)
    _log_handler = _StderrHandler()
    _log_handler.setFormatter(CleanFormatter("%(levelname)s %(name)s: %(message)s"))
    if not debug:
        _log_handler.addFilter(lambda record: record.name.split(".", 1)[0] == "newsweave")
    root.addHandler(_log_handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING)


app.command()(ingest.ingest)
app.command()(articles_cmds.articles)
app.command()(articles_cmds.show)
app.command()(articles_cmds.rejections)
app.command()(linking.link)
app.command()(linking.reembed)
app.command()(linking.relations)
app.command()(linking.similar)
app.command()(linking.why)
app.command()(linking.search)
app.add_typer(stories.app, name="stories")
app.command()(stories.story)
app.command()(facts.entities)
app.command()(facts.places)
app.command()(facts.claims)
app.command()(facts.timeline)
app.command()(facts.disagreements)
app.command()(facts.analyze)
app.add_typer(evaluate.app, name="eval")
app.command()(export_cmd.export)
app.command()(serve.serve)
app.command()(migrate_cmd.migrate)


def main() -> None:
    """Entry point: run the app; turn newsweave errors into one `Error:` line and an exit code."""
    try:
        # Without standalone mode a command's exit code comes back (or as typer.Exit) instead of exiting.
        code = app(standalone_mode=False)
    except NewsweaveError as e:
        if _debug:
            raise
        err.print(f"[red]Error:[/] {escape(str(e))}", soft_wrap=True)
        if e.hint:
            err.print(f"[dim]Hint:[/] {escape(e.hint)}", soft_wrap=True)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        err.print("Aborted.")
        sys.exit(130)
    except TyperException as e:  # usage errors: shown as click shows them, exit code 2
        show = getattr(e, "show", None)
        if callable(show):  # through the console, so what the user typed is cleaned like any output
            shown = io.StringIO()
            show(file=shown)
            err.print(shown.getvalue(), markup=False, end="", soft_wrap=True)
        else:
            err.print(f"Error: {escape(str(e))}", soft_wrap=True)
        sys.exit(e.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
