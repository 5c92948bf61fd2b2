"""The gazetteer: names in many scripts, demonyms, divisions, spelling variants, the cache."""

from __future__ import annotations

import pickle
from pathlib import Path

from newsweave.analyze.places import Geocoder
from newsweave.analyze.places.gazetteer import (
    ADMIN1,
    COUNTRY,
    FORMAT_VERSION,
    Gazetteer,
    distance_km,
    load_gazetteer,
    skeleton,
    source_versions,
)


def test_names_in_several_scripts_meet_one_town(geocoder: Geocoder) -> None:
    gazetteer = geocoder.gazetteer
    ids = {e.geonames_id for key in ("abu kamal", "al bukamal", "abu kemal") for e in gazetteer.lookup(key)}
    assert len(ids) == 1
    (town,) = gazetteer.lookup("abu kamal")
    assert town.country == "SY" and distance_km(town.lat, town.lon, 34.45, 40.92) < 10


def test_countries_have_names_in_other_languages_and_demonyms(geocoder: Geocoder) -> None:
    gazetteer = geocoder.gazetteer
    for key in ("syrie", "siriya", "syrien", "syria"):
        assert any(e.feature == COUNTRY and e.country == "SY" for e in gazetteer.lookup(key)), key
    turkish = gazetteer.demonym("turkish")
    assert turkish is not None and turkish.country == "TR"


def test_divisions_and_countries_are_indexed_by_code(geocoder: Geocoder) -> None:
    gazetteer = geocoder.gazetteer
    texas = gazetteer.division("US.TX")
    assert texas is not None and texas.feature == ADMIN1 and texas.name == "Texas"
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93  # placed inside the state
    france = gazetteer.country("FR")
    assert france is not None and france.geonames_id == 3017382


def test_spelling_variants_meet_by_their_consonants(geocoder: Geocoder) -> None:
    assert skeleton("deir ezzor") == skeleton("dayr az zawr")
    names = {e.name for e in geocoder.gazetteer.lookup_spelling("deir ezzor")}
    assert "Deir ez-Zor" in names


def test_codes_and_search_keys_are_not_names(geocoder: Geocoder) -> None:
    gazetteer = geocoder.gazetteer
    assert not any(e.feature == COUNTRY for e in gazetteer.lookup("it"))  # Italy's ISO code is a word
    assert any(e.country == "US" and e.feature == COUNTRY for e in gazetteer.lookup("us"))


def test_a_cached_gazetteer_is_loaded_not_rebuilt(tmp_path: Path, geocoder: Geocoder) -> None:
    path = tmp_path / f"gazetteer-v{FORMAT_VERSION}-{source_versions()}.pickle"
    small = Gazetteer(rows=[], names={}, skeletons={}, demonyms={}, countries={}, admin1={})
    path.write_bytes(pickle.dumps(small))
    assert load_gazetteer(tmp_path).rows == []
