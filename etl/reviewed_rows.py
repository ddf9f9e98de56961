"""A reviewer's grid, read back: the accepted candidate rows with the reviewer's edits applied.

The grid comes from the browser, so only the editable fields are read from it; everything else (quote,
offsets, paragraph, confidence, OCR flag) is taken from the server's own proposal, matched by ``row_id``.

Example::

    rows, problems = apply_edits(proposed, grid, resolve, catalogue)
    # grid row {"row_id": "r3", "accept": True, "value_text": "12.5万", "period_text": "2018-2020", ...}
    # -> the proposed row r3 with value 125000.0, period 2018-2020; problems {"r3": [...]} where unreadable
"""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.values import ValueProblem, normalize_text, parse_cell, parse_comparator, unit_mismatch
from text.fields import field_label

TIERS = {"committed": "committed", "stretch": "stretch", "必成": "committed", "力争": "stretch"}
KINDS = ("target", "actual", "baseline")
UNIT_HINT = (
    "按指标的单位填写数值(如 12个),或改选单位相符的指标 / "
    "write the value in the indicator's unit (e.g. 12个), or choose an indicator counted in this unit"
)
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


def indicator_code(text: str, catalogue: dict[str, dict]) -> str | None:
    """An indicator as shown in the grid ("减贫人数 · poor_population_reduced", a code or a name) -> its code."""
    text = (text or "").strip()
    code = text.rsplit("·", 1)[-1].strip()
    if code in catalogue:
        return code
    by_name = [c for c, i in catalogue.items() if text in (i.get("name_zh"), i.get("name_en"))]
    return by_name[0] if len(by_name) == 1 else (code or None)


def _parse_value(text, unit: str):
    """``parse_cell``, and the row's own unit taken off first when the upload reader does not know it (5万羽)."""
    try:
        return parse_cell(text)
    except ValueProblem:
        plain = normalize_text(str(text or ""))
        if not unit or not plain.endswith(unit) or plain == unit:
            raise
        return parse_cell(plain[: -len(unit)])


def _edited(row: dict, edit: dict, resolve: Callable[[str], list[dict]], catalogue: dict) -> tuple[dict, list[str]]:
    out, problems = dict(row), []
    said = str(edit.get("region_text") or "").strip()
    regions = resolve(said) if said else []
    if len(regions) == 1:
        out["region_code"], out["region_name"] = regions[0]["code"], regions[0]["name_zh"]
    elif not said:
        problems.append(
            f"{field_label('region')}: 未填写,文件未写明地区 / missing: the document names no region — "
            "填写地区(代码或名称),或选择文件地区后重新读取 / type the region (code or name), or choose the "
            "document's region and read it again"
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
    code = indicator_code(str(edit.get("indicator_label") or ""), catalogue)
    if code and code != row.get("indicator"):
        out["indicator"] = code
        if code in catalogue:
            out["unit"] = catalogue[code]["unit"]
            out["indicator_name"] = catalogue[code]["name_zh"]
    elif not code:
        problems.append(f"{field_label('indicator')}: 请选择指标 / choose an indicator")
    try:
        out["period_start"], out["period_end"] = parse_period(edit.get("period_text"))
    except ValueProblem as exc:
        problem = exc
        if str(edit.get("period_text")).strip() == "0":  # 今年 in a text that gives no date
            problem = ValueProblem(
                "年份未知,文件未写明日期 / the year is unknown: the document gives no date",
                "填写年份,或填写文件日期后点击“重新读取” / type the year, or give the date and press “Read again”",
            )
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
