"""The upload page: template download, file upload, located errors, preview with counts, note and confirm,
and a grid to correct single values. Pure functions of their arguments."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from layouts import ids
from layouts.components import WINDOW_POPUPS
from text.comparators import CELL_CHOICES
from text.format import format_value
from text.i18n import dropdown_labels, t
from text.i18n_documents import dt

MAX_SHOWN = 500
MB = 1024 * 1024


def upload_page(regions: list[dict], lang: str, limits) -> html.Div:
    """The upload page; ``limits`` (``etl.filesafety.Limits``) says how large a file may be."""
    options = [{"label": f"{r['name_zh']} ({r['code']})", "value": r["code"]} for r in regions]
    max_bytes = limits.max_bytes
    limits = f"{t('limits', lang)}: ≤ {max_bytes // MB} MB, ≤ {limits.max_rows:,} " + (
        "行;.xlsx 或 .csv(UTF-8 / GBK);不接受 .xlsm 与加密文件;公式不会被计算。"
        if lang == "zh"
        else "rows; .xlsx or .csv (UTF-8 / GBK); no .xlsm or encrypted files; formulas are never calculated."
    )
    return html.Div(
        [
            html.H1(t("upload_title", lang), className="h4"),
            dcc.Store(id=ids.UPLOAD_STATE),
            html.Section(
                [
                    html.H2(t("template_step", lang), className="h6"),
                    html.Div(
                        [
                            html.Label(
                                t("template_region", lang),
                                htmlFor=ids.UPLOAD_TEMPLATE_REGION,
                                className="form-label me-2",
                            ),
                            dcc.Dropdown(
                                id=ids.UPLOAD_TEMPLATE_REGION,
                                options=options,
                                placeholder=t("dropdown_placeholder", lang),
                                labels=dropdown_labels(lang),
                                style={"minWidth": "18rem"},
                            ),
                            html.Button(
                                t("template_download", lang),
                                id=ids.UPLOAD_TEMPLATE_BUTTON,
                                className="btn btn-outline-primary",
                            ),
                            dcc.Download(id=ids.UPLOAD_TEMPLATE_DOWNLOAD),
                        ],
                        className="d-flex align-items-center gap-2 mb-3",
                    ),
                ]
            ),
            html.Section(
                [
                    html.H2(t("upload_step", lang), className="h6"),
                    html.Div(
                        [
                            html.Label(t("csv_kind", lang), htmlFor=ids.UPLOAD_KIND, className="form-label me-2"),
                            dcc.RadioItems(
                                id=ids.UPLOAD_KIND,
                                value="",
                                inline=True,
                                inputClassName="me-1",
                                labelClassName="me-3",
                                options=[
                                    {"label": t("kind_auto", lang), "value": ""},
                                    {"label": t("target", lang), "value": "target"},
                                    {"label": t("actual", lang), "value": "actual"},
                                ],
                            ),
                        ],
                        className="d-flex align-items-center flex-wrap gap-1 mb-2",
                    ),
                    dcc.Upload(
                        id=ids.UPLOAD_FILE,
                        children=html.Div(t("drop_file", lang)),
                        multiple=False,
                        accept=".xlsx,.csv",
                        max_size=4 * max_bytes,
                        className="border border-2 border-secondary-subtle rounded p-4 text-center mb-1",
                        style={"borderStyle": "dashed", "cursor": "pointer"},
                    ),
                    html.P(limits, className="text-muted small"),
                ]
            ),
            # Spinners only while a file is checked or committed, not while the note is typed.
            dcc.Loading(
                html.Div(id=ids.UPLOAD_RESULT, className="mb-3"), target_components={ids.UPLOAD_RESULT: "children"}
            ),
            dcc.Loading(
                html.Div(id=ids.UPLOAD_DONE, className="mb-3"), target_components={ids.UPLOAD_DONE: "children"}
            ),
            html.Section(
                [
                    html.H2(t("edit_step", lang), className="h6"),
                    html.Div(
                        [
                            html.Label(t("edit_region", lang), htmlFor=ids.EDIT_REGION, className="form-label me-2"),
                            dcc.Dropdown(
                                id=ids.EDIT_REGION,
                                options=options,
                                placeholder=t("dropdown_placeholder", lang),
                                labels=dropdown_labels(lang),
                                style={"minWidth": "18rem"},
                            ),
                            html.Button(
                                t("edit_preview", lang), id=ids.EDIT_PREVIEW_BUTTON, className="btn btn-outline-primary"
                            ),
                        ],
                        className="d-flex align-items-center gap-2 mb-2",
                    ),
                    html.P(t("edit_hint", lang), className="text-muted small"),
                    edit_grid([], lang),
                ],
                className="mb-3",
            ),
            dcc.Download(id=ids.UPLOAD_ERRORS_DOWNLOAD),
        ]
    )


def edit_grid(rows: list[dict], lang: str) -> dag.AgGrid:
    columns = [
        {"field": "kind_label", "headerName": t("kind", lang), "width": 90},
        {"field": "indicator", "headerName": t("indicator", lang), "flex": 2},
        {"field": "period_start", "headerName": "起始年" if lang == "zh" else "From", "width": 100},
        {"field": "period_end", "headerName": "截止年" if lang == "zh" else "To", "width": 100},
        {
            "field": "comparator",
            "headerName": "比较" if lang == "zh" else "Comparator",
            "editable": True,
            "width": 110,
            "cellEditor": "agSelectCellEditor",
            "cellEditorParams": {"values": list(CELL_CHOICES)},
        },
        {
            "field": "value",
            "headerName": t("value", lang),
            "editable": True,
            "flex": 1,
            "cellStyle": {"backgroundColor": "#fffbe6"},
        },
        {"field": "unit", "headerName": "单位" if lang == "zh" else "Unit", "width": 80},
    ]
    return dag.AgGrid(
        id=ids.EDIT_GRID,
        columnDefs=columns,
        rowData=rows,
        columnSize="responsiveSizeToFit",
        defaultColDef={"sortable": True, "filter": True, "resizable": True},
        dashGridOptions={
            "singleClickEdit": False,
            "popupParent": WINDOW_POPUPS,  # the grid ends the page: its comparator list opened below the window
            "stopEditingWhenCellsLoseFocus": True,
            "localeText": {"noRowsToShow": "请先选择地区 · Choose a region"},
        },
        style={"height": "260px"},
    )


def errors_view(problems: list[dict], lang: str) -> html.Div:
    """The located problems as a table, with the annotated-workbook download button."""
    head = html.Thead(
        html.Tr(
            [html.Th(t(k, lang)) for k in ("col_sheet", "col_row", "col_column", "col_value", "col_problem", "col_fix")]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(p["sheet"]),
                    html.Td(p["row"] or ""),
                    html.Td(p["column"]),
                    html.Td(html.Code(p["value"])),
                    html.Td(p["message"]),
                    html.Td(p["hint"]),
                ]
            )
            for p in problems[:MAX_SHOWN]
        ]
    )
    return html.Div(
        [
            html.Div(
                ["⚠ ", t("errors_found", lang).format(n=len(problems))],
                className="alert alert-danger",
                role="alert",
                id="upload-errors-summary",
            ),
            html.Button(
                t("download_errors", lang), id=ids.UPLOAD_ERRORS_BUTTON, className="btn btn-outline-danger mb-2"
            ),
            html.Table([head, body], className="table table-sm table-bordered", id="upload-errors-table"),
        ]
    )


def _status(status: str, lang: str, kind: str = "") -> html.Span:
    """A row's status badge; a new target sets its year for the first time: the original plan of it."""
    style = {"new": "text-bg-primary", "changed": "text-bg-warning", "unchanged": "text-bg-light border"}[status]
    label = "status_first_set" if status == "new" and kind == "target" else f"status_{status}"
    return html.Span(t(label, lang), className=f"badge {style}")


def _kind(item: dict, lang: str) -> str:
    """目标 Target, or 目标 · 力争 for a stretch-tier target (compared with the stored stretch figure only)."""
    kind = t(item["kind"], lang)
    return f"{kind} · {dt('tier_stretch', lang)}" if item.get("tier") == "stretch" else kind


def _change_row(item: dict, lang: str, names: dict[str, str]) -> html.Tr:
    old = (
        "—"
        if item["old_value"] is None
        else format_value(item["old_value"], item["unit"], lang, item["old_comparator"])
    )
    new = format_value(item["new_value"], item["unit"], lang, item["new_comparator"])
    period = (
        str(item["period_end"])
        if item["period_start"] == item["period_end"]
        else f"{item['period_start']}–{item['period_end']}"
    )
    return html.Tr(
        [
            html.Td(_status(item["status"], lang, item["kind"])),
            html.Td(_kind(item, lang)),
            html.Td(f"{item['region_name']} {item['region_code']}"),
            html.Td(
                f"{names[item['indicator']]} · {item['indicator']}" if item["indicator"] in names else item["indicator"]
            ),
            html.Td(period),
            html.Td(f"{old} → {new}"),
            html.Td(f"{item['sheet']} / {item['row']}"),
        ]
    )


def _table(items: list[dict], lang: str, table_id: str, names: dict[str, str] | None = None) -> html.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(x)
                for x in (
                    t("col_status", lang),
                    t("kind", lang),
                    t("region", lang),
                    t("indicator", lang),
                    t("year", lang),
                    t("col_old_new", lang),
                    f"{t('col_sheet', lang)} / {t('col_row', lang)}",
                )
            ]
        )
    )
    shown = [_change_row(i, lang, names or {}) for i in items[:MAX_SHOWN]]
    more = [html.Tr(html.Td(f"… +{len(items) - MAX_SHOWN}", colSpan=7))] if len(items) > MAX_SHOWN else []
    return html.Table([head, html.Tbody(shown + more)], className="table table-sm", id=table_id)


def preview_view(
    counts: dict, items: list[dict], lang: str, file_name: str = "", names: dict[str, str] | None = None
) -> html.Div:
    """Counts, every change as old → new, unchanged rows folded away, the required note and the confirm button;
    ``file_name`` says which file this is, ``names`` the indicators' names in ``lang`` by code."""
    names = names or {}
    changes = [i for i in items if i["status"] != "unchanged"]
    unchanged = [i for i in items if i["status"] == "unchanged"]
    badges = html.Div(
        [
            html.Span([_status(s, lang), f" {counts[s]:,}"], className="me-3", id=f"upload-count-{s}")
            for s in ("new", "changed", "unchanged")
        ],
        className="mb-2",
    )
    return html.Div(
        [
            html.H2(t("preview_title", lang), className="h6"),
            html.P(
                f"{t('preview_file', lang)}: {file_name}", className="small text-muted mb-1", id="upload-preview-file"
            )
            if file_name
            else None,
            badges,
            _table(changes, lang, "upload-preview-table", names) if changes else html.P(t("nothing_to_import", lang)),
            html.Details(
                [
                    html.Summary(f"{t('show_unchanged', lang)} ({len(unchanged):,})"),
                    _table(unchanged, lang, "upload-unchanged-table", names),
                ]
            )
            if unchanged
            else None,
            html.Div(
                [
                    html.Label(t("note_label", lang), htmlFor=ids.UPLOAD_NOTE, className="form-label"),
                    dcc.Input(id=ids.UPLOAD_NOTE, type="text", value="", className="form-control mb-2", debounce=False),
                    html.Button(t("confirm", lang), id=ids.UPLOAD_CONFIRM, className="btn btn-primary", disabled=True),
                ]
            )
            if changes
            else None,
        ],
        id=ids.UPLOAD_PREVIEW,
    )
