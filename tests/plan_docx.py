"""Plan documents for the documents-page tests: real sentences from data/sources/ in a real .docx."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

SOURCES = Path(__file__).parent.parent / "data" / "sources"


def source_lines(file_name: str, *starts: str) -> list[str]:
    """The lines of a seed text that start with each of ``starts`` (in that order), verbatim."""
    lines = [line.strip() for line in (SOURCES / file_name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [next(line for line in lines if line.startswith(start)) for start in starts]


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A Word document with one paragraph per item (the first as its heading)."""
    document = Document()
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def dingxi_plan() -> list[str]:
    """定西's 2015 decision: its title, date and the paragraph of yearly targets (data/sources/, verbatim)."""
    return source_lines(
        "dingxi-2015-decision.txt",
        "定西市人民代表大会常务委员会",
        "关于深入推进精准扶贫工作的决定",
        "(2015年8月20日",
        "要全面贯彻落实省市",
    )


def shaanxi_plan() -> list[str]:
    """陕西's 2018 three-year action plan: its yearly targets paragraph (data/sources/, verbatim)."""
    return source_lines("shaanxi-2018-three-year-action.txt", "中共陕西省委 陕西省人民政府关于", "(三)具体任务")
