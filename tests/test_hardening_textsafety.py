"""``textsafety``: the one place that finds and escapes control characters and markup in user text."""

from __future__ import annotations

import json

import pytest

import textsafety as ts


@pytest.mark.parametrize(
    ("text", "one_line", "multi_line"),
    [
        ("定西市 28.52万", "定西市 28.52万", "定西市 28.52万"),
        ("\x1b[31mred\x1b[0m", "␛[31mred␛[0m", "␛[31mred␛[0m"),
        ("a\r\nb", "a␍␊b", "a\nb"),  # CRLF is a line break in a cell, two escapes on one line
        ("hidden\rshown", "hidden␍shown", "hidden␍shown"),  # a lone CR would overwrite a terminal line
        ("\x00\x07\x7f", "␀␇␡", "␀␇␡"),
        ("tab\there", "tab␉here", "tab\there"),
        ("c1\x85 bidi\u202e", "c1<U+0085> bidi<U+202E>", "c1<U+0085> bidi<U+202E>"),
        (None, "", ""),
    ],
)
def test_control_characters_become_visible_escapes(text, one_line, multi_line):
    assert ts.one_line(text) == one_line
    assert ts.multi_line(text) == multi_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<a href="http://evil.example/">x</a>', '&lt;a href="http://evil.example/"&gt;x&lt;/a&gt;'),
        ("第一行\n第二行<br>", "第一行\\x0a第二行&lt;br&gt;"),
        ("R&D \x1b", "R&amp;D \\x1b"),
    ],
)
def test_markup_keeps_user_text_as_text_in_plotly(text, expected):
    assert ts.markup(text) == expected


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        ("plain 文本", False, None),
        ("line\nbreak", True, None),
        ("line\r\nbreak", True, None),
        ("line\nbreak", False, (5, "\n")),
        ("lone\rcr", True, (5, "\r")),
        ("esc\x1b", True, (4, "\x1b")),
        ("bidi\u202e", True, (5, "\u202e")),
    ],
)
def test_first_control_locates_what_an_import_refuses(text, multiline, found):
    assert ts.first_control(text, multiline=multiline) == found


def test_visible_tree_escapes_every_string_of_a_figure_and_keeps_its_numbers():
    figure = {"data": [{"x": [2019, 2020], "text": ["a\x07", "b"], "name": "n\x1b"}], "layout": {"title": "t"}}
    assert ts.visible_tree(figure) == {
        "data": [{"x": [2019, 2020], "text": ["a\\x07", "b"], "name": "n\\x1b"}],
        "layout": {"title": "t"},
    }


def test_json_safe_is_the_same_json_value_without_raw_controls():
    value = {"note": "a\x85\u202e\x1b\n"}
    text = ts.json_safe(json.dumps(value, ensure_ascii=False, indent=1))
    assert json.loads(text) == value and "\x85" not in text and "\u202e" not in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("621100", "'621100'"),
        ("poor_population_reduced", "'poor_population_reduced'"),
        ("<h1>x</h1>", "(10 characters, not shown)"),
        ("9" * 41, "(41 characters, not shown)"),
        (None, "(0 characters, not shown)"),
    ],
)
def test_echo_quotes_only_short_plain_values(value, expected):
    assert ts.echo(value) == expected


@pytest.mark.parametrize(
    ("url", "host"),
    [("https://www.gov.cn/x", "www.gov.cn"), ("http://a[b/", "http://a[b/"), ("报告", "报告")],
)
def test_url_host_never_raises(url, host):
    assert ts.url_host(url) == host
