"""The documents page's review grid: candidate rows as the reviewer sees and edits them, the chosen row's quote
marked in its paragraph, and problems by row. Pure functions; document text only ever as text, never HTML.

Example::

    grid_row({"row_id": 1, "value": 285200.0, "unit": "人", ...})["value_text"]    # "28.52万人"
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import html

from layouts import ids
from layouts.components import WINDOW_POPUPS
from text.format import zh_number
from text.i18n_documents import dt

COMPARATORS = {"=": "=", ">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈ 约"}
TIER_LABELS = {"committed": "必成 committed", "stretch": "力争 stretch"}
KIND_LABELS = {"target": "目标 target", "actual": "实际 actual", "baseline": "基数 baseline"}
POSSIBLE_MARK = "? 可能 possible"  # the confidence column's word for a row no rule is sure of
UNNAMED = "? 未命名 unnamed"  # a possible row whose words name no indicator: ticked, it needs a name or a choice
# the problem column's text and tooltip: the row's problems, then its notes
PROBLEM_AND_NOTE = (
    "params.data.problem && params.data.note ? params.data.problem + '; ' + params.data.note "
    ": params.data.problem || params.data.note || ''"
)


def _period_text(row: dict) -> str:
    """ "2020" or "2018-2020"; empty when the year is unknown (今年 in an undated text), never 0 or -1."""
    if row.get("period_start") is None or row.get("period_end") is None:
        return ""
    start, end = int(row["period_start"]), int(row["period_end"])
    return str(end) if start == end else f"{start}-{end}"


def _value_text(value: float, unit: str) -> str:
    return f"{zh_number(value) if unit != '%' else f'{value:g}'}{unit}"


def indicator_label(code: str, name_zh: str | None) -> str:
    """How an indicator shows (and is chosen) in the grid: "减贫人数 · poor_population_reduced"."""
    return f"{name_zh} · {code}" if name_zh else code


def grid_row(row: dict) -> dict:
    """A candidate row from the engine as the grid shows it (editable text fields, flags), accepted by default."""
    name = row.get("indicator_name") or row.get("indicator_label")
    if not name and row.get("possible") and str(row["indicator"]).startswith("other:"):
        name = UNNAMED
    return {
        "row_id": str(row["row_id"]),
        "accept": not row.get("possible"),  # a possible target waits for the reviewer's tick
        "possible": bool(row.get("possible")),
        "problem": "",
        "note": "",
        "kind": row.get("kind") or "target",
        "region_text": f"{row.get('region_name') or ''} {row.get('region_code') or ''}".strip(),
        "indicator_label": indicator_label(row["indicator"], name),
        "period_text": _period_text(row),
        "value_text": _value_text(float(row["value"]), row.get("unit") or ""),
        "comparator": row.get("comparator") or "=",
        "tier": row.get("tier") or "committed",
        "confidence": None if row.get("confidence") is None else round(float(row["confidence"]) * 100),
        "ocr": "⚠ OCR" if row.get("ocr") else "",
        "quote": row.get("quote") or "",
        "paragraph": row.get("paragraph") or "",
        "paragraph_quote_start": row.get("paragraph_quote_start"),
        "paragraph_quote_end": row.get("paragraph_quote_end"),
    }


def candidates_grid(rows: list[dict], indicator_labels: list[str], lang: str) -> dag.AgGrid:
    def editable(field: str, key: str, **extra) -> dict:
        return {
            "field": field,
            "headerName": dt(key, lang),
            "editable": True,
            "cellStyle": {"backgroundColor": "#fffbe6"},
            **extra,
        }

    columns = [
        {
            "field": "accept",
            "headerName": dt("col_accept", lang),
            "editable": True,
            "cellDataType": "boolean",
            "width": 76,
            "pinned": "left",
        },
        editable(
            "kind",
            "col_kind",
            width=110,
            cellEditor="agSelectCellEditor",
            cellEditorParams={"values": list(KIND_LABELS)},
            refData=KIND_LABELS,
        ),
        editable("region_text", "col_region", width=160),
        editable(
            "indicator_label",
            "col_indicator",
            width=230,
            # free text with the catalogue's labels suggested: a name the catalogue lacks is a new indicator
            cellEditor="IndicatorEditor",  # assets/dashAgGridComponentFunctions.js
            cellEditorParams={"values": indicator_labels, "label": dt("indicator_editor", lang)},
            # up and down move in the suggestions, not to another row, while the cell is edited
            suppressKeyboardEvent={"function": "params.editing && ['ArrowUp', 'ArrowDown'].includes(params.event.key)"},
        ),
        editable("period_text", "col_period", width=110),
        editable("value_text", "col_value", width=120),
        editable(
            "comparator",
            "col_comparator",
            width=90,
            cellEditor="agSelectCellEditor",
            cellEditorParams={"values": list(COMPARATORS)},
            refData=COMPARATORS,
        ),
        editable(
            "tier",
            "col_tier",
            width=130,
            cellEditor="agSelectCellEditor",
            cellEditorParams={"values": list(TIER_LABELS)},
            refData=TIER_LABELS,
        ),
        {
            "field": "confidence",
            "headerName": dt("col_confidence", lang),
            "width": 90,
            "valueFormatter": {
                "function": f"params.data.possible ? '{POSSIBLE_MARK}' : "
                "params.value == null ? '—' : params.value + '%'"
            },
        },
        {"field": "ocr", "headerName": dt("col_ocr", lang), "width": 80},
        {"field": "quote", "headerName": dt("col_quote", lang), "width": 420, "tooltipField": "quote"},
        {
            "field": "problem",
            "headerName": dt("col_problem", lang),
            "width": 320,
            # the row's problems (red), then its notes (a new indicator it will create: blue, no refusal), on one
            # line, whole in the tooltip and in the list under the grid: wrapped with autoHeight, a long note (a new
            # indicator's pinyin code) made its row seven times as tall (dogfood F9)
            "valueGetter": {"function": PROBLEM_AND_NOTE},
            "tooltipValueGetter": {"function": PROBLEM_AND_NOTE},
            "cellStyle": {"function": "params.data.problem ? {color: '#b02a37'} : {color: '#084298'}"},
        },
    ]
    return dag.AgGrid(
        id=ids.DOC_GRID,
        columnDefs=columns,
        rowData=rows,
        getRowId="params.data.row_id",
        defaultColDef={"resizable": True, "sortable": True},
        dashGridOptions={
            "singleClickEdit": True,
            "popupParent": WINDOW_POPUPS,
            "stopEditingWhenCellsLoseFocus": True,
            "rowClassRules": {
                "doc-row-rejected": "!params.data.accept",
                "doc-row-problem": "!!params.data.problem",
                "doc-row-note": "!params.data.problem && !!params.data.note",
                "doc-row-possible": "!!params.data.possible",
            },
            "tooltipShowDelay": 300,
            "suppressColumnVirtualisation": True,  # a row's problem is in the page even when scrolled off
            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
        },
        style={"height": "360px"},
    )


def quote_view(row: dict | None, lang: str) -> html.Div:
    """The row's paragraph with its quote marked; the paragraph is text only (children, never HTML)."""
    if not row:
        return html.Div(html.P(dt("quote_empty", lang), className="text-muted small mb-0"), id=ids.DOC_QUOTE)
    paragraph, start, end = _paragraph(row)
    parts = [paragraph[:start], html.Mark(paragraph[start:end], className="doc-quote-mark"), paragraph[end:]]
    flag = html.Div(f"⚠ {dt('ocr_row', lang)}", className="text-warning small") if row.get("ocr") else None
    return html.Div(
        [
            html.H3(dt("quote_title", lang), className="h6"),
            flag,
            html.Blockquote(parts, className="doc-paragraph mb-0"),
        ],
        id=ids.DOC_QUOTE,
        className="border rounded p-2 bg-light",
    )


def _paragraph(row: dict) -> tuple[str, int, int]:
    """(paragraph text, quote start, quote end): the engine's paragraph and the quote's offsets inside it."""
    quote = row.get("quote") or ""
    text = str(row.get("paragraph") or quote)
    start, end = row.get("paragraph_quote_start"), row.get("paragraph_quote_end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        start = max(text.find(quote), 0) if quote else 0
        end = start + len(quote) if quote and quote in text else start
    return text, start, end


def problems_view(
    problems: dict[str, list[str]], order: list[str], lang: str, notes: dict[str, list[str]] | None = None
) -> html.Div:
    """Problems by grid row number (1-based, as the reviewer sees the rows), in the grid's order; then the notes
    (new indicators the rows will create), which do not stop a commit, in a box of their own."""
    position = {rid: i + 1 for i, rid in enumerate(order)}

    def listed(found: dict[str, list[str]]) -> html.Ul:
        items = [
            html.Li([html.B(dt("problem_row", lang, row=position.get(rid, "?"))), " ", "; ".join(said)])
            for rid, said in sorted(found.items(), key=lambda item: position.get(item[0], len(order) + 1))
        ]
        return html.Ul(items, className="mb-0")

    errors = [html.Div(["⚠ ", dt("problems_title", lang)], className="fw-bold"), listed(problems)]
    said = [html.Div(["ℹ ", dt("notes_title", lang)], className="fw-bold"), listed(notes)] if notes else []
    if not problems and not said:
        return html.Div(id=ids.DOC_PROBLEMS, className="")
    if not said:
        return html.Div(errors, id=ids.DOC_PROBLEMS, className="alert alert-danger", role="alert")
    if not problems:
        return html.Div(said, id=ids.DOC_PROBLEMS, className="alert alert-info", role="alert")
    boxes = [
        html.Div(errors, className="alert alert-danger"),
        html.Div(said, id="documents-notes", className="alert alert-info"),
    ]
    return html.Div(boxes, id=ids.DOC_PROBLEMS, className="", role="alert")
