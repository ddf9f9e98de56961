from layouts.urlstate import lang_of, parse, with_changes


def test_parse_and_change_round_trip():
    state = parse("?lang=en&indicator=poor_population_reduced")
    assert state == {"lang": "en", "indicator": "poor_population_reduced"}
    assert lang_of(state) == "en"
    assert parse(with_changes("?lang=en", indicator="funds")) == {"lang": "en", "indicator": "funds"}


def test_unknown_language_falls_back_to_chinese():
    assert lang_of(parse("?lang=fr")) == "zh"
    assert lang_of(parse("")) == "zh"
