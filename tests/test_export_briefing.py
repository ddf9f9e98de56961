"""Briefing packs for 定西 and 陕西: the PDF opens with one page per indicator; the XLSX has native charts."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import openpyxl
import pytest

from db.session import make_engine, session_factory
from export.briefing import MAX_CHILD_ROWS, briefing_pdf, collect
from export.workbook import briefing_xlsx, sheet_title

REGIONS = {"621100": "定西市", "610000": "陕西省"}


@pytest.fixture(scope="module", params=sorted(REGIONS))
def pack(request, seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        return collect(session, request.param)


def test_pack_covers_every_charted_indicator_of_the_region_and_its_children(pack):
    assert pack.pages, "at least one indicator is charted"
    codes = [p.chart.indicator["code"] for p in pack.pages]
    assert len(codes) == len(set(codes))
    assert "poor_population_reduced" in codes
    assert all(p.chart.region["code"] == pack.region["code"] for p in pack.pages)


def test_briefing_pdf_opens_with_a_cover_and_one_page_per_indicator(pack, tmp_path, output_dir):
    data = briefing_pdf(pack)
    path = output_dir / f"briefing-{pack.region['code']}.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(pack.pages) + 1
    assert f"{REGIONS[pack.region['code']]} · 简报包" in info  # the document title
    pages = []
    for number in range(2, len(pack.pages) + 2):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(text)
    for page, text in zip(pack.pages, pages, strict=True):
        assert page.chart.title in text
        assert "来源 Sources:" in text and page.chart.sources[0]["source_short"][:12] in text
        assert f"数据截至 data as of {pack.as_of:%Y-%m-%d}" in text


def test_briefing_xlsx_has_a_native_chart_on_every_indicator_sheet(pack, output_dir):
    data = briefing_xlsx(pack)
    (output_dir / f"briefing-{pack.region['code']}.xlsx").write_bytes(data)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[0] == "目录 Contents" and wb.sheetnames[-1] == "来源 Sources"
    indicator_sheets = wb.sheetnames[1:-1]
    assert len(indicator_sheets) == len(pack.pages)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) >= len(pack.pages)
        assert all(b"<barChart>" in z.read(n) for n in charts)
    for title, page in zip(indicator_sheets, pack.pages, strict=True):
        ws = wb[title]
        assert len(ws._charts) >= 1, f"sheet {title} has no native chart"
        years = [c.value for c in ws["A"][4 : 4 + len(page.status)]]
        assert years == [r["year"] for r in page.status]


def test_status_rows_follow_the_dashboards_rule(pack):
    for page in pack.pages:
        cells = {c.year: c.status for c in page.chart.progress.years}
        assert [r["year"] for r in page.status] == page.chart.years
        assert all(r["status"] == cells.get(r["year"]) for r in page.status)


def test_sheet_titles_are_legal_and_unique():
    taken: set[str] = set()
    titles = [sheet_title(x, taken) for x in ["贫困人口", "贫困人口", "a/b:c" * 10]]
    assert titles[0] != titles[1]
    assert all(len(t) <= 31 and not set("[]:*?/\\") & set(t) for t in titles)


def test_the_sub_regions_tables_say_each_sub_regions_status_in_words(seed_db_url, tmp_path):
    # 定西's counties each had an exit year; the page's bars say 「✖ 落后」 beside the colour, so must the pack
    with session_factory(make_engine(seed_db_url))() as session:
        pack = collect(session, "621100")
    (page,) = [p for p in pack.pages if p.chart.indicator["code"] == "counties_exited"]
    anding = next(r for r in page.children if r["label"].startswith("安定区"))
    assert anding["status"] == "behind" and anding["status_text"] == "✖ 落后"
    wb = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(pack)))
    (ws,) = [w for w in wb.worksheets if w.title.startswith(page.chart.indicator["name_zh"][:8])]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    anding_at = next(i for i, r in enumerate(rows) if r[1] and str(r[1]).startswith("安定区"))
    header = next(r for r in reversed(rows[:anding_at]) if r[0] and "代码" in str(r[0]))
    status_col = next(i for i, h in enumerate(header) if h and "状态" in str(h))
    assert rows[anding_at][status_col] == "✖ 落后"
    path = tmp_path / "dingxi.pdf"
    path.write_bytes(briefing_pdf(pack))
    number = 2 + pack.pages.index(page)
    text = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    shown = page.children[:MAX_CHILD_ROWS]  # the rows the page has room for; the rest are counted, not clipped unseen
    behind = [r for r in shown if r["status"] == "behind"]
    assert behind and text.count("落后") >= len(behind)  # wrapped in its cell: 「✖\n落后」
    assert len(page.children) == 7 and "… +2 (XLSX)" in text
