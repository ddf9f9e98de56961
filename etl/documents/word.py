"""Word documents (.docx): paragraphs and tables in document order; a table row becomes one tab-separated line."""

from __future__ import annotations

import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from .errors import NotADocument
from .model import DocumentText, normalise


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return "\t".join(cells)


def read_docx(data: bytes, file_name: str) -> DocumentText:
    """Example: ``read_docx(Path("plan.docx").read_bytes(), "plan.docx").text``"""
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on damaged parts
        raise NotADocument(file_name, f"Word文档无法读取 / the document cannot be read ({type(exc).__name__})") from exc
    lines = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            lines.extend(_row_text(row) for row in Table(child, doc).rows)
            lines.append("")
    title = (doc.core_properties.title or "").strip() or None
    return DocumentText(
        text=normalise("\n".join(lines)), format="docx", file_name=file_name, size=len(data), title=title
    )
