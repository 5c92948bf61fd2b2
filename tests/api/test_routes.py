"""The REST API over the seeds: the same shapes as the CLI's --json, filters, paging, writes, exports."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from api.conftest import AUTH, TOKEN
from newsweave import Newsweave, Settings
from newsweave.api import ApiConfig, create_app

VERSION_STORY = 1


def story_of_versions(client: TestClient) -> dict:
    stories = client.get("/api/stories").json()["items"]
    return next(s for s in stories if s["size"] == 2)


def test_stories_list_the_two_stories_largest_first(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [s["size"] for s in body["items"]] == [2, 1]
    assert body["next_offset"] is None
    assert body["items"][0]["outlets"] == ["Military Review", "Русская весна"]


def test_a_story_has_its_versions_with_aligned_sentences_and_differing_numbers(client: TestClient) -> None:
    story = client.get(f"/api/stories/{story_of_versions(client)['id']}").json()
    assert len(story["articles"]) == 2
    (version,) = [x for x in story["relations"] if x["kind"] == "version"]
    assert len(version["evidence"]["aligned"]) > 20
    assert ["more than 50", "around 50"] in version["evidence"]["differing_numbers"]
    assert [r["story"]["size"] for r in story["related"]] == [1]
    assert story["related"][0]["link"]["kind"] == "related"


def test_the_story_shape_is_the_clis(client: TestClient, store_copy: Path) -> None:
    listed = client.get("/api/stories").json()["items"][0]
    with Newsweave(Settings(db_path=store_copy)) as nw:
        assert listed == nw.story(listed["id"]).as_dict()
        article = nw.article(listed["origin"])
        shown = client.get(f"/api/articles/{article.id[:6]}").json()
        assert {k: v for k, v in shown.items() if k not in ("sightings", "story", "facts")} == article.as_dict()


def test_filters_and_paging(client: TestClient) -> None:
    french = client.get("/api/stories", params={"language": "fr"}).json()["items"]
    assert [s["languages"] for s in french] == [["fr"]]
    assert client.get("/api/stories", params={"outlet": "military review"}).json()["items"][0]["size"] == 2
    assert client.get("/api/stories", params={"q": "hell trap"}).json()["items"][0]["size"] == 2
    assert client.get("/api/stories", params={"since": "2030-01-01"}).json()["items"] == []
    first = client.get("/api/articles", params={"limit": 2}).json()
    rest = client.get("/api/articles", params={"limit": 2, "offset": first["next_offset"]}).json()
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(set(ids)) == 3 and rest["next_offset"] is None
    assert all(a["body"] is None and isinstance(a["comments"], int) for a in first["items"])


def test_search_finds_the_french_report_from_english(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Saudi recruitment official killed near Deir ez-Zor"}).json()
    assert hits[0]["language"] == "fr"
    words = client.get("/api/search", params={"q": "Muayzilah", "mode": "words"}).json()
    assert [h["outlet"] for h in words] == ["Русская весна"]


def test_why_and_similar(client: TestClient) -> None:
    story = story_of_versions(client)
    a, b = story["article_ids"]
    assert "version" in client.get("/api/why", params={"a": a[:6], "b": b[:6]}).json()["explanation"]
    similar = client.get(f"/api/articles/{a}/similar", params={"limit": 1}).json()
    assert [h["id"] for h in similar] == [b]


def test_writes_need_the_token(client: TestClient) -> None:
    refused = client.post("/api/stories/merge", json={"keep": 1, "absorb": 2})
    assert refused.status_code == 401 and refused.json()["ok"] is False
    wrong = client.post("/api/stories/merge", json={"keep": 1, "absorb": 2}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401


def test_merge_then_split(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    big, small = stories[0]["id"], stories[1]["id"]
    merged = client.post("/api/stories/merge", json={"keep": big, "absorb": small}, headers=AUTH).json()
    assert merged["size"] == 3
    french = next(i for i in merged["article_ids"] if i not in stories[0]["article_ids"])
    split = client.post(f"/api/stories/{big}/split", json={"articles": [french[:8]]}, headers=AUTH).json()
    assert split["article_ids"] == [french]
    assert [e["action"] for e in client.get("/api/stories/edits").json()] == ["merge", "split"]


def test_ingest_an_upload_in_the_background(client: TestClient, data_dir: Path) -> None:
    record = {"title": "Dam breaks near Kherson", "text": "A dam broke near Kherson on Tuesday. " * 20,
              "outlet": "Test Wire", "language": "en", "date": "2023-06-06"}  # fmt: skip
    files = [("files", ("feed.jsonl", json.dumps(record).encode(), "application/json")),
             ("files", ("../../junk.bin", b"\x00\x01\x02", "application/octet-stream"))]  # fmt: skip
    job = client.post("/api/ingest", files=files, data={"link": "true"}, headers=AUTH)
    assert job.status_code == 202
    for _ in range(600):
        state = client.get(f"/api/jobs/{job.json()['id']}").json()
        if state["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert (state["state"], state["stored"], state["rejected"], state["linked"]) == ("done", 1, 1, 1)
    assert client.get("/api/stories", params={"outlet": "test wire"}).json()["items"][0]["size"] == 1


def test_exports_are_complete_in_every_format(client: TestClient, store_copy: Path) -> None:
    story = story_of_versions(client)
    lines = client.get("/api/export/articles", params={"story": story["id"]}).text.splitlines()
    rows = [json.loads(line) for line in lines]
    with Newsweave(Settings(db_path=store_copy)) as nw:
        expected = [nw.article(i).as_dict() for i in story["article_ids"]]
    assert [{k: v for k, v in r.items() if k not in ("story", "sightings")} for r in rows] == expected
    table = pq.read_table(io.BytesIO(client.get("/api/export/articles", params={"format": "parquet"}).content))
    assert table.num_rows == 3 and sum(len(c) for c in table.column("comments").to_pylist()) == 14
    relations = client.get("/api/export/relations", params={"format": "csv"}).text
    parsed = list(csv.DictReader(io.StringIO(relations)))
    assert len(parsed) == 3 and any("around 50" in r["evidence"] for r in parsed)
    assert client.get("/api/export/articles", params={"story": 999}).status_code == 404


def test_bodies_over_the_limit_are_refused(store_copy: Path) -> None:
    app = create_app(Settings(db_path=store_copy), ApiConfig(token=TOKEN, max_upload_bytes=1000))
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.post("/api/ingest", files=[("files", ("a.txt", b"x" * 5000, "text/plain"))], headers=AUTH)
    assert response.status_code == 413 and response.json()["status"] == 413


def test_closed_reads_need_the_token(store_copy: Path) -> None:
    app = create_app(Settings(db_path=store_copy), ApiConfig(token=TOKEN, open_reads=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/stories").status_code == 401
        assert c.get("/api/stories", headers=AUTH).status_code == 200


def test_newest_first_and_paging_agree_with_the_whole_list(client: TestClient) -> None:
    newest = client.get("/api/stories", params={"newest": "true"}).json()["items"]
    dates = [s["last_seen"] or "" for s in newest]
    assert dates == sorted(dates, reverse=True)
    pages, offset = [], 0
    while offset is not None:
        body = client.get("/api/stories", params={"limit": 1, "offset": offset}).json()
        pages += body["items"]
        offset = body["next_offset"]
    assert pages == client.get("/api/stories").json()["items"]


def test_search_sees_articles_another_process_linked(client: TestClient, store_copy: Path) -> None:
    query = "Tokyo stocks fall as technology shares slide"
    client.app.state.hub.refresh_seconds = 3600
    assert all("Tokyo" not in (h["title"] or "") for h in client.get("/api/search", params={"q": query}).json())
    text = "Shares in Tokyo fell on Monday as technology companies slid. " * 12
    record = {"title": query, "outlet": "Other Process", "text": text, "language": "en"}
    feed = store_copy.parent / "other.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Newsweave(Settings(db_path=store_copy)) as other:  # as a cron job's `ingest --link` would
        other.ingest([feed])
        other.link()
    client.app.state.hub.refresh_seconds = 0  # it checks the store at most every 2 s; no waiting here
    hits = client.get("/api/search", params={"q": query}).json()
    assert hits[0]["outlet"] == "Other Process"


def test_ids_beyond_sqlite_integers_are_refused_not_crashed_on(client: TestClient) -> None:
    # Found by schemathesis: a story id over 2**63 overflowed SQLite's integers (a 500).
    response = client.post("/api/stories/merge", json={"keep": 2**70, "absorb": 1}, headers=AUTH)
    assert response.status_code == 422 and response.json()["errors"][0].startswith("body.keep")
