"""The document-level second pass: edges trimmed, a name tagged once found everywhere."""

from __future__ import annotations

from newsweave.analyze.entities.consistency import (
    add_known_runs,
    attach_qualifiers,
    extend_tails,
    join_known,
    propagate,
    split_coordinated,
    split_fused,
    trim_edges,
)
from newsweave.records import EntityType

PER, LOC, ORG = EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION


def spans_text(text: str, spans: list[tuple[int, int, EntityType, float]]) -> list[tuple[str, EntityType]]:
    return [(text[s:e], t) for s, e, t, _ in spans]


def test_a_short_lowercase_word_at_the_start_is_trimmed() -> None:
    text = "Той замина на Америка."
    start = text.index(" на ") + 1
    assert spans_text(text, trim_edges(text, [(start, start + 10, LOC, 0.9)])) == [("Америка", LOC)]


def test_a_lowercase_noun_governing_a_name_is_trimmed() -> None:
    text = "Это решение администрации Трампа."
    start = text.index("администрации")
    assert spans_text(text, trim_edges(text, [(start, start + 20, LOC, 0.9)])) == [("Трампа", LOC)]


def test_a_lowercase_name_is_not_trimmed_away() -> None:
    text = "Решение палаты представителей."
    start = text.index("палаты")
    assert trim_edges(text, [(start, start + 22, LOC, 0.9)]) == [(start, start + 22, LOC, 0.9)]


def test_lowercase_words_inside_or_at_the_end_of_a_name_stay() -> None:
    text = "Пресс-служба Белого дома сообщила."
    start = text.index("Белого")
    assert trim_edges(text, [(start, start + 11, LOC, 0.9)]) == [(start, start + 11, LOC, 0.9)]


def test_a_tagged_name_is_found_in_its_other_inflected_forms() -> None:
    text = "Дональд Трамп заявил. Позже Трампа поддержали, и Трамп уехал в Вашингтоне."
    tagged = [(0, 13, PER, 0.9)]
    found = spans_text(text, propagate(text, tagged))
    assert found == [("Дональд Трамп", PER), ("Трампа", PER), ("Трамп", PER)]


def test_propagated_names_are_less_sure_and_never_overlap_tagged_ones() -> None:
    text = "Berlin a Berlina. Berlinu"
    out = propagate(text, [(0, 6, LOC, 0.8)])
    assert [(s, e) for s, e, _, _ in out] == [(0, 6), (9, 16), (18, 25)]
    assert all(score < 0.8 for _, _, _, score in out[1:])


def test_a_capitalised_name_is_not_copied_to_a_lowercase_word() -> None:
    text = "Sejm przyjął ustawę. Posłowie sejmu głosowali."
    assert propagate(text, [(0, 4, EntityType.ORGANIZATION, 0.9)]) == [(0, 4, EntityType.ORGANIZATION, 0.9)]


def test_short_names_are_not_copied() -> None:
    text = "AP said that ap is not a name."
    assert propagate(text, [(0, 2, EntityType.ORGANIZATION, 0.9)]) == [(0, 2, EntityType.ORGANIZATION, 0.9)]


def test_two_names_read_as_one_person_are_split() -> None:
    text = "Адвокат Дональда Трампа Рудольф Джулиани и Трампа."
    start, end = text.index("Дональда"), text.index(" и ")
    lone = text.rindex("Трампа")
    spans = [(start, end, PER, 0.8), (lone, lone + 6, PER, 0.9)]
    out = spans_text(text, split_fused(text, spans, lambda _: None))
    assert out == [("Дональда Трампа", PER), ("Рудольф Джулиани", PER), ("Трампа", PER)]


def test_a_known_place_before_a_full_name_is_split_off() -> None:
    text = "Губернатор Флорида Джеб Буш"
    start = text.index("Флорида")
    known = {"Флорида": LOC}
    out = spans_text(text, split_fused(text, [(start, len(text), PER, 0.8)], known.get))
    assert out == [("Флорида", LOC), ("Джеб Буш", PER)]


def test_a_three_word_name_without_a_known_head_stays_whole() -> None:
    text = "Martin Luther King spoke."
    assert split_fused(text, [(0, 18, PER, 0.9)], lambda _: None) == [(0, 18, PER, 0.9)]


def test_trailing_lowercase_words_go_only_when_asked() -> None:
    text = "Vladimir Putin met Merkel. Верховный суд отклонил."
    spans = [(0, 18, PER, 0.9), (text.index("Верховный"), text.index(" отклонил"), LOC, 0.9)]
    assert spans_text(text, trim_edges(text, spans, trailing=True))[0] == ("Vladimir Putin", PER)
    assert spans_text(text, trim_edges(text, spans)) == [("Vladimir Putin met", PER), ("Верховный суд", LOC)]


def test_a_middle_initial_never_opens_a_second_name() -> None:
    # "Georga" is a known place (George, South Africa), yet "W. Busha" is no name of its own.
    text = "Prezydent Georga W. Busha odwiedził Teksas."
    start, end = text.index("Georga"), text.index(" odwiedził")
    known = {"Georga": LOC}
    assert spans_text(text, split_fused(text, [(start, end, PER, 0.8)], known.get)) == [("Georga W. Busha", PER)]


def test_a_name_and_the_word_beside_it_join_when_together_they_are_known() -> None:
    text = "Wyniki.\n\nWirginia Zachodnia dla Donalda Trumpa, Nowy Jork dla Bidena."
    known = {"Wirginia Zachodnia": LOC, "Nowy Jork": LOC}
    spans = [
        (text.index("Zachodnia"), text.index(" dla"), LOC, 0.5),  # the tagger left out the first word
        (text.index("Donalda"), text.index(","), PER, 0.9),
        (text.index("Nowy"), text.index("Nowy") + 4, LOC, 0.6),  # two names side by side
        (text.index("Jork"), text.index("Jork") + 4, LOC, 0.6),
    ]
    out = spans_text(text, join_known(text, spans, known.get))
    assert out == [("Wirginia Zachodnia", LOC), ("Donalda Trumpa", PER), ("Nowy Jork", LOC)]


def test_words_that_are_not_known_together_stay_apart() -> None:
    text = "Senator Trump i Biden."
    spans = [(text.index("Trump"), text.index(" i"), PER, 0.9)]
    assert join_known(text, spans, lambda _: None) == spans


def tagged(text: str, *names: tuple[str, EntityType]) -> list[tuple[int, int, EntityType, float]]:
    """Spans of each occurrence of the given names, as the tagger might give them."""
    spans = []
    for name, etype in names:
        at = text.find(name)
        while at >= 0:
            spans.append((at, at + len(name), etype, 0.9))
            at = text.find(name, at + 1)
    return sorted(spans)


def unknown(_: str) -> EntityType | None:
    return None


def test_a_lowercase_tail_the_text_repeats_after_the_same_word_is_the_names() -> None:
    text = "Спикер Палаты представителей выступил. Позже в Палате представителей голосовали."
    spans = tagged(text, ("Палаты", ORG), ("Палате", ORG))
    assert spans_text(text, extend_tails(text, spans, unknown)) == [
        ("Палаты представителей", ORG),
        ("Палате представителей", ORG),
    ]


def test_a_tail_through_a_preposition_is_the_names() -> None:
    text = "Камарата на представителите гласува. Камарата на представителите ще заседава."
    spans = tagged(text, ("Камарата", ORG))
    assert {t for t, _ in spans_text(text, extend_tails(text, spans, unknown))} == {"Камарата на представителите"}


def test_a_tail_said_once_or_after_a_person_or_a_known_name_stays_out() -> None:
    once = "Палата представителей заседала."
    assert extend_tails(once, tagged(once, ("Палата", ORG)), unknown) == tagged(once, ("Палата", ORG))
    person = "Трамп заявил одно. Трамп заявил другое."
    assert extend_tails(person, tagged(person, ("Трамп", PER)), unknown) == tagged(person, ("Трамп", PER))
    place = "Россия заявила одно. Россия заявила другое."
    known = extend_tails(place, tagged(place, ("Россия", LOC)), lambda w: LOC if w == "Россия" else None)
    assert known == tagged(place, ("Россия", LOC))


def test_a_known_name_the_tagger_left_out_whole_is_added() -> None:
    text = "За всю историю Соединенных Штатов братья не правили. Штаты велики."
    known = {"Соединенных Штатов": LOC}
    found = add_known_runs(text, [], lambda phrase: known.get(phrase))
    assert spans_text(text, found) == [("Соединенных Штатов", LOC)]
    # Never over a tagged name, nor a run of words the lookup does not know.
    start = text.index("Соединенных")
    tagged_already = [(start, start + len("Соединенных"), LOC, 0.9)]
    assert add_known_runs(text, tagged_already, lambda phrase: known.get(phrase)) == tagged_already
    assert add_known_runs(text, [], lambda phrase: None) == []


def test_an_institution_takes_the_country_tagged_right_after_it() -> None:
    text = "Согласно Конституции США и словам Трампа США отступят."
    spans = tagged(text, ("Конституции", EntityType.PRODUCT), ("США", LOC), ("Трампа", PER))
    joined = attach_qualifiers(text, spans, lambda name: name == "США")
    assert spans_text(text, joined) == [
        ("Конституции США", EntityType.PRODUCT),
        ("Трампа", PER),  # a person's name does not take the country after it
        ("США", LOC),
    ]


def test_names_run_over_a_conjunction_are_split_only_when_clearly_two() -> None:
    places = {"Ohio": LOC, "Texas": LOC, "Trinidad": LOC, "Trinidad and Tobago": LOC, "Law": LOC}
    known = places.get
    text = "Police of Ohio and Texas, the State Police and the ATF, Trinidad and Tobago, Law and Justice."
    names = ("Ohio and Texas", "State Police and the ATF", "Trinidad and Tobago", "Law and Justice")
    spans = [(text.index(n), text.index(n) + len(n), ORG, 0.9) for n in names]
    assert spans_text(text, split_coordinated(text, spans, "and", known)) == [
        ("Ohio", LOC), ("Texas", LOC), ("State Police", ORG), ("ATF", ORG),
        ("Trinidad and Tobago", ORG),  # known whole
        ("Law and Justice", ORG),  # one side unknown: a party, not a country and an idea
    ]  # fmt: skip
