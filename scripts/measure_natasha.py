"""How a recogniser that ships its weights does on BSNLP 2021: natasha (slovnet NER, Russian news).

    uv run --with natasha python scripts/measure_natasha.py [--union]

natasha (MIT; navec embeddings and a slovnet CNN-CRF, 36 MB in the wheel, loads offline) tags
PER, LOC and ORG in Russian. Scored as ``newsweave eval entities`` scores recognition (relaxed:
per document and surface form, untyped) on each topic, for Russian and, to see how far it carries,
the two other Cyrillic languages. ``--union`` also trains newsweave's tagger on the US-election
topic (as the held-out direction of ``eval entities`` does) and scores it on covid-19 alone and
united with natasha, for Russian. CPU time per 1,000 characters is printed beside each figure.
natasha is not a dependency of newsweave; this script only measures it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from newsweave.analyze.entities import EntityRecognizer
from newsweave.analyze.entities.training import train
from newsweave.eval.entities import Document, annotated, default_data_dir, load

TOPICS = ("covid-19", "us_election_2020")


def prf(predicted: dict[str, set[str]], gold: dict[str, set[str]], docs: list[Document]) -> str:
    """Relaxed recognition P/R/F1 over the documents."""
    hits = sum(len(predicted[d.doc_id] & gold[d.doc_id]) for d in docs)
    p = hits / max(1, sum(len(predicted[d.doc_id]) for d in docs))
    r = hits / max(1, sum(len(gold[d.doc_id]) for d in docs))
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--union", action="store_true", help="also newsweave's held-out tagger, alone and with natasha")
    args = parser.parse_args()
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    docs, mentions = load(default_data_dir())
    gold: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        gold[m.doc].add(m.surface)
    natasha: dict[str, set[str]] = defaultdict(set)
    for language in ("ru", "uk", "bg"):
        for topic in TOPICS:
            chosen = [d for d in docs if d.language == language and d.topic == topic]
            start, chars = time.process_time(), sum(len(d.text) for d in chosen)
            for d in chosen:
                doc = Doc(d.text)
                doc.segment(segmenter)
                doc.tag_ner(tagger)
                natasha[d.doc_id] = {span.text for span in doc.spans}
            cost = (time.process_time() - start) / chars * 1e6
            print(f"natasha  {language} {topic:17} {prf(natasha, gold, chosen)}  {cost:.1f} ms CPU / 1,000 chars")
    if args.union:
        test = [d for d in docs if d.language == "ru" and d.topic == "covid-19"]
        with tempfile.TemporaryDirectory() as tmp:
            model = Path(tmp) / "election.crfsuite"
            train(annotated([d for d in docs if d.topic != "covid-19"], mentions), model)
            recognizer = EntityRecognizer(model_path=model)
            recognizer.mentions("Всемирная организация здравоохранения в Женеве.", "ru")  # warm: not timed
            ours: dict[str, set[str]] = defaultdict(set)
            start = time.process_time()
            for d in test:
                ours[d.doc_id] = {m.text for m in recognizer.mentions(d.text, d.language)}
            cost = (time.process_time() - start) / sum(len(d.text) for d in test) * 1e6
        united = {d.doc_id: ours[d.doc_id] | natasha[d.doc_id] for d in test}
        print(f"newsweave (trained on the election), ru covid-19  {prf(ours, gold, test)}  {cost:.1f} ms / 1,000 chars")
        print(f"newsweave ∪ natasha,                  ru covid-19  {prf(defaultdict(set, united), gold, test)}")


if __name__ == "__main__":
    main()
