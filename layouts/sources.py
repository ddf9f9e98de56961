"""The sources panel: for each figure, its document or page, the quote with the number marked, its
reliability (low reliability flagged) and plan version."""

from __future__ import annotations

from dash import html

from db.queries import REPORTED
from layouts.charts import STRETCH_LABEL
from text.format import en_number, format_value, zh_number
from text.i18n import reliability, t, tf


def number_spellings(value: float) -> list[str]:
    """Ways a number is written in a quote, longest first: 635000 -> ["63.5万", "63.5萬", "635,000", ...]."""
    zh = zh_number(value)
    out = [zh, zh.replace("万", "萬"), en_number(value)]
    if float(value).is_integer():
        out.append(str(int(value)))
    else:
        out.append(f"{value:g}")
    if "万" in zh:
        out.append(zh.replace("万", ""))
    return sorted(dict.fromkeys(s for s in out if s), key=len, reverse=True)


def highlight(quote: str, value: float) -> list:
    """The quote with the first spelling of ``value`` found wrapped in ``<mark>``."""
    for text in number_spellings(value):
        i = quote.find(text)
        if i >= 0:
            return [quote[:i], html.Mark(text), quote[i + len(text) :]]
    return [quote]


def region_label(row: dict, names: dict[str, dict], lang: str) -> str:
    """A figure's region as the page's language names it, the Chinese name after an English one (the quote is
    Chinese): ``region_label({"region_code": "530600", "region_name": "昭通市"},
    {"530600": {"name_en": "Zhaotong City"}}, "en") == "Zhaotong City (昭通市)"``."""
    english = (names.get(row.get("region_code")) or {}).get("name_en") if lang == "en" else None
    return f"{english} ({row['region_name']})" if english and english != row["region_name"] else row["region_name"]


def kind_label(row: dict, lang: str) -> str:
    """目标 Target, 实际 Actual, or 力争目标 Stretch target for a stretch-tier (力争) target, as the year table's
    column and the chart's series name it: ``kind_label({"kind": "target", "tier": "stretch"}, "zh") == "力争目标"``."""
    if row["kind"] == "target" and row.get("tier") == "stretch":
        return STRETCH_LABEL.get(lang, STRETCH_LABEL["zh"])
    return t("target" if row["kind"] == "target" else "actual", lang)


def reported_by(row: dict, users: dict[int, str], lang: str) -> html.Span | None:
    """Which batch, and whose, a figure uploaded or edited without a source link came in (its reliability says so,
    db.queries.REPORTED): ``批次 12 · li``; None for a figure with a source."""
    if row["reliability"] not in REPORTED.values() or row["batch_id"] not in users:
        return None
    said = tf("reported_by", lang, id=row["batch_id"], user=users[row["batch_id"]])
    return html.Span(said, className="small text-muted ms-2 source-reported-by")


def source_cards(
    rows: list[dict], lang: str, names: dict[str, dict] | None = None, users: dict[int, str] | None = None
) -> list:
    """One card per figure; ``names`` (adcode -> {"name_en", ...}) gives regions their English names; ``users``
    (batch id -> account) who uploaded the figures that cite no source."""
    cards, names, users = [], names or {}, users or {}
    for r in rows:
        low = r["reliability"] == "low"
        link = (
            html.A(
                r["source_url"],
                href=r["source_url"],
                target="_blank",
                rel="noopener noreferrer",
                className="text-break",
            )
            if r["source_url"]
            else None
        )
        cards.append(
            html.Div(
                [
                    html.Div(
                        [
                            html.Strong(
                                f"{region_label(r, names, lang)} {r['period_start']}"
                                + (f"–{r['period_end']}" if r["period_end"] != r["period_start"] else "")
                                + " "
                            ),
                            html.Span(kind_label(r, lang), className="me-1"),
                            html.Strong(format_value(r["value"], r["unit"], lang, r["comparator"])),
                            html.Span(
                                reliability(r["reliability"], lang),
                                className="badge ms-2 " + ("text-bg-warning" if low else "text-bg-light border"),
                            ),
                            reported_by(r, users, lang),
                        ]
                    ),
                    html.Div([t("source", lang), ": ", html.Span(r["source"], className="fw-bold")], className="small"),
                    html.Div(link, className="small") if link else None,
                    html.Blockquote(
                        highlight(r["quote"], float(r["value"])) if r["quote"] else "—",
                        className="small border-start border-3 ps-2 my-1 source-quote",
                    ),
                    html.Div(f"{t('plan_version', lang)}: {r['plan_version']}", className="small text-muted")
                    if r["plan_version"]
                    else None,
                    html.Div(r["note"], className="small text-muted") if r.get("note") else None,
                ],
                className="card card-body mb-2 p-2" + (" border-warning border-2" if low else ""),
                **{"data-reliability": r["reliability"]},
            )
        )
    return cards
