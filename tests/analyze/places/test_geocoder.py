"""The geocoder: the seeds' places, names resolved by their context, and names left unresolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.analyze.places import Geocoder
from newsweave.analyze.places.gazetteer import distance_km
from newsweave.records import EntityType, Mention, Place

ABU_KAMAL = (34.45, 40.92)
DEIR_EZ_ZOR_CITY = (35.34, 40.14)


def _near(place: Place, point: tuple[float, float], km: float = 25.0) -> bool:
    return place.lat is not None and place.lon is not None and distance_km(place.lat, place.lon, *point) < km


@pytest.mark.parametrize(
    ("seed", "language", "spellings"),
    [
        ("000_", "en", {"Abu Kemal"}),
        ("001_", "en", {"Abu Kamal", "Abu-Kemal", "Abu Kemal"}),
    ],
)
def test_the_seeds_abu_kamal_is_the_syrian_town(
    geocoder: Geocoder, seeds_dir: Path, seed: str, language: str, spellings: set[str]
) -> None:
    (path,) = seeds_dir.glob(f"{seed}*.txt")
    places = geocoder.places(path.read_text(encoding="utf-8"), language)
    abu_kamal = [p for p in places if p.text in spellings]
    assert {p.text for p in abu_kamal} == spellings
    assert all(p.country == "SY" and _near(p, ABU_KAMAL) for p in abu_kamal)


def test_the_french_seeds_deir_ez_zor_is_the_city(geocoder: Geocoder, seeds_dir: Path) -> None:
    (path,) = seeds_dir.glob("002_*.txt")
    places = [p for p in geocoder.places(path.read_text(encoding="utf-8"), "fr") if p.text == "Deir ez-Zor"]
    assert places
    assert all(p.country == "SY" and p.feature == "P.PPL" and _near(p, DEIR_EZ_ZOR_CITY) for p in places)


@pytest.mark.parametrize("name", ["Abu Kemal", "Abu Kamal", "Al-Bukamal", "Abou Kamal", "Абу-Кемаль", "البوكمال"])
def test_spellings_and_scripts_of_one_town(geocoder: Geocoder, name: str) -> None:
    place = geocoder.resolve(name)
    assert place is not None and place.country == "SY" and _near(place, ABU_KAMAL)


def test_deir_ezzor_spelled_the_french_way(geocoder: Geocoder) -> None:
    place = geocoder.resolve("Deir Ezzor")
    assert place is not None and _near(place, DEIR_EZ_ZOR_CITY)


def test_paris_is_chosen_by_its_context(geocoder: Geocoder) -> None:
    texas = geocoder.places("The rodeo in Paris drew crowds from Dallas, Texas, and Oklahoma.", "en")
    france = geocoder.places("Protesters marched in Paris as France braced for strikes in Lyon.", "en")
    assert _place(texas, "Paris").country == "US"
    assert _place(france, "Paris").country == "FR"


def test_a_county_and_its_town_back_each_other(geocoder: Geocoder) -> None:
    # Huntsville, Alabama is the larger Huntsville, and Alabama has a Walker County too; but only
    # Texas has a Huntsville inside its Walker County, and the two names are read together.
    text = "The Walker County burn ban was lifted after the Huntsville fire chief met the Walker County judge."
    places = {p.text: p for p in geocoder.places(text, "en")}
    huntsville_tx = (30.72, -95.55)
    assert _near(places["Huntsville"], huntsville_tx)
    assert _near(places["Walker County"], huntsville_tx, km=60.0)


def test_a_qualifier_decides(geocoder: Geocoder) -> None:
    places = geocoder.places("He grew up in Springfield, Ill., and moved on.", "en")
    springfield = _place(places, "Springfield")
    assert springfield.country == "US" and _near(springfield, (39.80, -89.64), 30)


def test_a_list_of_countries_is_no_town_placed_in_the_next(geocoder: Geocoder) -> None:
    # "China, Japan" read as "X, Texas" pinned China to a Japanese town of 6,000 people.
    text = "Sales grew in Asia-Pacific (China, Japan, India, Australia and Vietnam) and in Europe."
    places = {p.text: p for p in geocoder.places(text, "en")}
    assert places["China"].country == "CN" and places["China"].feature == "A.PCLI"
    assert places["Japan"].country == "JP"


def test_a_state_named_like_a_country_is_still_placed_by_a_qualifier(geocoder: Geocoder) -> None:
    places = geocoder.places("The plant in Georgia, USA, closed.", "en")
    assert _place(places, "Georgia").country == "US"


def test_a_town_named_like_a_country_is_still_placed_by_its_state(geocoder: Geocoder) -> None:
    places = geocoder.places("The fair opens in Mexico, Missouri, on Friday.", "en")
    assert _place(places, "Mexico").country == "US"


def test_a_bare_capitals_name_is_the_capital_not_its_namesake_state(geocoder: Geocoder) -> None:
    places = geocoder.places("Washington seems prepared to engage Syria and Iran.", "en")
    assert _place(places, "Washington").feature == "P.PPLC"


def test_a_state_the_article_places_things_in_keeps_its_name(geocoder: Geocoder) -> None:
    qualified = geocoder.places("He flew from Seattle to Spokane, Washington, on Monday.", "en")
    beside = geocoder.places("Washington and Oregon voters approved it; Seattle cheered.", "en")
    assert _place(qualified, "Washington").feature == _place(beside, "Washington").feature == "A.ADM1"


def test_a_name_without_context_stays_unresolved(geocoder: Geocoder) -> None:
    assert geocoder.resolve("Springfield") is None
    (place,) = geocoder.places("The Springfield plant will close.", "en")
    assert place.text == "Springfield" and not place.resolved and place.lat is None


def test_the_storys_places_are_context(geocoder: Geocoder) -> None:
    illinois = geocoder.resolve("Illinois")
    assert illinois is not None
    place = geocoder.resolve("Springfield", context=[illinois])
    assert place is not None and _near(place, (39.80, -89.64), 30)


def test_unknown_names_give_no_place(geocoder: Geocoder) -> None:
    assert geocoder.resolve("Qwxzyville") is None
    assert geocoder.resolve("  ") is None


def test_recognised_locations_are_kept_even_when_unknown(geocoder: Geocoder) -> None:
    text = "Fighting reached Qwxzyville near Aleppo."
    places = geocoder.places(text, "en", mentions=[Mention(17, 27, "Qwxzyville", EntityType.LOCATION)])
    assert [(p.text, p.resolved) for p in places] == [("Qwxzyville", False), ("Aleppo", True)]


def test_places_carry_what_a_face_shows(geocoder: Geocoder) -> None:
    (place,) = geocoder.places("Talks resumed in Damascus.", "en")
    assert (place.name, place.country, place.feature) == ("Damascus", "SY", "P.PPLC")
    assert place.population and place.population > 1_000_000 and 0.5 <= place.score <= 1.0
    assert place.text == "Talks resumed in Damascus."[place.start : place.end]


def _place(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text} not found in {[p.text for p in places]}"
    return found[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["Paris", "Texas", "Abu-Kemal", "U.S.", "Ill.", "Turkish", "May", "Дамаске", "دمشق", ", ", ". "]
            ),
            st.text(max_size=12),
        ),
        max_size=25,
    )
)
def test_any_text_gives_places_whose_spans_hold_their_text(geocoder: Geocoder, parts: list[str]) -> None:
    text = " ".join(parts)
    for place in geocoder.places(text, "en"):
        assert text[place.start : place.end] == place.text
        assert place.resolved == (place.lat is not None)


def test_a_demonym_the_recogniser_read_as_a_place_is_its_country(geocoder: Geocoder) -> None:
    text = "American officials met in Denver; Syrian state media said so."
    mentions = [
        Mention(0, 8, "American", EntityType.LOCATION),
        Mention(26, 32, "Denver", EntityType.LOCATION),
        Mention(34, 40, "Syrian", EntityType.LOCATION),
    ]
    found = {p.text: (p.name, p.country) for p in geocoder.places(text, "en", mentions)}
    # As a name, "American" was the Brazilian town of Americana and "Syrian" was left unpinned.
    assert found["American"] == ("United States", "US") and found["Syrian"] == ("Syria", "SY")
    assert found["Denver"][1] == "US"


def test_a_spelling_like_a_name_needs_a_witness_among_the_articles_places(geocoder: Geocoder) -> None:
    text = "The Fire Department said the blaze near Cairo, Egypt, was out."
    mentions = [Mention(4, 19, "Fire Department", EntityType.LOCATION)]
    found = {p.text: p for p in geocoder.places(text, "en", mentions)}
    # Once pinned to Fara Department, Burkina Faso: a name spelled like it, with nothing near it.
    assert not found["Fire Department"].resolved and found["Cairo"].country == "EG"
    text = "Fighting reached Abou Kamal and Deir ez-Zor, Syria."
    assert {p.text: p.country for p in geocoder.places(text, "en")}["Abou Kamal"] == "SY"


def test_a_small_town_no_other_place_backs_is_named_not_pinned(geocoder: Geocoder) -> None:
    text = "Arab news agencies said fighters left Syria for Iraq."
    mentions = [Mention(0, 4, "Arab", EntityType.LOCATION)]
    found = {p.text: p for p in geocoder.places(text, "en", mentions)}
    # Arab, Alabama (8,000 people) once: nothing else in the article lies in the United States.
    assert not found["Arab"].resolved and found["Syria"].country == "SY"
    alone = {p.text: p for p in geocoder.places("Arab police said the road was closed.", "en", mentions)}
    assert alone["Arab"].country == "US"  # alone, a name is all there is


def test_a_neighbouring_country_backs_a_reading(geocoder: Geocoder) -> None:
    # Gaza is a province of Mozambique as well; beside Israel it is Palestine's.
    (gaza,) = [p for p in geocoder.places("Israel struck positions in Gaza overnight.", "en") if p.text == "Gaza"]
    assert gaza.country == "PS"
    assert not geocoder.places("Fighting in Gaza overnight.", "en")[0].resolved  # alone it could be either


def test_a_place_only_an_untrained_recogniser_read_needs_a_witness(geocoder: Geocoder) -> None:
    text = "Officer Flores told reporters in Houston that the road was closed."
    mentions = [Mention(8, 14, "Flores", EntityType.LOCATION), Mention(33, 40, "Houston", EntityType.LOCATION)]
    untrained = {p.text: p for p in geocoder.places(text, "en", mentions, trusted=False)}
    assert "Flores" not in untrained and untrained["Houston"].country == "US"  # no place, pinned or not
    trained = {p.text: p for p in geocoder.places(text, "en", mentions)}
    assert trained["Flores"].resolved  # a recogniser trained in the language is believed (here: Uruguay)


def test_the_spotters_own_reading_keeps_its_pin_beside_an_untrained_recognisers(geocoder: Geocoder) -> None:
    text = "وصل وفد إثيوبيا إلى القاهرة، وقال إثيوبي إن"
    start = text.rindex("إثيوبي")  # the word alone, after "وقال"
    mentions = [Mention(start, start + 6, "إثيوبي", EntityType.LOCATION)]  # the same key as the country
    found = {p.text: p for p in geocoder.places(text, "ar", mentions, trusted=False)}
    assert found["إثيوبيا"].country == "ET" and found["القاهرة"].country == "EG"
    assert "إثيوبي" not in found  # the recogniser's alone, with no place of Ethiopia beside it


def test_a_recognisers_arabic_word_that_no_place_bears_is_no_place(geocoder: Geocoder) -> None:
    text = "قالت قوات الأمن في دمشق"
    start = text.index("الأمن")
    mentions = [Mention(start, start + 5, "الأمن", EntityType.LOCATION)]  # "security", folded like a town
    # A common word that no place written so bears: no place at all.
    assert [(p.text, p.country) for p in geocoder.places(text, "ar", mentions)] == [("دمشق", "SY")]
    # A rarer word the recogniser trusted in the language reads as a name keeps it, on no map.
    text = "قالت سبوتنيك في دمشق"
    start = text.index("سبوتنيك")  # Sputnik, read as a place
    mentions = [Mention(start, start + 7, "سبوتنيك", EntityType.LOCATION)]
    assert [(p.text, p.country) for p in geocoder.places(text, "ar", mentions)] == [("سبوتنيك", None), ("دمشق", "SY")]


def test_a_recognisers_common_arabic_word_is_no_place_news_seldom_names(geocoder: Geocoder) -> None:
    text = "ومضات عالية السرعة فوق البحرين"
    start = text.index("عالية")  # "high", a name GeoNames gives Lae, Papua New Guinea
    mentions = [Mention(start, start + 5, "عالية", EntityType.LOCATION)]
    assert [(p.text, p.country) for p in geocoder.places(text, "ar", mentions)] == [("البحرين", "BH")]
    # A place the world's news names stays, however common its name as a word: "غزة" (Gaza).
    start = (text := "قصف في غزة").index("غزة")
    mentions = [Mention(start, start + 3, "غزة", EntityType.LOCATION)]
    assert [(p.text, p.country) for p in geocoder.places(text, "ar", mentions)] == [("غزة", "PS")]


def test_a_recognisers_chinese_word_that_no_place_bears_is_no_place(geocoder: Geocoder) -> None:
    text = "五角大楼发言人在北京说"
    mentions = [Mention(0, 4, "五角大楼", EntityType.LOCATION)]  # the Pentagon
    assert [(p.text, p.country) for p in geocoder.places(text, "zh", mentions)] == [("五角大楼", None), ("北京", "CN")]


def test_an_initialism_is_no_town_spelt_with_its_letters(geocoder: Geocoder) -> None:
    assert geocoder.resolve("EU") is None  # not Eu, in Normandy
    assert geocoder.resolve("Eu").country == "FR"  # type: ignore[union-attr]  # the town, written as a name


def test_a_countrys_alias_that_is_its_own_divisions_name_means_the_division(geocoder: Geocoder) -> None:
    england = geocoder.resolve("England")
    assert england is not None and (england.name, england.feature) == ("England", "A.ADM1")
    assert geocoder.resolve("United Kingdom").feature == "A.PCLI"  # type: ignore[union-attr]


def test_a_newspaper_named_after_a_place_is_no_place(geocoder: Geocoder) -> None:
    text = "The Washington Post and The New York Times reported the vote in Ohio."
    assert [p.text for p in geocoder.places(text, "en") if p.resolved] == ["Ohio"]
    assert [p.text for p in geocoder.places("Washington State Police closed the road.", "en")] == ["Washington State"]


def test_a_hindi_reports_places_are_its_words_not_their_pieces(geocoder: Geocoder) -> None:
    text = "नई दिल्ली में भारत और पाकिस्तान के बीच बातचीत हुई। मुंबई और कोलकाता में भी प्रदर्शन हुए।"
    spotted = {p.text for p in geocoder.places(text, "hi")}
    assert {"भारत", "पाकिस्तान", "मुंबई", "कोलकाता"} <= spotted
    assert all(len(name) >= 3 for name in spotted)  # no "बई" of मुंबई (Belgium), no "लक" of कोलकाता


def test_a_french_nationality_the_recogniser_read_as_a_place_is_its_country(geocoder: Geocoder) -> None:
    text = "Le Saoudien Mohsen Al Najdi a été tué près de Deir ez-Zor, selon les Françaises."
    words = ("Saoudien", "Françaises")
    mentions = [Mention(text.index(w), text.index(w) + len(w), w, EntityType.LOCATION) for w in words]
    found = {p.text: (p.name, p.country) for p in geocoder.places(text, "fr", mentions)}
    # Alone a name no gazetteer holds: the seed's "Saoudien" stayed an unresolved place.
    assert found["Saoudien"] == ("Saudi Arabia", "SA") and found["Françaises"] == ("France", "FR")


def test_a_street_is_no_town_named_in_it(geocoder: Geocoder) -> None:
    text = "A crash on Washington Drive in Arlington, Texas, and another on Lincoln Ave. near Fort St. John."
    spans = ("Washington Drive", "Arlington", "Texas", "Lincoln Ave.", "Fort St.")
    mentions = [Mention(text.index(w), text.index(w) + len(w), w, EntityType.LOCATION) for w in spans]
    places = geocoder.places(text, "en", mentions)
    pinned = {p.text for p in places if p.resolved}
    # The streets stay named places nobody pins; "St." before a name is a saint's, not a street's.
    assert {"Washington Drive", "Lincoln Ave."} <= {p.text for p in places if not p.resolved}
    assert "Washington" not in pinned and "Lincoln" not in pinned
    assert "Arlington" in pinned and "Fort St. John" in {p.text for p in places}


def test_a_function_word_is_no_division_or_country_by_a_foreign_name(geocoder: Geocoder) -> None:
    text = ("Sin embargo, las resoluciones no bastan. Para lograr tus metas, usa el código. "
            "China y Perú firmaron. La ayuda es para todos. Usa el código GETPRO.")  # fmt: skip
    pinned = {p.text: p.country for p in geocoder.places(text, "es") if p.resolved}
    # "Para" (for) was Pará, a Brazilian state; "Sin" (without) China, by an alternate name;
    # "Usa" (uses) the United States. Countries keep their Spanish names, acronyms their letters.
    assert "Para" not in pinned and "Sin" not in pinned and "Usa" not in pinned
    assert pinned.get("China") == "CN" and pinned.get("Perú") == "PE"
    assert {p.text: p.country for p in geocoder.places("Ermeni ve Rus uzmanlar geldi.", "tr")}.get("Rus") == "RU"


def test_a_city_rather_than_a_division_called_so_only_for_short(geocoder: Geocoder) -> None:
    german = {p.text: p.feature for p in geocoder.places("In Stuttgart demonstrierten Tausende.", "de") if p.resolved}
    # GeoNames calls the "Regierungsbezirk Stuttgart" (4 million people) "Stuttgart" too.
    assert german["Stuttgart"].startswith("P.")
    mexican = "El Congreso de Veracruz, dominado por Morena, informó el jueves que el fiscal fue separado."
    state = {p.text: p.feature for p in geocoder.places(mexican, "es") if p.resolved}
    assert state.get("Veracruz", "A.ADM1") == "A.ADM1"  # "Veracruz de Ignacio de la Llave": its head


def test_a_near_spelling_of_a_country_that_a_town_bears_is_the_town(geocoder: Geocoder) -> None:
    def pinned(text: str, language: str) -> dict[str, str | None]:
        return {p.text: p.country for p in geocoder.places(text, language) if p.resolved}

    # "Columbia" (an old name of Colombia) is the city in English; Romanian calls Colombia so.
    assert pinned("The church in Columbia, South Carolina held a supper.", "en")["Columbia"] == "US"
    assert "Columbia" not in pinned("A Columbia woman was convicted.", "en")  # which Columbia: not Colombia
    assert pinned("Columbia și Peru au semnat un acord.", "ro")["Columbia"] == "CO"
    # A country's other English name, unlike its own, stays the country ("Palestine", TX exists).
    assert pinned("Efforts for a calming-down period in Palestine and Gaza.", "en")["Palestine"] == "PS"
    assert pinned("The U.S. and Canada agreed.", "en")["U.S."] == "US"  # a village is called Us


def test_a_world_city_beats_a_far_small_namesake_backed_by_its_country_alone(geocoder: Geocoder) -> None:
    text = "Die Rolling Stones drohen Trump mit Klage. London. Die Band spielte vor der Kundgebung in Tulsa, Oklahoma."
    places = {p.text: p.country for p in geocoder.places(text, "de") if p.resolved}
    assert places["London"] == "GB"
    # A namesake its article places nearby stays: Amsterdam, New York, beside its county.
    near = "The mayor of Amsterdam, in Montgomery County, said the Mohawk River flooded the town."
    assert {p.text: p.country for p in geocoder.places(near, "en") if p.resolved}["Amsterdam"] == "US"


def test_world_cities_named_together_beat_small_namesakes_their_state_backs(geocoder: Geocoder) -> None:
    def countries(text: str) -> dict[str, str | None]:
        return {p.text: p.country for p in geocoder.places(text, "en") if p.resolved}

    # Illinois backs its Paris (8,000 people) and Rome (1,700), but the two capitals back each other.
    assert countries("The governor of Illinois visited Paris and Rome last week.") | {"Illinois": "US"} == {
        "Illinois": "US", "Paris": "FR", "Rome": "IT",
    }  # fmt: skip
    # Written with their state, or beside a namesake that is no small town, they stay.
    assert countries("The councils of Paris, Ill., and Rome, Ill., met.")["Rome"] == "US"
    assert countries("ROME, Ga. - Officials in Rome and Athens met on Tuesday.")["Athens"] == "US"
