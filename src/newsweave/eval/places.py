"""Geoparsing figures on TR-News and LGL: toponym spotting, and geocoding within 161 km.

Every weight and threshold of the geocoder was chosen looking at one half of each corpus's
documents (``dev``: those whose id hashes even); the other half (``test``) was looked at only
for these figures. The report gives both halves and marks which is which; quote ``test``.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.analyze.places.gazetteer import distance_km
from newsweave.analyze.places.geocoder import Geocoder
from newsweave.analyze.places.outlets import OutletHomes, outlet_key
from newsweave.errors import ConfigError
from newsweave.eval.data import find_benchmark
from newsweave.records import Place

_DIR = Path("benchmarks") / "geoparsing"
ACCURACY_KM = 161.0  # 100 miles, the field's usual line


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A toponym annotated in a document, with its place when the annotators found one."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One annotated news article."""

    id: str
    corpus: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    outlet: str | None = None  # ``outlet_key`` of its outlet or URL: its earlier articles' places back its own

    @property
    def split(self) -> str:
        """``dev`` (used for choosing weights) or ``test`` (held out), fixed by the id's hash."""
        return "dev" if hashlib.sha256(self.id.encode()).digest()[0] % 2 == 0 else "test"


@dataclass(frozen=True, slots=True)
class PlacesScore:
    """Geotagging and geocoding figures on one corpus split."""

    corpus: str
    split: str  # "test" (held out from every choice) or "dev" (in-sample for the choices)
    documents: int
    toponyms: int
    with_coordinates: int
    tag_p: float
    tag_r: float
    tag_f1: float
    overlap_p: float
    overlap_r: float
    overlap_f1: float
    acc161_gold_spans: float  # share of gold toponyms with coordinates resolved within 161 km (or to the gold id)
    acc161_coords_gold_spans: float  # the same by coordinates alone
    mean_km_gold_spans: float
    median_km_gold_spans: float
    coverage_gold_spans: float  # share given a place at all
    acc161_end_to_end: float
    coverage_end_to_end: float


def default_data_dir() -> Path:
    """``shared/benchmarks/geoparsing`` beside the repository or the working directory."""
    return find_benchmark(_DIR, what="the geoparsing benchmark (TR-News, LGL)", hint="pass --data DIR")


def load_documents(folder: Path) -> list[Document]:
    """Documents and their gold toponyms from ``docs.jsonl`` and ``toponyms.jsonl``.

    Raises:
        ConfigError: a file is missing or malformed.
    """
    docs = _read_jsonl(folder / "docs.jsonl")
    gold: dict[str, list[GoldToponym]] = defaultdict(list)
    for row in _read_jsonl(folder / "toponyms.jsonl"):
        try:
            lat, lon = row.get("lat"), row.get("lon")
            geonames = str(row.get("geonames") or "")
            gold[row["doc"]].append(
                GoldToponym(
                    int(row["start"]), int(row["end"]), row["name"], _num(lat), _num(lon),
                    int(geonames) if geonames.isdigit() else None,
                )
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"{folder / 'toponyms.jsonl'}: a row lacks doc/start/end/name ({e})") from e
    documents = []
    for row in docs:
        try:
            text = row["text"]
            toponyms = tuple(_aligned(text, t) for t in gold.get(row["id"], []))
            outlet = outlet_key(row.get("outlet"), row.get("url"))
            documents.append(Document(row["id"], row.get("corpus", "all"), text, toponyms, outlet))
        except KeyError as e:
            raise ConfigError(f"{folder / 'docs.jsonl'}: a row lacks {e}") from e
    if not documents:
        raise ConfigError(f"{folder} holds no documents")
    return documents


def evaluate(
    folder: Path, geocoder: Geocoder | None = None, splits: Sequence[str] = ("test", "dev")
) -> list[PlacesScore]:
    """Score the geocoder on each corpus and split of the benchmark in ``folder``."""
    geocoder = geocoder or Geocoder()
    return [score_documents(geocoder, docs, corpus, split) for corpus, split, docs in _parts(folder, splits)]


def score_documents(geocoder: Geocoder, documents: Sequence[Document], corpus: str, split: str) -> PlacesScore:
    """Geotagging and geocoding figures over ``documents``, read in order as a stream: each
    document's outlet home (``OutletHomes``) is learnt from its earlier documents' pins."""
    tag = _Counts()
    overlap = _Counts()
    errors: list[float] = []
    hits_gold = hits_coords = given_gold = hits_e2e = given_e2e = with_coords = 0
    homes = OutletHomes(geocoder.gazetteer)
    for doc in documents:
        context = homes.context(doc.outlet)
        predicted = geocoder.places(doc.text, "en", context=context)
        homes.learn(doc.outlet, predicted)
        tag.add(_exact_matches(predicted, doc.toponyms), len(predicted), len(doc.toponyms))
        overlap.add(*_overlap_matches(predicted, doc.toponyms))
        located = [t for t in doc.toponyms if t.lat is not None]
        with_coords += len(located)
        resolved = geocoder.resolve_spans(doc.text, [(t.start, t.end) for t in located], context)
        by_span = {(p.start, p.end): p for p in resolved}
        for t in located:
            place = by_span.get((t.start, t.end))
            if place is not None and place.resolved:
                km = _error_km(place, t)
                errors.append(0.0 if place.geonames_id == t.geonames_id else km)
                given_gold += 1
                hits_gold += _correct(place, t)
                hits_coords += km <= ACCURACY_KM
        given, hits = _end_to_end(predicted, located)
        given_e2e += given
        hits_e2e += hits
    n = max(with_coords, 1)
    return PlacesScore(
        corpus=corpus,
        split=split,
        documents=len(documents),
        toponyms=sum(len(d.toponyms) for d in documents),
        with_coordinates=with_coords,
        tag_p=tag.precision,
        tag_r=tag.recall,
        tag_f1=tag.f1,
        overlap_p=overlap.precision,
        overlap_r=overlap.recall,
        overlap_f1=overlap.f1,
        acc161_gold_spans=round(hits_gold / n, 4),
        acc161_coords_gold_spans=round(hits_coords / n, 4),
        mean_km_gold_spans=round(statistics.fmean(errors), 1) if errors else 0.0,
        median_km_gold_spans=round(statistics.median(errors), 1) if errors else 0.0,
        coverage_gold_spans=round(given_gold / n, 4),
        acc161_end_to_end=round(hits_e2e / n, 4),
        coverage_end_to_end=round(given_e2e / n, 4),
    )


def evaluate_pins(
    folder: Path, geocoder: Geocoder | None = None, splits: Sequence[str] = ("test", "dev")
) -> list[PinScore]:
    """Where the pins land, per corpus and split: the spotter alone, then the places ingest stores.

    At ingest the facts stage (``FactAnalyzer.read_places``) also gives the geocoder the places
    the entity recogniser found and applies its own rules (news agencies, curated organisations,
    places no other witness supports); the spotter's figures alone do not show what that adds
    or removes.
    """
    geocoder = geocoder or Geocoder()
    return [
        score_pins(read, docs, corpus, split, name)
        for corpus, split, docs in _parts(folder, splits)
        for name, read in _readers(geocoder).items()  # each part a stream of its own: outlets learnt afresh
    ]


def _readers(geocoder: Geocoder) -> dict[str, Callable[[Document], list[Place]]]:
    """The two readers of ``evaluate_pins``, each learning outlet homes from the documents it has read."""
    from newsweave.analyze.facts import FactAnalyzer

    homes = OutletHomes(geocoder.gazetteer)
    analyzer = FactAnalyzer(places=geocoder)

    def spotter(doc: Document) -> list[Place]:
        pins = geocoder.places(doc.text, "en", context=homes.context(doc.outlet))
        homes.learn(doc.outlet, pins)
        return pins

    return {"spotter": spotter, "ingest": lambda doc: analyzer.read_places(doc.text, "en", doc.outlet)[1]}


def _parts(folder: Path, splits: Sequence[str]) -> list[tuple[str, str, list[Document]]]:
    """The benchmark's documents by split (in the order given), then corpus."""
    by_part: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for doc in load_documents(folder):
        by_part[(doc.corpus, doc.split)].append(doc)
    corpora = sorted({corpus for corpus, _ in by_part})
    return [(c, s, by_part[(c, s)]) for s in splits for c in corpora if by_part[(c, s)]]


@dataclass(frozen=True, slots=True)
class PinScore:
    """What one reader pins on one corpus split, judged against the gold toponyms.

    A pin on a span no annotator marked counts against precision: mostly junk ("Christian" read as
    a town), sometimes a place the annotators left out, so ``pin_precision`` is a lower bound.
    """

    corpus: str
    split: str
    reader: str  # "spotter" (the geocoder alone) or "ingest" (as the facts stage stores them)
    pins: int
    right: int  # on a gold toponym, at its GeoNames id or within 161 km
    wrong: int  # on a gold toponym, elsewhere
    no_gold: int  # on no gold toponym
    pin_precision: float  # right / (right + wrong + no_gold); pins on gold toponyms without coordinates left out
    e2e_acc161: float  # share of gold toponyms with coordinates pinned right
    e2e_coverage: float  # share of them pinned at all


def score_pins(
    read: Callable[[Document], list[Place]], documents: Sequence[Document], corpus: str, split: str, reader: str
) -> PinScore:
    """Judge every pin ``read`` gives on ``documents`` (in order) and the gold toponyms it covers."""
    right = wrong = no_gold = pins = given = hits = with_coords = 0
    for doc in documents:
        predicted = read(doc)
        located = [t for t in doc.toponyms if t.lat is not None]
        with_coords += len(located)
        doc_given, doc_hits = _end_to_end(predicted, located)
        given += doc_given
        hits += doc_hits
        for place in predicted:
            if not place.resolved or place.lat is None:
                continue
            pins += 1
            gold = [t for t in doc.toponyms if t.start < place.end and place.start < t.end]
            if not gold:
                no_gold += 1
            elif any(t.lat is not None for t in gold):
                ok = any(_correct(place, t) for t in gold if t.lat is not None)
                right += ok
                wrong += not ok
    n = max(with_coords, 1)
    judged = right + wrong + no_gold
    return PinScore(
        corpus, _label(split), reader, pins, right, wrong, no_gold, round(right / judged, 4) if judged else 0.0,
        round(hits / n, 4), round(given / n, 4),
    )  # fmt: skip


def _end_to_end(predicted: Sequence[Place], located: Sequence[GoldToponym]) -> tuple[int, int]:
    """Of the gold toponyms ``located``, how many a predicted pin covers, and how many rightly."""
    given = hits = 0
    for t in located:
        pin = next((p for p in predicted if p.resolved and p.start < t.end and t.start < p.end), None)
        if pin is not None:
            given += 1
            hits += _correct(pin, t)
    return given, hits


class _Counts:
    def __init__(self) -> None:
        self.matched_pred = self.matched_gold = self.pred = self.gold = 0

    def add(self, matched: tuple[int, int] | int, pred: int, gold: int) -> None:
        pair = (matched, matched) if isinstance(matched, int) else matched
        self.matched_pred += pair[0]
        self.matched_gold += pair[1]
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return round(self.matched_pred / self.pred, 4) if self.pred else 0.0

    @property
    def recall(self) -> float:
        return round(self.matched_gold / self.gold, 4) if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _exact_matches(predicted: Sequence[Place], gold: Sequence[GoldToponym]) -> int:
    spans = {(t.start, t.end) for t in gold}
    return sum((p.start, p.end) in spans for p in predicted)


def _overlap_matches(predicted: Sequence[Place], gold: Sequence[GoldToponym]) -> tuple[tuple[int, int], int, int]:
    pred_hit = sum(any(p.start < t.end and t.start < p.end for t in gold) for p in predicted)
    gold_hit = sum(any(p.start < t.end and t.start < p.end for p in predicted) for t in gold)
    return (pred_hit, gold_hit), len(predicted), len(gold)


def _correct(place: Place, gold: GoldToponym) -> bool:
    """Right place: the gold GeoNames id, or within 161 km of the gold point.

    The id counts because the packages give countries and divisions no GeoNames point of their
    own: they are placed at a centre (REST Countries' for countries, the median of their towns for
    divisions), which can lie hundreds of kilometres from GeoNames' point for a large country
    while naming the very same entry.
    """
    return place.geonames_id == gold.geonames_id or _error_km(place, gold) <= ACCURACY_KM


def _error_km(place: Place, gold: GoldToponym) -> float:
    assert place.lat is not None and place.lon is not None and gold.lat is not None and gold.lon is not None
    return distance_km(place.lat, place.lon, gold.lat, gold.lon)


def _aligned(text: str, t: GoldToponym) -> GoldToponym:
    """The gold span moved onto its name when the offsets are a few characters off (117 of 6,407)."""
    if text[t.start : t.end] == t.name:
        return t
    window = text[max(0, t.start - 60) : t.end + 60]
    at = window.find(t.name)
    if at < 0:
        return t
    start = max(0, t.start - 60) + at
    return GoldToponym(start, start + len(t.name), t.name, t.lat, t.lon, t.geonames_id)


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}", hint="see SOURCE.md for the two-file format") from e
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ConfigError(f"{path}:{number}: not JSON ({e.msg})") from e
    return rows


@dataclass(frozen=True, slots=True)
class TaggingRow:
    """Toponym spotting on one corpus split (a table row)."""

    corpus: str
    split: str
    toponyms: int
    precision: float
    recall: float
    f1: float
    overlap_p: float
    overlap_r: float
    overlap_f1: float


@dataclass(frozen=True, slots=True)
class GeocodingRow:
    """Geocoding on one corpus split (a table row): gold spans given, then end to end."""

    corpus: str
    split: str
    with_coords: int
    acc161: float
    acc161_coords: float
    mean_km: float
    median_km: float
    coverage: float
    e2e_acc161: float
    e2e_coverage: float


def table_rows(scores: Sequence[PlacesScore]) -> tuple[list[TaggingRow], list[GeocodingRow]]:
    """The scores split into a spotting table and a geocoding table."""
    tagging = [
        TaggingRow(s.corpus, _label(s.split), s.toponyms, s.tag_p, s.tag_r, s.tag_f1, s.overlap_p, s.overlap_r,
                   s.overlap_f1)
        for s in scores
    ]  # fmt: skip
    geocoding = [
        GeocodingRow(s.corpus, _label(s.split), s.with_coordinates, s.acc161_gold_spans, s.acc161_coords_gold_spans,
                     s.mean_km_gold_spans, s.median_km_gold_spans, s.coverage_gold_spans, s.acc161_end_to_end,
                     s.coverage_end_to_end)
        for s in scores
    ]  # fmt: skip
    return tagging, geocoding


def _label(split: str) -> str:
    return {"test": "test (held out)", "dev": "dev (in-sample)"}.get(split, split)
