"""Chart images: PNG (2x) and PDF are valid and not blank, SVG is XML, PDF text extracts as written."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from db.session import make_engine, session_factory
from export import kaleido_server
from export.charts import build_chart
from export.images import HEIGHT, WIDTH, UnknownFormat, chart_image, footer_lines, render, with_footer
from export.pdf import fix_cmap

TITLE = "定西市 · 脱贫人口 (人) · 逐年计划与实际"
DOCUMENT = "定西市人民代表大会常务委员会关于深入推进精准扶贫工作的决定"


@pytest.fixture(scope="module")
def dingxi(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        return build_chart(session, "621100", "poor_population_reduced")


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "chart.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_png_is_twice_the_layout_size_and_not_blank(dingxi, output_dir):
    data = chart_image(dingxi, "png")
    (output_dir / "export-dingxi.png").write_bytes(data)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (2 * WIDTH, 2 * HEIGHT)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "a chart has many colours (bars, text, antialiasing)"
    assert (0x00, 0x72, 0xB2) in {c for _, c in colours}, "the actual bars are drawn in the theme's blue"


def test_svg_parses_as_xml_and_names_the_cjk_font(dingxi):
    data = chart_image(dingxi, "svg")
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert TITLE in texts and "数据截至 data as of" in texts
    assert "Noto Sans CJK SC" in data.decode()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/setup.sh test) not installed")
def test_pdf_text_holds_the_chinese_title_source_date_and_link(dingxi, tmp_path):
    data = chart_image(dingxi, "pdf")
    assert data.startswith(b"%PDF-")
    text = pdf_text(data, tmp_path)
    assert TITLE in text
    assert DOCUMENT in text
    assert f"数据截至 data as of {dingxi.as_of:%Y-%m-%d}" in text
    assert "/region/621100?indicator=poor_population_reduced" in text
    assert "原计划" in text and "2016" in text, "legend and year axis extract too"


def test_footer_says_sources_plan_date_and_view(dingxi):
    lines = footer_lines(dingxi)
    assert lines[0] == f"来源 Sources: {DOCUMENT}"
    assert lines[1].startswith(f"计划版本 Plan version: {DOCUMENT}")
    assert lines[2] == dingxi.view_url


def test_footer_leaves_the_chart_data_untouched(dingxi):
    out = with_footer(dingxi.figure, ["a", "b"])
    assert [t["y"] for t in out["data"]] == [t["y"] for t in dingxi.figure["data"]]
    assert (
        "annotations" not in dingxi.figure["layout"]
        or out["layout"]["annotations"][:-1] == dingxi.figure["layout"]["annotations"]
    )
    assert out["layout"]["annotations"][-1]["text"] == "a<br>b"


def test_unknown_format_is_refused_with_the_choices(dingxi):
    with pytest.raises(UnknownFormat, match="png, svg, pdf"):
        render({}, "gif")


@pytest.mark.parametrize(
    ("cmap", "expected"),
    [
        (b"beginbfchar\n<3B> <2F08>\nendbfchar", b"beginbfchar\n<3B> <4EBA>\nendbfchar"),  # ⼈ -> 人
        (b"beginbfchar\n<01> <2EDA>\nendbfchar", b"beginbfchar\n<01> <9875>\nendbfchar"),  # ⻚ -> 页
        (b"beginbfchar\n<01> <5B9A>\nendbfchar", b"beginbfchar\n<01> <5B9A>\nendbfchar"),  # 定 unchanged
        (b"beginbfchar\n<DB> <2F3E>\nendbfchar", b"beginbfchar\n<DB> <6237>\nendbfchar"),  # ⼾ -> 户, not 戶
        (b"beginbfchar\n<02> <3B35>\nendbfchar", b"beginbfchar\n<02> <80F6>\nendbfchar"),  # 㬵 -> 胶
        (b"beginbfrange\n<01> <02> <2F08>\nendbfrange", b"beginbfrange\n<01> <02> <2F08>\nendbfrange"),
    ],
)
def test_pdf_text_map_uses_unified_ideographs(cmap, expected):
    assert fix_cmap(cmap) == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/setup.sh test) not installed")
def test_pdf_text_keeps_simplified_characters_the_cjk_font_draws_with_a_radicals_glyph(tmp_path):
    # Noto Sans CJK SC draws 户 with the glyph of the radical ⼾ (whose decomposition is the traditional 戶), 胶 with
    # that of 㬵, 彐 and 乚 with their radicals': the PDF's text must still read as written
    title = "广西壮族自治区 · 危房改造户数 (户) · 下级地区 2024"
    figure = with_footer({"data": [], "layout": {"title": {"text": title}}}, ["胶彐乚乛肀"], legend=False)
    text = pdf_text(render(figure, "pdf"), tmp_path)
    assert title in text
    assert "胶彐乚乛肀" in text
    assert "戶" not in text


def test_concurrent_exports_share_one_browser_and_each_gets_its_own_format(dingxi):
    figure = with_footer(dingxi.figure, footer_lines(dingxi))
    results: dict[str, bytes] = {}
    threads = [
        threading.Thread(target=lambda f=f: results.__setitem__(f, render(figure, f))) for f in ("png", "svg", "pdf")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results["png"][:4] == b"\x89PNG" and results["svg"][:4] == b"<svg" and results["pdf"][:5] == b"%PDF-"


def test_a_stopped_browser_is_started_again_on_the_next_export(dingxi):
    kaleido_server.ensure_started()
    kaleido_server._renderer.stop()
    assert chart_image(dingxi, "svg").startswith(b"<svg")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/setup.sh test) not installed")
def test_sub_regions_chart_pdf_has_its_title_bars_and_sources(seed_db_url, tmp_path):
    with session_factory(make_engine(seed_db_url))() as session:
        export = build_chart(session, "610000", "counties_exited", chart="children")
    text = pdf_text(chart_image(export, "pdf"), tmp_path)
    assert "陕西省 · 贫困县摘帽 (个) · 下级地区 2017–2019" in text, "the years its bars cover"
    assert "商洛市" in text and "汉中市" in text, "every sub-region's bar is labelled"
    assert "来源 Sources: " in text and "zhtxs.com" in text
    assert "/region/610000?indicator=counties_exited" in text


def test_sub_regions_image_grows_with_its_bars(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        export = build_chart(session, "610000", "counties_exited", chart="children")
    image = Image.open(io.BytesIO(chart_image(export, "png")))
    assert len(export.rows) == 10 and image.size == (2 * WIDTH, 2 * max(HEIGHT, export.height))


def test_back_to_back_renders_each_get_their_own_figure_while_tabs_reload_in_the_background(dingxi):
    # the tab an image was drawn in reloads after the caller has its bytes; the next image takes the other tab
    figures = [with_footer(dingxi.figure, [f"第{i}张 image {i}"]) for i in range(6)]
    images = [render(f, "svg").decode() for f in figures]
    assert all(f"第{i}张 image {i}" in svg and f"第{i + 1}张" not in svg for i, svg in enumerate(images))
    assert isinstance(kaleido_server._renderer.browser, kaleido_server._Kaleido)
