"""Filters shared by the pages; their values come from and go to the URL query string."""

from __future__ import annotations

import functools

import dash_bootstrap_components as dbc
from dash import dcc, html

import analysis.status
from layouts import ids
from layouts.doc_text import doc_blocks
from layouts.plain import element, plain
from text.i18n import both, name, t


def indicator_select(indicators: list[dict], value: str | None, lang: str, allow_all: bool) -> dict:
    options = [{"label": t("all_indicators", lang), "value": ""}] if allow_all else []
    options += [{"label": name(i, lang), "value": i["code"]} for i in indicators]
    return element(
        html.Div,
        [
            element(html.Label, t("indicator", lang), htmlFor=ids.INDICATOR_SELECT, className="form-label small mb-0"),
            element(
                dcc.Dropdown,
                id=ids.INDICATOR_SELECT,
                options=options,
                value=value or "",
                clearable=False,
                searchable=False,
                style={"minWidth": "16rem"},
            ),
        ],
        className="me-3",
    )


def region_option(region: dict, lang: str) -> dict:
    """A region filter choice: its name (and its parent's: several counties are called 城关区), searchable by
    either language's name and by code. Example: ``region_option(dingxi, "en")["label"] == "Dingxi City · Gansu
    Province"``"""
    parent = region.get("parent_en" if lang == "en" else "parent_zh")
    label = name(region, lang) + (f" · {parent}" if parent else "")
    return {
        "label": label,
        "value": region["code"],
        "search": f"{region['name_zh']} {region['name_en']} {region['code']}",
    }


def region_options(regions: list[dict], lang: str, keep: list[dict] = ()) -> list[dict]:
    """``region_option`` of each region, after the options in ``keep`` (the chosen one), none twice."""
    out = list(keep)
    seen = {o["value"] for o in out}
    out += [o for o in (region_option(r, lang) for r in regions) if o["value"] not in seen]
    return out


def region_select(choices: list[dict], value: str | None, lang: str) -> dict:
    """The overview's region filter: a searchable dropdown (more regions are found by name or code as one types,
    ``callbacks/overview.py``); empty: the whole country."""
    return element(
        html.Div,
        [
            element(
                html.Label, t("region_filter", lang), htmlFor=ids.OVERVIEW_REGION, className="form-label small mb-0"
            ),
            element(
                dcc.Dropdown,
                id=ids.OVERVIEW_REGION,
                options=region_options(choices, lang),
                value=value or None,
                clearable=True,
                searchable=True,
                placeholder=t("whole_country", lang),
                labels={
                    "search": t("region_search", lang),
                    "no_options_found": t("no_region_found", lang),
                    "clear_search": t("clear_search", lang),
                    "clear_selection": t("clear_region", lang),
                },
                search_order="original",
                style={"minWidth": "16rem"},
            ),
        ],
        className="me-3",
    )


def year_marks(lo: int, hi: int, labelled: int = 8) -> dict[int, str]:
    """A tick for every year, a label on at most about ``labelled`` of them, the first and the last always: fourteen
    years' labels side by side in the slider's 18–34rem run together (「2011201220132014…」).

    Example: ``[y for y, s in year_marks(2011, 2024).items() if s] == [2011, 2013, 2015, 2017, 2019, 2021, 2024]``
    """
    step = max(1, -(-(hi - lo + 1) // labelled))
    return {y: str(y) if y == hi or ((y - lo) % step == 0 and hi - y >= step) else "" for y in range(lo, hi + 1)}


def year_range(bounds: tuple[int, int], value: tuple[int, int], lang: str) -> dict:
    lo, hi = bounds
    return element(
        html.Div,
        [
            element(html.Label, t("years", lang), htmlFor=ids.YEAR_RANGE, className="form-label small mb-0"),
            element(
                dcc.RangeSlider,
                id=ids.YEAR_RANGE,
                min=lo,
                max=hi,
                step=1,
                value=list(value),
                marks=year_marks(lo, hi),
                allowCross=True,
                tooltip=None,
                updatemode="mouseup",
            ),
        ],
        className="me-3 flex-grow-1",
        style={"minWidth": "18rem", "maxWidth": "34rem"},
    )


def plan_select(value: str, lang: str) -> dict:
    return element(
        html.Div,
        [
            element(html.Label, t("plan", lang), className="form-label small mb-0 d-block"),
            element(
                dcc.RadioItems,
                id=ids.PLAN_SELECT,
                value=value,
                inline=True,
                inputClassName="me-1",
                labelClassName="me-3",
                options=[
                    {"label": t("plan_original", lang), "value": "original"},
                    {"label": t("plan_revised", lang), "value": "revised"},
                ],
            ),
        ],
        className="me-3",
    )


def reported_toggle(value: bool, lang: str) -> html.Div:
    return html.Div(
        dcc.Checklist(
            id=ids.REPORTED_ONLY,
            options=[{"label": t("reported_only", lang), "value": "1"}],
            value=["1"] if value else [],
            inputClassName="me-1",
        ),
        className="me-3 align-self-center",
    )


@functools.lru_cache(maxsize=8)
def status_help(lang: str) -> dict:
    """The status rule, from ``analysis.status``'s docstring, in a disclosure that works without scripts.

    The same on every page in a language (the rule's text is the code's own), so built once per language, as
    the plain data Dash sends (``layouts/plain.py``); pages share it and never change it.
    """
    return plain(
        html.Details(
            [
                html.Summary(f"ⓘ {t('status_rule', lang)}", className="btn btn-outline-secondary btn-sm"),
                html.Div(doc_blocks(analysis.status.__doc__), className="card card-body small mt-1 status-help-body"),
            ],
            id=ids.STATUS_HELP,
            className="align-self-start",
        )
    )


def filter_bar(children: list, shown: dict | None = None) -> dict:
    """The filters, with the view state they show (indicator, plan, from, to, region) kept beside them: a callback
    then tells a user's change from the values the page was rendered with. Folded behind one button on phones."""
    keep = {k: (shown or {}).get(k) for k in ("indicator", "plan", "from", "to", "region")}
    return folding_filters(
        element(
            html.Div,
            [*children, element(dcc.Store, id=ids.VIEW_STATE, data=keep)],
            className="d-flex flex-wrap align-items-end gap-2 p-2 border rounded bg-light",
        ),
        className="mb-3",
    )


def folding_filters(body, className: str = "") -> dict:
    """``body`` as it is on wider screens; on phones (CSS ``.filter-fold``) folded behind a "筛选 Filters"
    button that opens and closes it (``callbacks/folding.py``)."""
    return element(
        html.Div,
        [
            element(
                html.Button,
                ["☰ ", both("filters")],
                id=ids.FILTER_TOGGLE,
                type="button",
                className="btn btn-outline-secondary btn-sm filter-toggle mb-2",
                **{"aria-controls": ids.FILTER_COLLAPSE, "aria-expanded": "false"},
            ),
            element(dbc.Collapse, body, id=ids.FILTER_COLLAPSE, is_open=False, className="filter-fold"),
        ],
        className=className,
    )
