"""FactAnalyzer ties the readers together: place keys on mentions, places no mention covered."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from fakes import text_item
from newsweave.analyze.facts import FactAnalyzer, body_names_in_title, sentence_case, sentences_at, with_place_keys
from newsweave.records import (
    Article,
    Claim,
    Entity,
    EntityType,
    Mention,
    Place,
    Provenance,
    PublicationDate,
    Qualifier,
    TimeExpression,
    TimePrecision,
)

TEXT = "IS fighters attacked Abu Kamal. On the eve, more than 50 were killed near Mayadin."


class FakeMentions:
    languages = frozenset({"en"})

    def mentions(self, text: str, language: str | None, *, places_read: Collection[str] = ()) -> list[Mention]:
        if text != TEXT:  # the headline
            return (
                [Mention(0, 2, "Is", EntityType.ORGANIZATION, "alias:islamic-state")] if text.startswith("IS") else []
            )
        return [
            Mention(0, 2, "IS", EntityType.ORGANIZATION, "alias:islamic-state"),
            Mention(21, 30, "Abu Kamal", EntityType.LOCATION, "loc:abu kamal"),
        ]

    def entity(self, key: str) -> Entity | None:
        return Entity(key, "Islamic State", EntityType.ORGANIZATION) if key == "alias:islamic-state" else None


class FakePlaces:
    def places(
        self,
        text: str,
        language: str | None,
        mentions: Sequence[Mention] = (),
        context: Sequence[Place] = (),
        *,
        trusted: bool = True,
    ) -> list[Place]:
        # The recogniser's places are handed over, and a curated name of another thing as a veto.
        assert [(m.text, m.type) for m in mentions] == [
            ("Abu Kamal", EntityType.LOCATION),
            ("IS", EntityType.ORGANIZATION),
        ]
        assert trusted  # it was trained on the article's language
        return [
            Place(21, 30, "Abu Kamal", 170017, "Abu Kamal", "SY", 34.45, 40.92, "P.PPL", 50_000, 0.9),
            Place(75, 82, "Mayadin", 166365, "Al Mayadin", "SY", 35.02, 40.45, "P.PPL", 40_000, 0.8),
        ]


def fake_times(text: str, language: str | None, anchor: datetime | None) -> list[TimeExpression]:
    assert anchor == datetime(2017, 11, 24)
    return [TimeExpression(32, 42, "On the eve", datetime(2017, 11, 23), TimePrecision.DAY, True, anchor)]


def fake_claims(text: str, language: str | None, anchor: datetime | None) -> list[Claim]:
    return [Claim(44, 56, "more than 50", 51, float("inf"), Qualifier.MORE_THAN, text[32:], 1, None, "killed")]


def article() -> Article:
    item = text_item("x")
    date = PublicationDate(datetime(2017, 11, 24), "day", "text")  # type: ignore[arg-type]
    return Article(
        item.id, "IS Attacks Abu Kamal", (TEXT,), Provenance("mem.txt"), "lines", language="en", published=date
    )


def test_places_give_their_mentions_a_gazetteer_key_and_uncovered_places_become_mentions() -> None:
    analyzer = FactAnalyzer(mentions=FakeMentions(), places=FakePlaces(), times=fake_times, claims=fake_claims)
    read = analyzer.read(article())
    headline = [(m.text, m.entity) for m in read.facts.mentions if m.in_title]
    # "IS" as written in the title; "Abu Kamal", which the headline's reader missed, as the body reads it.
    assert headline == [("IS", "alias:islamic-state"), ("Abu Kamal", "geonames:170017")]
    keys = {m.text: m.entity for m in read.facts.mentions if not m.in_title}
    assert keys == {"IS": "alias:islamic-state", "Abu Kamal": "geonames:170017", "Mayadin": "geonames:166365"}
    assert {e.key: e.name for e in read.entities} == {
        "alias:islamic-state": "Islamic State",
        "geonames:170017": "Abu Kamal",
        "geonames:166365": "Al Mayadin",
    }
    assert read.time_sentences == ("On the eve, more than 50 were killed near Mayadin.",)
    assert [c.place for c in read.facts.claims] == ["geonames:166365"]  # the place of its sentence


def test_sentences_at_finds_the_sentence_of_each_offset() -> None:
    assert sentences_at(TEXT, [0, 40]) == ["IS fighters attacked Abu Kamal.", TEXT[32:]]


def test_a_curated_organisation_is_no_place_on_its_own_span() -> None:
    # GeoNames gives Hamm, Germany the alternate name "Hamas"; the alias file says organisation.
    mentions, places = FactAnalyzer().read_places("Israel struck Hamas positions in Gaza, the army said.", "en")
    assert ("Hamas", EntityType.ORGANIZATION) in [(m.text, m.type) for m in mentions]
    assert "Hamas" not in [p.text for p in places] and "Israel" in [p.text for p in places if p.resolved]


def test_a_person_named_in_full_is_no_place_by_surname_after() -> None:
    text = (
        "Andrew Trapani is a gambling man. Rising from game tester to Hollywood producer, "
        "Trapani took risks in Los Angeles, and Trapani's first feature opens on March 27."
    )
    mentions, places = FactAnalyzer().read_places(text, "en")
    alone = next(m for m in mentions if m.text == "Trapani" and m.type is EntityType.PERSON)
    pinned = {(p.start, p.text) for p in places if p.resolved}
    assert (alone.start, "Trapani") not in pinned  # the producer by his surname, not the Sicilian town
    assert "Los Angeles" in {text for _, text in pinned}


def test_a_person_named_after_a_title_is_no_place_by_surname_after() -> None:
    text = (
        "Board chairman Judge Manning also reported on the recent Personnel Committee meeting. "
        "Manning and Herrick visited residents in Concord, New Hampshire. Manning reported the budget has been cut."
    )
    _, places = FactAnalyzer().read_places(text, "en")
    pinned = {p.text for p in places if p.resolved}
    assert "Manning" not in pinned  # neither the Isle of Man nor Manning, South Carolina
    assert "Concord" in pinned


def test_a_person_named_in_full_holds_no_place_in_a_first_name() -> None:
    text = "Dominik Simon scored twice in Pittsburgh, and Geneva Morgan, of Glasgow, was found safe."
    mentions, places = FactAnalyzer().read_places(text, "en")
    assert {"Dominik Simon", "Geneva Morgan"} <= {m.text for m in mentions if m.type is EntityType.PERSON}
    pinned = {p.text for p in places if p.resolved}
    assert "Dominik" not in pinned and "Geneva" not in pinned  # no Dominica, no Geneva
    assert {"Pittsburgh", "Glasgow"} <= pinned


def test_a_person_by_first_name_is_no_place_unless_other_places_back_it() -> None:
    # Camilla is a town in Georgia, Diana a region of Madagascar; a story on the British royals
    # means the people. Winona beside Rochester and Minnesota is the town, however it is typed.
    royals = (
        "Le prince Charles et Camilla sont mariés depuis 15 ans. Plus tard, Camilla, alors âgée de "
        "vingt ans, vivait à Londres. La princesse Diana a rencontré le prince Charles en 1977."
    )
    mentions, places = FactAnalyzer().read_places(royals, "fr")
    assert {"Camilla", "Diana"} <= {m.text for m in mentions if m.type is EntityType.PERSON}
    assert {p.text for p in places if p.resolved} == {"Londres"}
    local = "The Winona City Council met Tuesday. Winona and Rochester will share the costs, Minnesota officials said."
    _, places = FactAnalyzer().read_places(local, "en")
    assert {"Winona", "Rochester", "Minnesota"} <= {p.text for p in places if p.resolved}


def test_a_chinese_name_without_spaces_holds_no_place() -> None:
    text = "南希佩洛西在华盛顿表示，弗拉基米尔普京周二抵达北京。"
    mentions, places = FactAnalyzer().read_places(text, "zh")
    assert "南希佩洛西" in {m.text for m in mentions if m.type is EntityType.PERSON}
    pinned = {p.text for p in places if p.resolved}
    assert "南希" not in pinned and "弗拉基米尔" not in pinned  # no Nancy, no Vladimir
    assert {"华盛顿", "北京"} <= pinned


def test_world_regions_are_named_not_pinned_to_their_namesake_towns() -> None:
    text = "As tensions rose in the Middle East, fireworks lit Dubai; the Atlantic storm season ended in Florida."
    _, places = FactAnalyzer().read_places(text, "en")
    found = {p.text: p for p in places}
    assert not found["Middle East"].resolved  # not Middle East, Pennsylvania
    assert "Atlantic" not in found or not found["Atlantic"].resolved  # not Atlantic, Iowa
    assert found["Dubai"].country == "AE" and found["Florida"].country == "US"


def test_hindi_words_are_no_places_their_latin_folding_names() -> None:
    # "उस" (that) folded to "us", the United States; "खाना" (food) to Ghana's consonants.
    text = "प्रधानमंत्री ने दिल्ली में कहा कि उस दिन खाना नहीं था, और भारत और पाकिस्तान के बीच बातचीत होगी।"
    _, places = FactAnalyzer().read_places(text, "hi")
    pinned = {p.text: p.country for p in places if p.resolved}
    assert pinned == {"दिल्ली": "IN", "भारत": "IN", "पाकिस्तान": "PK"}


def test_amharic_words_are_no_places_their_latin_folding_names() -> None:
    # "ጊዜ" (time) folded to "gize", as Giza's names do; Ethiopia and Kenya are found as written.
    text = "በዚያ ጊዜ ጠቅላይ ሚኒስትሩ ወደ ኬንያ ተጉዘዋል። ኢትዮጵያ ስምምነት ተፈራርማለች።"
    _, places = FactAnalyzer().read_places(text, "am")
    assert {p.text: p.country for p in places if p.resolved} == {"ኬንያ": "KE", "ኢትዮጵያ": "ET"}


def test_korea_alone_is_south_korea() -> None:
    _, places = FactAnalyzer().read_places("Exports to China, Japan, Korea and India rose.", "en")
    assert {p.text: p.country for p in places if p.resolved}["Korea"] == "KR"


def test_a_place_the_geocoder_leaves_unpinned_keeps_no_gazetteer_key() -> None:
    text = "Arab news agencies said fighters left Syria for Iraq."
    read = FactAnalyzer().read(Article(text_item("arab").id, "", (text,), Provenance("m.txt"), "lines", language="en"))
    arab = [m for m in read.facts.mentions if m.text == "Arab"]
    # The recogniser's key named Ārabī, Ethiopia; the geocoder pinned nothing, so neither do the entities.
    assert all(not (m.entity or "").startswith("geonames:") for m in arab)
    assert {m.entity for m in read.facts.mentions if m.text == "Syria"} == {"geonames:163843"}


def test_a_country_or_state_the_recogniser_names_is_that_area_in_every_script() -> None:
    """The gazetteer holds no "США" (USA in Russian) nor "ZDA", "РФ" only as Ar Rifā', Bahrain,
    and folds "Техасе" to Latin letters that meet no state: the curated aliases name the United
    States and Russia, the recogniser's index Texas, and the places and the entities agree (they
    were unpinned and keyed apart, or pinned in Bahrain). In Latin script the recogniser's own
    index is not trusted so: "Messi" is no Mexico, whatever its stem."""
    text = "Президент РФ Владимир Путин заявил, что выборы в США и в Техасе прошли. Словенцы: volitve v ZDA."
    mentions, places = FactAnalyzer().read_places(text, "ru")
    pinned = {p.text: (p.geonames_id, p.country) for p in places if p.resolved}
    expected = {"РФ": (2017370, "RU"), "США": (6252001, "US"), "Техасе": (4736286, "US"), "ZDA": (6252001, "US")}
    assert pinned == expected
    keys = {m.text: m.entity for m in mentions if m.text in pinned}
    assert keys == {name: f"geonames:{place}" for name, (place, _) in expected.items()}
    _, english = FactAnalyzer().read_places("Messi scored twice for Barcelona in Spain.", "en")
    assert "MX" not in {p.country for p in english if p.resolved}


def test_a_title_case_headline_keeps_the_capitals_of_its_names_only() -> None:
    body = "The fighters who fled the town met Iran's envoy. Shares of Apple fell; analysts shrugged."
    cased = sentence_case("Fighters Who Escaped Apple Shrugged at Iran Envoy's Deal With Renault", body, "en")
    # "fighters" and "shrugged" the body writes in lower case; "Escaped" and "Deal" only the
    # dictionary knows, in lower case alone; "Apple" the body writes with its capital mid-sentence;
    # the dictionary keeps "Iran" capitalised and does not know "Renault".
    assert cased == "fighters who escaped Apple shrugged at Iran envoy's deal with Renault"
    assert sentence_case("Fighters Who Escaped", body, "en", dictionary=False) == "fighters who Escaped"
    assert sentence_case("Fighters Who Escaped", body, None) == "fighters who Escaped"  # no language, no dictionary
    already = "Fighters who escaped the town"
    assert sentence_case(already, body, "en") == already


def test_a_sentence_case_headline_full_of_names_is_left_as_written() -> None:
    # Most of its long words are names, which the body writes with their capitals too; read as
    # title case, its "Al" went to lower case, as the body's "al Mohssen" writes it.
    title = "Le responsable du recrutement de Daech, le Saoudien Mohsen Al Najdi, a été tué près de Deir ez-Zor"
    body = "Le Saoudien Mohsen Al Najdi, un dirigeant de Daech, a été éliminé près de Deir ez-Zor, à al Mohssen."
    assert sentence_case(title, body, "fr") == title


def test_a_headline_gets_the_names_its_body_reads_surely_where_it_writes_them() -> None:
    def name(text: str, score: float, kind: EntityType = EntityType.ORGANIZATION) -> Mention:
        return Mention(100, 100 + len(text), text, kind, f"key:{text}", score=score)

    body = [name("New York Times", 0.9), name("New York", 0.95, EntityType.LOCATION), name("Renault", 0.7),
            name("Volkswagen", 0.3), name("fed", 0.9)]  # fmt: skip
    title = "Renault Tells New York Times Volkswagen Was Fed Up"
    found = [Mention(0, 7, "Renault", EntityType.ORGANIZATION, "key:Renault", score=0.8, in_title=True)]
    read = body_names_in_title(title, found, body)
    # "Renault" was found already; the longest body name is taken first; "Volkswagen" the body was
    # unsure of and "fed" the body writes in lower case are left.
    assert [(m.text, m.start, m.in_title, m.entity) for m in read] == [
        ("Renault", 0, True, "key:Renault"), ("New York Times", 14, True, "key:New York Times")]  # fmt: skip


def test_a_name_the_places_did_not_read_keeps_no_place_they_do_not_pin() -> None:
    """The recogniser keys a name by any gazetteer index ("Lions", Lyon's alternate name); the
    places, which weigh the context, read no place there: the name keeps its own key, while a
    key the article's places pin elsewhere stands."""
    lions = Mention(0, 5, "Lions", EntityType.ORGANIZATION, "geonames:2996944")
    moscow = Mention(20, 26, "Moscow", EntityType.ORGANIZATION, "geonames:524901")
    nfl = Mention(40, 43, "NFL", EntityType.LOCATION, "geonames:1282988")
    pinned = Place(60, 66, "Moscow", 524901, "Moscow", "RU", 55.75, 37.62, "P.PPLC", 10_000_000, 0.9)
    keyed = with_place_keys([lions, moscow, nfl], [pinned])
    assert [(m.text, m.type, m.entity) for m in keyed] == [
        ("Lions", EntityType.ORGANIZATION, "org:lns"),
        ("Moscow", EntityType.ORGANIZATION, "geonames:524901"),
        ("NFL", EntityType.LOCATION, "loc:NFL"),  # an acronym is keyed by its letters
        ("Moscow", EntityType.LOCATION, "geonames:524901"),  # the place no mention covered
    ]
    alone = with_place_keys([moscow], [], pinned_elsewhere={"geonames:524901"}, add_places=False)
    assert [m.entity for m in alone] == ["geonames:524901"]


class _HeadlinePlaces(FakePlaces):
    """Pins Damascus where the headline writes it, and nothing else."""

    def places(self, text: str, *args: Any, **kwargs: Any) -> list[Place]:
        if text == TEXT:
            return super().places(text, *args, **kwargs)
        context = kwargs.get("context", args[2] if len(args) > 2 else ())
        assert [p.text for p in context] == ["Abu Kamal", "Mayadin"]  # the body's places back the headline's
        at = text.find("Damascus")
        return [Place(at, at + 8, "Damascus", 170654, "Damascus", "SY", 33.51, 36.29, "P.PPLC", 2_000_000, 0.9)]


class _HeadlineMentions(FakeMentions):
    def mentions(self, text: str, language: str | None, *, places_read: Collection[str] = ()) -> list[Mention]:
        if text == TEXT:
            return super().mentions(text, language, places_read=places_read)
        found = []
        for name, key in (("Damascus", "geonames:1"), ("Hell", "geonames:2"), ("Mayadin", "geonames:166365")):
            if (at := text.find(name)) >= 0:
                found.append(Mention(at, at + len(name), name, EntityType.LOCATION, key))
        return found


def test_a_headline_place_is_keyed_as_the_places_read_it_with_the_body_as_context() -> None:
    analyzer = FactAnalyzer(mentions=_HeadlineMentions(), places=_HeadlinePlaces())
    title = "From Hell to Damascus via Mayadin"
    read = analyzer.read(Article(text_item("h").id, title, (TEXT,), Provenance("m.txt"), "lines", language="en"))
    keys = {m.text: m.entity for m in read.facts.mentions if m.in_title}
    # Damascus pinned by the headline's places, Mayadin by the body's, Hell by none: its own key.
    assert keys == {"Damascus": "geonames:170654", "Mayadin": "geonames:166365", "Hell": "loc:hl"}


def test_an_arabic_noun_for_a_kind_of_place_is_no_place_and_a_name_after_and_is_keyed_as_written() -> None:
    # "مدينة تعز" (the city of Taiz): "مدينة" was Medina; "وتعز" (and Taiz) was keyed by its lemma
    # "عز" and lost; "شبه الجزيرة العربية" (the Arabian Peninsula) held Algeria. Medina written in
    # full stays Medina.
    text = "قال مسؤولون في مدينة تعز وعدن وتعز إن شبه الجزيرة العربية هادئة، وزار الحجاج المدينة المنورة."
    _, places = FactAnalyzer().read_places(text, "ar")
    pinned = [(p.text, p.name) for p in places if p.resolved]
    assert ("تعز", "Taiz") in pinned and pinned.count(("تعز", "Taiz")) == 2
    assert ("المدينة المنورة", "Madinah") in pinned
    assert not {"مدينة", "الجزيرة"} & {text for text, _ in pinned}


def test_an_arabic_word_keeps_its_vowel_signs_and_a_person_holds_no_town() -> None:
    # "يوميًا" (daily) was cut at its tanwin into "يومي" and "ا", and "ا من" (…ly from) was Oman;
    # "هولي ويلوبي" (Holly Willoughby), a person the tagger is sure of, held Willoughby, Ohio.
    text = "يعني التسوق يوميًا من متاجر البقالة المحلية أن قالت هولي ويلوبي إنها غادرت القاهرة."
    _, places = FactAnalyzer().read_places(text, "ar")
    pinned = {p.name for p in places if p.resolved}
    assert "Oman" not in pinned and "Willoughby" not in pinned
    assert "Cairo" in pinned


def test_the_nations_of_the_united_kingdom_are_themselves_in_every_script() -> None:
    # "Англия" (England) was keyed by its stem to Angola, "Шотландия" (Scotland) to a town in Maryland.
    for text, language in (("Он вернулся в Англию, а потом в Шотландию.", "ru"),
                           ("Той се върна в Англия и Шотландия, после в Уелс.", "bg"),
                           ("He returned to England and Scotland.", "en")):  # fmt: skip
        _, places = FactAnalyzer().read_places(text, language)
        names = {p.name for p in places if p.resolved}
        assert {"England", "Scotland"} <= names and "Angola" not in names, (language, names)


def test_a_big_places_name_in_its_own_letters_is_that_place_not_a_latin_name_that_folds_alike() -> None:
    # "巴黎" (Paris) folds to "bali": it was Bali, Indonesia, and beside London Barry, Wales.
    for text in ("巴黎时装周展示了最新的巨型帽子。", "他在巴黎和伦敦举行了会议。"):
        _, places = FactAnalyzer().read_places(text, "zh")
        assert ("巴黎", "Paris") in {(p.text, p.name) for p in places if p.resolved}


def test_corona_in_an_arabic_report_is_the_pandemic_not_corona_california() -> None:
    text = "ارتفع عدد الإصابات بفيروس كورونا في مصر إلى 500 حالة، وفق وزارة الصحة."
    read = FactAnalyzer().read(Article(text_item("ar").id, "", (text,), Provenance("m.txt"), "lines", language="ar"))
    assert {m.text: m.entity for m in read.facts.mentions}["كورونا"] == "alias:covid-19"
    assert [p.text for p in read.facts.places if p.resolved] == ["مصر"]


def test_curated_names_in_a_text_without_spaces_are_found_whole_and_veto_the_places_inside() -> None:
    """A segmenter cut the Islamic State into "イスラム" and "国" (and "ラム" was a place), and read
    no name in "新型コロナ" (the novel corona), whose "コロナ" was pinned at Corona, California."""
    text = "イスラム国の戦闘員がシリアで死亡した。新型コロナの感染者も増えた。"
    read = FactAnalyzer().read(Article(text_item("ja").id, "", (text,), Provenance("m.txt"), "lines", language="ja"))
    keys = {m.text: (m.type, m.entity) for m in read.facts.mentions}
    assert keys["イスラム国"] == (EntityType.ORGANIZATION, "alias:islamic-state")
    assert keys["新型コロナ"] == (EntityType.EVENT, "alias:covid-19")
    assert [(p.text, p.geonames_id) for p in read.facts.places] == [("シリア", 163843)]


def _keys(text: str, language: str) -> dict[str, str | None]:
    article = Article(text_item(text).id, "", (text,), Provenance("m.txt"), "lines", language=language)
    read = FactAnalyzer().read(article)
    return {m.text: m.entity for m in read.facts.mentions}


def test_a_bare_congress_or_senate_is_the_us_one_only_where_the_article_names_the_us() -> None:
    """Other countries' institutions bear these names too (``needs_country`` in the alias file):
    India's Congress party, Poland's Senate."""
    indian = _keys("New Delhi: Congress leader Rahul Gandhi said the Congress will fight the BJP in Bihar.", "en")
    assert indian["Congress"] not in (None, "alias:us-congress")
    polish = _keys("Marszałek Senatu Tomasz Grodzki przedstawił w Warszawie poprawki Senatu.", "pl")
    assert all(key != "alias:us-senate" for key in polish.values())
    american = _keys("In Washington, the Senate voted and Congress passed the bill.", "en")
    assert american["Senate"] == "alias:us-senate" and american["Congress"] == "alias:us-congress"
    # The United States named by its Turkish initials, as another entry of that country would be.
    turkish = _keys("ABD'de iki partiden Senato üyeleri yardım paketi üzerinde anlaştı.", "tr")
    assert turkish["ABD"] == "geonames:6252001" and turkish["Senato"] == "alias:us-senate"


def test_a_name_the_places_read_as_a_word_keeps_no_place_key() -> None:
    # "الجديد" (the new) is a GeoNames name of Al Jadid; the places read it as the word it is.
    keys = _keys("قال رئيس الوزراء الجديد إن الحكومة ستعمل.", "ar")
    assert not any((key or "").startswith("geonames:") for key in keys.values())


def test_institutions_of_world_news_are_one_entity_in_every_language() -> None:
    american = _keys("Палата представителей в Вашингтоне одобрила законопроект, Верховный суд США его отменил.", "ru")
    assert american["Палата представителей"] == "alias:us-house-of-representatives"
    assert american["Верховный суд США"] == "alias:us-supreme-court"
    # Poland's own Supreme Court, in an article that names no United States, is not the US one.
    polish = _keys("Sąd Najwyższy w Warszawie orzekł w piątek, że Sejm musi ponowić głosowanie.", "pl")
    assert "Sejm" in polish and all(key != "alias:us-supreme-court" for key in polish.values())
    europe = _keys("Der Bundestag und das Europäische Parlament; Ärzte ohne Grenzen warnten.", "de")
    assert europe["Bundestag"] == "alias:bundestag"
    assert europe["Ärzte ohne Grenzen"] == "alias:doctors-without-borders"
