from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import InputError
from newsweave.extract.textdump import TextCaptureExtractor
from newsweave.records import Article, MediaType, Provenance, RawItem

CASES = Path(__file__).resolve().parents[1] / "data" / "textdump"
extractor = TextCaptureExtractor()


def extract(path: Path) -> Article:
    return extractor.extract(RawItem(path.read_bytes(), MediaType.TEXT, Provenance(str(path))))


def summary(article: Article) -> dict:
    """The fields an expected file pins down (see scripts/regen_expected.py)."""
    p = article.published
    return {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": None
        if p is None
        else {"value": p.value.isoformat(), "precision": p.precision.value, "source": p.source.value,
              "upper_bound": p.upper_bound},
        "body_first": article.body[0],
        "body_last": article.body[-1],
        "notes": list(article.notes),
        "comments": [[c.author, c.time.isoformat() if c.time else None, c.reply_to] for c in article.comments],
    }  # fmt: skip


def seed(seeds_dir: Path, prefix: str) -> Article:
    return extract(next(seeds_dir.glob(f"{prefix}_*.txt")))


def test_seed_000_military_review_with_its_comment_thread(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "000")
    assert a.outlet == "Military Review"
    assert a.title == "From hell to hell: IG militants who fled from Abu Kemal hit the new cauldron"
    assert a.body[0].startswith("The noose around the Islamic State")
    assert a.body[-1].endswith("heavy losses among the militants.")
    assert not any("Dear reader" in p or "Sign in" in p for p in a.body)
    assert len(a.comments) == 14
    assert sum(c.reply_to is None for c in a.comments) == 11
    by_author = {c.author: c for c in a.comments}
    assert by_author["Stirbjorn"].reply_to == by_author["St Petrov"].reply_to == 0
    assert a.comments[by_author["Asthma"].reply_to].author == "rotmistr60"
    assert by_author["MOSKVITYANIN"].reply_to is None  # its number line was lost in the capture
    assert by_author["Mavrikiy"].time.isoformat() == "2017-11-24T05:56:00"
    assert a.published is not None and a.published.upper_bound
    assert a.published.value.date().isoformat() <= "2017-11-24"


def test_seed_001_outlet_suffix_and_footnote(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "001")
    assert a.outlet == "Русская весна"
    assert a.title == "From Hell to Hell: the IG Terrorists Who Escaped Abu Kamal Got into Another Trap"
    assert a.comments == ()
    assert a.notes == ("* A terrorist organization banned in Russia.",)
    assert not any("banned in Russia" in p or "Русская весна" in p for p in a.body)
    assert a.body[0].startswith("The IS terrorist organization")


def test_seed_002_french_without_comments(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "002")
    assert (
        a.title == "Le responsable du recrutement de Daech, le Saoudien Mohsen Al Najdi, a été tué près de Deir ez-Zor"
    )
    assert a.body[0].startswith("En s’emparant de Palmyre")
    assert a.comments == ()
    assert not any("Votre commentaire" in p for p in a.body)


def captures() -> list[Path]:
    return sorted(CASES.glob("*.txt"))


@pytest.mark.parametrize("path", captures(), ids=lambda p: p.stem)
def test_capture_matches_its_expected_file(path: Path) -> None:
    expected_file = path.with_suffix(".expected.json")
    assert expected_file.exists(), f"{expected_file.name} is missing: run scripts/regen_expected.py and review it"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = summary(extract(path))
    assert actual["body_first"].startswith(expected.pop("body_first"))
    assert actual["body_last"].endswith(expected.pop("body_last"))
    for key, value in expected.items():
        assert actual[key] == value, key


@pytest.mark.parametrize("path", captures(), ids=lambda p: p.stem)
def test_body_and_comments_never_overlap(path: Path) -> None:
    article = extract(path)
    body = "\n".join(article.body)
    for comment in article.comments:
        for line in comment.text.splitlines():
            assert line not in body


def test_a_capture_of_only_chrome_is_rejected() -> None:
    item = RawItem(b"Share\nTweet\nSign in\nComments", MediaType.TEXT, Provenance("chrome.txt"))
    with pytest.raises(InputError, match="no article text found"):
        extractor.extract(item)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_any_text_gives_an_article_or_an_input_error(text: str) -> None:
    item = RawItem(text.encode("utf-8"), MediaType.TEXT, Provenance("random.txt"))
    try:
        article = extractor.extract(item)
    except InputError:
        return
    assert article.body and all(p.strip() for p in article.body)
