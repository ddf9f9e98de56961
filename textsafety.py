"""Text from users made safe, once: found where it enters (imports) and escaped where a format forbids it.

Control characters (C0 but tab and newline, DEL, C1, bidi overrides) are never written raw: XLSX and XML refuse
most of them, a terminal obeys ESC and CR, and a chart's text is markup. They are shown as visible escapes
instead: in text files, spreadsheets and terminals the Unicode control pictures (``\\x1b`` -> ``␛``, ``\\x07`` ->
``␇``, DEL -> ``␡``, C1 as ``<U+0085>``); in images and PDFs, whose fonts have no control pictures, the ASCII
escape (``\\x1b``, ``\\u202e``) so that it prints and copies as written.

Example::

    one_line("a\\x1b[31mb\\nc") == "a␛[31mb␊c"          # footers, file names, terminal listings
    multi_line("第一行\\r\\n第二行\\x07") == "第一行\\n第二行␇"  # spreadsheet and CSV cells
    markup("<a href='x'>y</a>\\x1b") == "&lt;a href='x'&gt;y&lt;/a&gt;\\x1b"  # Plotly text (SVG, PDF, PNG)
    first_control("ok\\x07") == (3, "\\x07")             # where an import refuses the text
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

# C0 (tab, newline and CR are decided per use), DEL, C1, and the bidirectional overrides that reorder what a
# reader sees (U+202A-U+202E, U+2066-U+2069); line and paragraph separators break "one line" as \n does.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_ANY_CONTROL = re.compile(f"[{_CONTROLS}\t\n\r]")
_MULTI_LINE_CONTROL = re.compile(f"[{_CONTROLS}\r]")
_BARE_CONTROL = re.compile(f"[{_CONTROLS}]")


def picture(char: str) -> str:
    """The visible stand-in of one control character.

    Example: ``picture("\\x1b") == "␛"``, ``picture("\\n") == "␊"``, ``picture("\\x85") == "<U+0085>"``
    """
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def ascii_escape(char: str) -> str:
    """The escape of one control character as a program would write it: ``ascii_escape("\x1b") == "\\x1b"``,
    ``ascii_escape("\u202e") == "\\u202e"``."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text) -> str:
    """Every control character, tab and line break included, as a visible escape; ``None`` as "".

    Example: ``one_line("报告.xlsx\\rAPPROVED") == "报告.xlsx␍APPROVED"``
    """
    text = "" if text is None else str(text)
    return _ANY_CONTROL.sub(lambda m: picture(m.group()), text)


def multi_line(text) -> str:
    """Tabs and line breaks kept (CRLF and CR become LF), every other control character a visible escape.

    Example: ``multi_line("a\\r\\nb\\x00") == "a\\nb␀"``
    """
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n")
    return _MULTI_LINE_CONTROL.sub(lambda m: picture(m.group()), text)


def markup(text) -> str:
    """Text for Plotly (titles, annotations, table cells): one line with ASCII escapes, and ``< > &`` as
    entities, so a note holding ``<a href=…>`` or ``<br>`` stays text in an SVG, PDF or PNG.

    Example: ``markup("<b>x</b>\\x1b") == "&lt;b&gt;x&lt;/b&gt;\\\\x1b"``
    """
    text = "" if text is None else str(text)
    return escape(_ANY_CONTROL.sub(lambda m: ascii_escape(m.group()), text), quote=False)


def first_control(text, multiline: bool = False) -> tuple[int, str] | None:
    """(1-based position, character) of the first control character an import refuses, or None.
    ``multiline`` allows tabs and line breaks, LF or CRLF (a note or a quote); single-line fields allow neither.

    Example: ``first_control("第一行\\n第二行", multiline=True) is None``; ``first_control("a\\nb") == (2, "\\n")``
    """
    text = "" if text is None else str(text)
    pattern = _MULTI_LINE_CONTROL if multiline else _ANY_CONTROL
    match = pattern.search(text.replace("\r\n", "\n") if multiline else text)
    return (match.start() + 1, match.group()) if match else None


def describe_control(found: tuple[int, str]) -> str:
    """A located description for an error message. Example: ``describe_control((3, "\\x1b"))`` ==
    ``"第 3 个字符处有控制字符 U+001B (␛) / control character U+001B (␛) at position 3"``"""
    position, char = found
    code = f"U+{ord(char):04X} ({picture(char)})"
    return f"第 {position} 个字符处有控制字符 {code} / control character {code} at position {position}"


def visible_tree(value):
    """A copy of nested dicts, lists and strings with every control character but tab and newline as its ASCII
    escape: the last guard before a figure is drawn (a stored value written before imports refused them).

    Example: ``visible_tree({"text": ["a\\x07"]}) == {"text": ["a\\\\x07"]}``
    """
    if isinstance(value, str):
        if not _MULTI_LINE_CONTROL.search(value):
            return value
        return _MULTI_LINE_CONTROL.sub(lambda m: ascii_escape(m.group()), value.replace("\r\n", "\n"))
    if isinstance(value, dict):
        # boundaries (data/boundaries, never user text) are most of a map's size: not walked
        return {k: v if k == "geojson" else visible_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], int | float):
            return value  # a numeric array (x, y, z, coordinates): plotly draws no text from it
        return [visible_tree(v) for v in value]
    return value


def url_host(url) -> str:
    """A web address's host for short labels, or the address itself when it has none or cannot be parsed
    (``[`` in a host makes ``urlparse`` raise); raw, so callers escape it for their format.

    Example: ``url_host("https://www.gov.cn/x") == "www.gov.cn"``; ``url_host("http://a[b/") == "http://a[b/"``
    """
    text = "" if url is None else str(url)
    try:
        return urlsplit(text).netloc or text
    except ValueError:
        return text


def json_safe(text: str) -> str:
    """JSON text with the control characters ``json.dumps(ensure_ascii=False)`` leaves raw (DEL, C1, bidi
    overrides) as ``\\uXXXX`` escapes: the same JSON value, safe in a terminal.

    Example: ``json_safe('"a\\u202e"') == '"a\\\\u202e"'``
    """
    return _BARE_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # JSON's own line breaks stay


def safe_file_name(stem: str) -> str:
    """A file name valid on Windows too, with no control character:
    ``safe_file_name("other:forest_rangers\\x1b") == "other_forest_rangers_"``."""
    return re.sub(f'[<>:"/\\\\|?*{_CONTROLS}\t\n\r]', "_", str(stem))


_ECHO_SAFE = re.compile(r"[0-9A-Za-z_.\-]{1,40}")


def echo(value) -> str:
    """A request value for an error message: shown only when it is short and plain, never reflected raw.

    Example: ``echo("621100") == "'621100'"``; ``echo("<h1>x</h1>") == "(10 characters, not shown)"``
    """
    text = "" if value is None else str(value)
    return repr(text) if _ECHO_SAFE.fullmatch(text) else f"({len(text)} characters, not shown)"
