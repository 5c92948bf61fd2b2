"""The gazetteer: names in many scripts, demonyms, divisions, spelling variants, the cache."""

from __future__ import annotations

import pickle
from pathlib import Path

from newsweave.analyze.places import Geocoder
from newsweave.analyze.places.gazetteer import (
    ADMIN1,
    CAPITAL,
    COUNTRY,
    FORMAT_VERSION,
    Entry,
    Gazetteer,
    _division_label,
    distance_km,
    load_gazetteer,
    skeleton,
    source_versions,
)
from newsweave.analyze.places.names import fold, native


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


def test_a_name_in_other_letters_reaches_no_place_only_an_abjad_spelling_folds_to(geocoder: Geocoder) -> None:
    """Hebrew writes Nepal "נפאל", which folds to "nfl"; Persian "نپال", "npl": Latin letters
    (an acronym) or Cyrillic ones reach no place through such a key, the letters themselves do."""
    gazetteer = geocoder.gazetteer
    nepal = {e.geonames_id for e in gazetteer.lookup("nfl", "נפאל")}
    assert nepal == {1282988} and 1282988 in {e.geonames_id for e in gazetteer.lookup("npl", "نپال")}
    assert not gazetteer.lookup("nfl", "NFL") and not gazetteer.lookup("nfl", "НФЛ")
    assert not gazetteer.knows("nfl", "NFL") and gazetteer.knows("nfl", "נפאל")
    assert geocoder.resolve("NFL") is None
    assert [p.geonames_id for p in geocoder.places("The NFL said on Monday it would act.", "en") if p.resolved] == []


def test_a_cached_gazetteer_is_loaded_not_rebuilt(tmp_path: Path, geocoder: Geocoder) -> None:
    path = tmp_path / f"gazetteer-v{FORMAT_VERSION}-{source_versions()}.pickle"
    small = Gazetteer(rows=[], names={}, skeletons={}, demonyms={}, countries={}, admin1={})
    path.write_bytes(pickle.dumps(small))
    assert load_gazetteer(tmp_path).rows == []


def test_a_division_name_given_to_a_town_is_dropped_unless_it_is_the_towns_own() -> None:
    smithville = Entry(1, "Smithville", "US", 39.4, -94.6, "P.PPL", 9233, "US.MO", "")
    veszprem = Entry(2, "Veszprém", "HU", 47.1, 17.9, "P.PPL", 56927, "HU.19", "")
    hangzhou = Entry(3, "Hangzhou", "CN", 30.3, 120.2, "P.PPL", 6241971, "CN.02", "")
    divisions = {"US.MO": "missouri", "HU.19": "veszprem", "CN.02": "zhejiang"}
    assert _division_label("密苏里州", smithville, divisions)
    assert not _division_label("斯密斯维尔", smithville, divisions)
    assert not _division_label("维斯普雷姆州", veszprem, divisions)  # the county is the town's namesake
    assert not _division_label("杭州", hangzhou, divisions)  # 州 ends Chinese towns' own names


def test_the_capital_shares_the_chinese_name_a_smaller_namesake_bears(geocoder: Geocoder) -> None:
    # GeoNames writes 华盛顿 for Washington in England, Illinois and Utah only.
    places = {(e.country, e.feature) for e in geocoder.gazetteer.lookup(fold("华盛顿"))}
    assert ("US", CAPITAL) in places


def test_famous_names_are_those_of_places_the_worlds_news_names(geocoder: Geocoder) -> None:
    famous = geocoder.gazetteer.famous_native
    # Gaza and Geneva by their many names, Washington as the capital its namesakes' name reaches.
    assert {native(n) for n in ("غزة", "جنيف", "华盛顿")} <= famous
    # Not 联合 ("joint": Lianhe, Yunnan), الجديد ("the new": Al Jadid, Libya), بيان (Bayan, Kuwait).
    assert not {native(n) for n in ("联合", "الجديد", "بيان")} & famous


def test_names_only_divisions_bear_are_known_apart(geocoder: Geocoder) -> None:
    divisions_only = geocoder.gazetteer.divisions_only_native
    assert native("العاصمة") in divisions_only  # "the capital": a name of Sanaa's governorate alone
    assert native("القاهرة") not in divisions_only  # Cairo, the city and its governorate
