"""The facts routes answer the records' plain JSON, as the CLI's --json does."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from conftest import add_seed_facts
from newsweave import Newsweave, Settings
from newsweave.records import plain


def test_facts_routes_match_the_facade(client: TestClient, store_copy: Path) -> None:
    add_seed_facts(store_copy)
    story = next(s for s in client.get("/api/stories").json()["items"] if s["size"] == 2)["id"]
    with Newsweave(Settings(db_path=store_copy)) as nw:
        assert client.get("/api/places", params={"story": story}).json() == plain(nw.places(story=story, limit=50))
        assert client.get(f"/api/stories/{story}/timeline").json() == plain(nw.timeline(story))
        assert client.get("/api/disagreements", params={"story": story}).json() == plain(nw.disagreements(story))
        origin = nw.story(story).origin
        assert origin is not None
        assert client.get(f"/api/articles/{origin}/facts").json() == plain(nw.facts(origin))
    (d,) = client.get("/api/disagreements", params={"story": story}).json()
    assert (d["claim_a"]["text"], d["claim_b"]["text"], d["relation"]) == ("more than 50", "around 50", "qualifier")
    detail = client.get(f"/api/stories/{story}").json()
    assert [p["name"] for p in detail["places"]][:2] == ["Abu Kamal", "Deir ez-Zor"]
    assert detail["disagreements"] == [d]
    assert client.get("/api/claims", params={"story": story}).json()[0]["claim"]["text"] == "more than 50"
    assert client.get("/api/entities", params={"story": 999}).json()["status"] == 404
