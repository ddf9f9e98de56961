"""Real plan-document files written in code for the intake tests: .docx (python-docx), .html with page noise,
a text-layer .pdf printed by headless chromium, a scanned .pdf (that PDF rasterised by pdftoppm, wrapped by
pillow), an encrypted .pdf (pikepdf). Their text is tests/intake_docs.py's, from data/sources/*.txt."""

from __future__ import annotations

import html
import io
import subprocess
from pathlib import Path

import pikepdf
from docx import Document
from PIL import Image

from tests.intake_docs import DINGXI

BODY_LINES = [line for line in DINGXI.splitlines() if line.strip()]
TITLE = BODY_LINES[0]
# 驿城区's 2016-2018 schedule (yicheng-2016-implementation.txt) as a table
TABLE = [
    ("年度", "贫困村(个)", "贫困户(户)", "贫困人口(人)"),
    ("2016年", "9", "1756", "6000"),
    ("2017年", "12", "2188", "7539"),
]


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_heading(TITLE, level=1)
    for line in BODY_LINES[1:-2]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in BODY_LINES[-2:]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def table_html(rows=TABLE) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"


def page_html(noise: bool = True, table: str = "") -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in BODY_LINES[1:-2])
    body += table + "\n".join(f"<p>{html.escape(line)}</p>" for line in BODY_LINES[-2:])
    nav = (
        '<nav class="menu"><a href="/">首页</a> <a href="/news">新闻中心</a> <a href="/gk">政务公开</a>'
        "<a>网站地图</a></nav><script>var tracker = '确保2019年脱贫99万人';</script>"
        "<style>.x{color:red}</style>"
        if noise
        else ""
    )
    footer = '<div class="footer">主办单位:定西市人民政府办公室 版权所有 备案号 12345 联系电话 0932-0000000</div>'
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(TITLE)}</title>'
        '<style>body{font-family:"Noto Sans CJK SC";font-size:14pt}</style></head><body>'
        f'{nav}<div class="article"><h1>{html.escape(TITLE)}</h1>{body}</div>{footer if noise else ""}</body></html>'
    )


def text_pdf(directory: Path) -> bytes:
    page = directory / "page.html"
    page.write_text(page_html(noise=False), encoding="utf-8")
    out = directory / "plan.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def scanned_pdf(directory: Path, pdf: bytes) -> bytes:
    source = directory / "to-scan.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(source), str(directory / "scan")], check=True, timeout=120)
    images = [Image.open(p).convert("RGB") for p in sorted(directory.glob("scan*.png"))]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return out.getvalue()


def encrypted_pdf(pdf: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret", R=6))
    return out.getvalue()
