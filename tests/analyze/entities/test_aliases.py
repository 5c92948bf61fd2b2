"""The alias file format, and a user file extending the curated one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.analyze.entities import ALIASES_ENV, EntityRecognizer, Normalizer, load_aliases
from newsweave.errors import ConfigError
from newsweave.records import EntityType

USER_FILE = """
[wagner-group]
name = "Wagner Group"
type = "ORG"
aliases = ["Wagner", "PMC Wagner", "ЧВК Вагнер", "Grupa Wagnera"]

[islamic-state]
name = "Islamic State (user's)"
type = "ORG"
aliases = ["Daesh", "Islamski Državi"]

[deir-ez-zor]
name = "Deir ez-Zor"
type = "LOC"
geonames = 170794
aliases = ["Deir Ezzor", "Dayr az-Zawr", "Дейр-эз-Зор"]
"""


def test_the_curated_file_loads_and_keys_its_entries() -> None:
    table = load_aliases()
    found = table.find("daech")
    assert found is not None and found.key == "alias:islamic-state" and found.type is EntityType.ORGANIZATION


def test_a_user_file_adds_aliases_and_replaces_a_curated_entry(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    normalizer = Normalizer(load_aliases(path))
    wagner = normalizer.canonical_key("ЧВК Вагнер", EntityType.ORGANIZATION, "ru")
    assert wagner == "alias:wagner-group"
    assert normalizer.canonical_key("Grupy Wagnera", EntityType.ORGANIZATION, "pl") == wagner  # by stem
    assert normalizer.canonical_key("Дейр-эз-Зор", EntityType.LOCATION, "ru") == "geonames:170794"
    shown = normalizer.entity("alias:islamic-state")
    assert shown is not None and shown.name == "Islamic State (user's)"


def test_the_environment_variable_names_a_user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(path))
    assert load_aliases().find("pmc wagner") is not None


def test_a_recognizer_takes_a_user_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    recognizer = EntityRecognizer(aliases_path=path)
    assert recognizer.normalizer.canonical_key("PMC Wagner", EntityType.ORGANIZATION, "en") == "alias:wagner-group"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[x]\ntype = "ORG"\naliases = ["X"]\n', "has no name"),
        ('[x]\nname = "X"\ntype = "THING"\n', "has type 'THING'"),
        ('[x]\nname = "X"\ntype = "ORG"\naliases = "X"\n', "aliases must be a list"),
        ('[x]\nname = "X"\ntype = "LOC"\ngeonames = "no"\n', "geonames must be an integer"),
        ('[x]\nname = "X"\ntype = "ORG"\naliases_in = { de = "X" }\n', "aliases_in must map languages"),
        ('[x]\nname = "X"\ntype = "ORG"\ncountry = "usa"\n', "country must be a two-letter ISO code"),
        ("[x\n", "is not valid TOML"),
    ],
)
def test_a_malformed_file_is_a_config_error_naming_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_aliases(path)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_aliases(tmp_path / "absent.toml")


def test_the_spellings_without_spaces_are_listed_longest_first() -> None:
    spellings = [name for name, _ in load_aliases().unspaced()]
    assert "イスラム国" in spellings and "伊斯兰国" in spellings and "コロナ" in spellings
    assert spellings.index("新型コロナ") < spellings.index("コロナ")
    assert not any(" " in name or name.isascii() for name in spellings)


def test_a_spelling_in_an_abjad_or_kana_is_an_alias_only_as_written_so() -> None:
    from newsweave.analyze.entities.features import feature_maker
    from newsweave.analyze.entities.text import fold

    table = load_aliases()
    # Japanese コロナ (the pandemic) folds to "korona", as the Polish and Russian words for a crown do.
    assert fold("コロナ") == fold("Korona") == fold("Корона") == "korona"
    assert table.find("korona", "コロナ") is not None and table.find("korona", "コロナ").key == "alias:covid-19"
    assert table.find("korona", "Korona") is None and table.find("korona", "Корона") is None
    assert table.find("kwrwn", "كورونا") is not None and table.find("kwrwn", "Kwrwn") is None
    assert table.find("korona") is None  # a folded form alone reads as no such script
    # A form some Latin or Cyrillic spelling bears stays an alias for every script.
    assert table.find(fold("Ковид"), "Kovid") is not None and table.find("covid", "Covid") is not None
    # Nor does the tagger read "Korona" as a curated alias: it was trained before コロナ was one.
    features = feature_maker()
    assert features.gazetteer_hit("Korona") != "alias" and features.gazetteer_hit("コロナ") == "alias"


def test_a_name_in_those_scripts_meets_only_spellings_in_them() -> None:
    from newsweave.analyze.entities.text import fold

    table = load_aliases()
    # Hindi "उस" (that) folds to "us", as the United States' "US" does.
    assert fold("उस") == "us" and table.find("us", "US") is not None
    assert table.find("us", "उस") is None
    assert table.find(fold("الولايات المتحدة"), "الولايات المتحدة").key == table.find("us", "US").key


def test_a_polish_crown_is_not_the_pandemic() -> None:
    normalizer = Normalizer()
    assert normalizer.canonical_key("Korona", EntityType.ORGANIZATION, "pl") != "alias:covid-19"
    assert normalizer.canonical_key("コロナ", EntityType.EVENT, "ja") == "alias:covid-19"
    assert normalizer.canonical_key("كورونا", EntityType.EVENT, "ar") == "alias:covid-19"


def test_a_spelling_of_one_language_is_an_alias_in_its_texts_only(tmp_path: Path) -> None:
    # German news calls the pandemic "Corona"; in English it is a city in California.
    normalizer = Normalizer()
    assert normalizer.canonical_key("Corona", EntityType.LOCATION, "de") == "alias:covid-19"
    assert normalizer.canonical_key("Corona", EntityType.LOCATION, "en") != "alias:covid-19"
    text = "Wegen Corona bleibt Berlin zu. Die Corona-Krise trifft Bayern, der Coronavirus auch."
    found = [(m.start, m.type, m.entity) for m in EntityRecognizer().mentions(text, "de") if m.text == "Corona"]
    # Alone and as a compound's first part, as annotators of German news mark it; never inside a word.
    covid = (EntityType.EVENT, "alias:covid-19")
    assert found == [(text.index("Corona"), *covid), (text.index("Corona-"), *covid)]
    path = tmp_path / "aliases.toml"
    path.write_text('[wagner-group]\nname = "Wagner"\ntype = "ORG"\naliases_in = { ru = ["Музыканты"] }\n')
    users = Normalizer(load_aliases(path))
    assert users.canonical_key("Музыканты", EntityType.PERSON, "ru") == "alias:wagner-group"
    assert users.canonical_key("Музыканты", EntityType.PERSON, "uk") != "alias:wagner-group"


def test_an_acronym_is_an_alias_in_capitals_and_in_its_own_script() -> None:
    from newsweave.analyze.entities.text import fold

    table = load_aliases()
    key = "alias:islamic-state"
    assert table.key_of(fold("ИД"), "ИД") == table.key_of("is", "IS") == table.key_of("ig", "ИГ") == key
    assert table.key_of("id", "ID") is None  # an English ID, not the Bulgarian "ИД"
    assert table.key_of("is", "Is") is None and table.key_of("who", "Who") is None  # words opening a question
    assert table.key_of("who", "WHO") == "alias:world-health-organization"
    assert table.key_of(fold("игил"), "игил", derived=True) == key  # the root of "игиловцы", IS fighters
    assert table.key_of("nato", "Nato") == "alias:nato"  # a spelling listed as a word stays one


def test_needs_country_is_a_flag_with_a_country(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[x]\nname = "X"\ntype = "ORG"\nneeds_country = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="needs_country must be true or false, with a country"):
        load_aliases(path)
    path.write_text('[x]\nname = "X"\ntype = "ORG"\ncountry = "PL"\nneeds_country = true\n', encoding="utf-8")
    assert load_aliases(path).entries["alias:x"].needs_country
