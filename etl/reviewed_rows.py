"""A reviewer's grid, read back: the accepted candidate rows with the reviewer's edits applied.

The grid comes from the browser, so only the editable fields are read from it; everything else (quote,
offsets, paragraph, confidence, OCR flag) is taken from the server's own proposal, matched by ``row_id``.

Example::

    rows, problems = apply_edits(proposed, grid, resolve, catalogue)
    # grid row {"row_id": "r3", "accept": True, "value_text": "12.5万", "period_text": "2018-2020", ...}
    # -> the proposed row r3 with value 125000.0, period 2018-2020; problems {"r3": [...]} where unreadable

The indicator is free text: a catalogue label, code or name picks that indicator; any other name is a new ``other:``
indicator with that readable name and the value's unit, stored with the document (``etl.intake.commit``). Such a
row carries ``indicator_note``: a note for the reviewer (not a problem), with "did you mean" when the name is close
to a catalogue one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import NamedTuple

from etl.extract.indicators import CODE_MAX, names_something, readable_label, unknown_code
from etl.intake.problems import UNKNOWN_YEAR
from etl.values import ValueProblem, normalize_text, parse_cell, parse_comparator, unit_mismatch
from text.fields import field_label

TIERS = {"committed": "committed", "stretch": "stretch", "必成": "committed", "力争": "stretch"}
KINDS = ("target", "actual", "baseline")
UNIT_HINT = (
    "按指标的单位填写数值(如 12个),或改选单位相符的指标 / "
    "write the value in the indicator's unit (e.g. 12个), or choose an indicator counted in this unit"
)
YEAR_HINT = "填写年份,或填写文件日期后点击“重新读取” / type the year, or give the date and press “Read again”"
REGION_HINT = (
    "填写地区(代码或名称),或选择文件地区后重新读取 / type the region (code or name), or choose the document's "
    "region and read it again"
)
PAGE_HINTS = (YEAR_HINT, REGION_HINT)  # what the page's controls do; the command line says its options instead
_PERIOD = re.compile(r"(\d{4})年?(?:[-–—~至到](\d{4})年?)?")


def parse_period(text) -> tuple[int, int]:
    """A year or period: "2020" -> (2020, 2020); "2018-2020", "2018–2020年", "2018至2020" -> (2018, 2020).

    Anything else raises ValueProblem with how to write it."""
    found = _PERIOD.fullmatch(normalize_text(str(text or "")))
    if not found:
        raise ValueProblem(
            f"{text!r} 不是年份或期间 / {text!r} is not a year or period",
            "填写 2020 或 2018-2020 / write 2020 or 2018-2020",
        )
    start = int(found.group(1))
    end = int(found.group(2) or start)
    if end < start:
        raise ValueProblem(
            f"期间 {text!r} 的截止年早于起始年 / the period {text!r} ends before it starts",
            "先写较早的年份 / write the earlier year first",
        )
    return start, end


class IndicatorChoice(NamedTuple):
    """What the reviewer's indicator cell says: a code (None when it says none), and for an indicator the catalogue
    lacks its readable ``name``; ``ambiguous``: the codes a name shared by several indicators could mean."""

    code: str | None
    name: str | None = None
    ambiguous: tuple[str, ...] = ()


OTHER = "other:"
_OTHER_CODE = re.compile(rf"{OTHER}[a-z0-9_]{{1,{CODE_MAX - len(OTHER)}}}")
NEAR_RATIO = 0.8  # difflib's ratio from which a new indicator's name is taken as a likely typo of a catalogue one


def read_indicator(text: str, catalogue: dict[str, dict], measure: str = "") -> IndicatorChoice:
    """An indicator as typed or chosen in the grid: a catalogue label ("减贫人数 · poor_population_reduced"), code
    or name -> its code; a label of an unknown indicator the extractor named ("扶贫车间 · other:fu_pin_che_jian")
    -> that code; any other name -> a new ``other:`` code (``unknown_code``, ``measure`` the value's unit) with its
    readable name. Text that names nothing ("15个", "合计") -> no code.

    >>> read_indicator("贫困村基本实现全面小康", {}, "个")[:2]
    ('other:pin_kun_cun_ji_ben_shi_xian_quan_mian_xiao_kang', '贫困村基本实现全面小康')
    """
    text = " ".join(str(text or "").split())
    if not text:
        return IndicatorChoice(None)
    name_part, dot, code = (part.strip() for part in text.rpartition("·"))
    if code in catalogue:
        return IndicatorChoice(code)
    by_name = [c for c, i in catalogue.items() if text in (i.get("name_zh"), i.get("name_en"))]
    if len(by_name) > 1:
        return IndicatorChoice(None, ambiguous=tuple(by_name))
    if by_name:
        return IndicatorChoice(by_name[0])
    if dot and _OTHER_CODE.fullmatch(code):  # "? 未命名 unnamed · other:x": the grid's mark is no name
        return IndicatorChoice(code, None if name_part.startswith("?") else readable_label(name_part) or None)
    name = readable_label(text).strip()
    if names_something(name):
        code = unknown_code(name, measure)
    elif re.search(r"[A-Za-z]{2}", name) and not re.search(r"[\u4e00-\u9fff]", name):
        code = OTHER + "_".join(re.findall(r"[a-z0-9]+", name.lower()))[: CODE_MAX - len(OTHER)].strip("_")
    else:
        return IndicatorChoice(None)
    known = catalogue.get(code)
    if known is None or name in (known.get("name_zh"), known.get("name_en")):
        return IndicatorChoice(code, name)
    for n in range(2, 100):  # the code of another indicator (two names alike in pinyin): a code of its own
        suffix = f"_{n}"
        free = code[: CODE_MAX - len(suffix)] + suffix
        if free not in catalogue or name in (catalogue[free].get("name_zh"), catalogue[free].get("name_en")):
            return IndicatorChoice(free, name)
    return IndicatorChoice(None)


def indicator_code(text: str, catalogue: dict[str, dict], measure: str = "") -> str | None:
    """An indicator as shown in the grid ("减贫人数 · poor_population_reduced", a code or a name) -> its code; a
    name the catalogue lacks -> a new ``other:`` code (``read_indicator``)."""
    return read_indicator(text, catalogue, measure).code


def near_label(name: str, catalogue: dict[str, dict]) -> str | None:
    """The catalogue label closest to a new indicator's name when it is close enough to be a typo of it
    (difflib ratio >= 0.8): "贫困村退出数" -> "贫困村退出 · villages_exited"."""
    best, label = NEAR_RATIO, None
    for code, info in catalogue.items():
        for said in (info.get("name_zh"), info.get("name_en")):
            if said and (ratio := difflib.SequenceMatcher(None, name.lower(), said.lower()).ratio()) >= best:
                best, label = ratio, f"{info.get('name_zh') or said} · {code}"
    return label


def new_indicator_note(code: str, name: str, catalogue: dict[str, dict]) -> str:
    """The note a row with an indicator the catalogue lacks carries (not a problem: it does not stop the commit),
    with the catalogue label its name is close to, if any."""
    note = (
        f"{field_label('indicator')}: 新指标:{name}({code})将随本文件保存 / "
        f"new indicator {name} ({code}) will be saved with this document"
    )
    near = near_label(name, catalogue)
    return note + (f";是否指 {near}? / did you mean {near}?" if near else "")


def _parse_value(text, unit: str):
    """``parse_cell``, and the row's own unit taken off first when the upload reader does not know it (5万羽)."""
    try:
        return parse_cell(text)
    except ValueProblem:
        plain = normalize_text(str(text or ""))
        if not unit or not plain.endswith(unit) or plain == unit:
            raise
        return parse_cell(plain[: -len(unit)])


def _written_unit(edit: dict, row: dict) -> str:
    """The unit the row's value is counted in: as written with the value (万 taken off), else the row's own."""
    try:
        written = _parse_value(edit.get("value_text"), str(row.get("unit") or "")).unit
    except ValueProblem:
        written = ""
    return written or str(row.get("unit") or "")


def _indicator(out: dict, row: dict, edit: dict, catalogue: dict, problems: list[str]) -> None:
    """The indicator cell read into ``out``: a catalogue indicator with its unit and name; a new one with the name
    the reviewer typed and the value's unit, and a note saying it will be created (``indicator_note``)."""
    said = " ".join(str(edit.get("indicator_label") or "").split())
    measure = _written_unit(edit, row)
    choice = read_indicator(said, catalogue, measure)
    code = choice.code
    if code and code != row.get("indicator"):
        out["indicator"] = code
        if code in catalogue:
            out["unit"] = catalogue[code]["unit"]
            out["indicator_name"] = catalogue[code]["name_zh"]
        else:  # a name the catalogue lacks: a new indicator, counted in the unit its value is written in
            out["unit"] = measure
            out["indicator_name"] = choice.name
    elif code and choice.name and code not in catalogue:
        out["indicator_name"] = choice.name
    elif choice.ambiguous:
        problems.append(
            f"{field_label('indicator')}: {said!r} 可指多个指标({'、'.join(choice.ambiguous)}),请从列表中选择 / "
            f"could be several indicators ({', '.join(choice.ambiguous)}): choose one from the list"
        )
    elif not said:
        problems.append(f"{field_label('indicator')}: 请选择指标 / choose an indicator")
    elif not code:
        problems.append(
            f"{field_label('indicator')}: {said!r} 不是指标名称 / names no indicator — 从列表中选择指标,或填写指标名称"
            "(不含数字,如 贫困村基本实现全面小康) / choose one from the list, or type the indicator's name without "
            "its number"
        )
    final, name = str(out.get("indicator") or ""), str(out.get("indicator_name") or "").strip()
    if final.startswith(OTHER) and final not in catalogue and name:
        out["indicator_note"] = new_indicator_note(final, name, catalogue)


def _edited(row: dict, edit: dict, resolve: Callable[[str], list[dict]], catalogue: dict) -> tuple[dict, list[str]]:
    out, problems = dict(row), []
    said = str(edit.get("region_text") or "").strip()
    regions = resolve(said) if said else []
    if len(regions) == 1:
        out["region_code"], out["region_name"] = regions[0]["code"], regions[0]["name_zh"]
    elif not said:
        problems.append(
            f"{field_label('region')}: 未填写,文件未写明地区 / missing: the document names no region — {REGION_HINT}"
        )
    else:
        problems.append(
            f"{field_label('region')}: {edit.get('region_text')!r} "
            + (
                "可指多个地区 / could be several regions, use the adcode"
                if regions
                else "不在地区表中 / is no known region"
            )
        )
    _indicator(out, row, edit, catalogue, problems)
    try:
        out["period_start"], out["period_end"] = parse_period(edit.get("period_text"))
    except ValueProblem as exc:
        problem = exc
        if not str(edit.get("period_text") or "").strip():  # 今年 in a text that gives no date: proposed empty
            problem = ValueProblem(UNKNOWN_YEAR, YEAR_HINT)
        problems.append(f"{field_label('year')}: {problem} — {problem.hint}")
    try:
        out["comparator"] = parse_comparator(edit.get("comparator") or "=")
        parsed = _parse_value(edit.get("value_text"), str(row.get("unit") or ""))
        out["value"] = parsed.value
        if parsed.comparator != "=":
            out["comparator"] = parsed.comparator
        unit = (catalogue.get(out["indicator"]) or {}).get("unit") or ""
        if unit and (mismatch := unit_mismatch(out["indicator"], unit, parsed.unit)):  # as an upload refuses it
            problems.append(f"{field_label('value')}: {edit.get('value_text')!r}: {mismatch} — {UNIT_HINT}")
    except ValueProblem as exc:
        problems.append(f"{field_label('value')}: {exc} — {exc.hint}")
    kind = str(edit.get("kind") or row.get("kind") or "target")
    if kind in KINDS:
        out["kind"] = kind
    else:
        problems.append(f"{field_label('kind')}: {kind!r} — 目标 target / 实际 actual / 基数 baseline")
    tier = TIERS.get(str(edit.get("tier") or "committed").strip())
    if tier is None:
        problems.append(f"{field_label('tier')}: {edit.get('tier')!r} — 必成 committed / 力争 stretch")
    else:
        out["tier"] = tier
    return out, problems


def apply_edits(
    proposed: list[dict], grid: list[dict], resolve: Callable[[str], list[dict]], catalogue: dict[str, dict]
) -> tuple[list[dict], dict[str, list[str]]]:
    """The accepted rows (proposal order) with the grid's edits, and the unreadable edits by ``row_id``.

    A grid row whose ``row_id`` the proposal does not hold is ignored: the browser cannot add rows.
    """
    edits = {str(g.get("row_id")): g for g in grid or [] if isinstance(g, dict)}
    rows, problems = [], {}
    for row in proposed:
        edit = edits.get(str(row["row_id"]))
        if edit is None or edit.get("accept") is not True:
            continue
        out, found = _edited(row, edit, resolve, catalogue)
        rows.append(out)
        if found:
            problems[str(row["row_id"])] = found
    return rows, problems
