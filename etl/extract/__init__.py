"""Extractor of numeric targets (with their source sentences) from Chinese poverty-alleviation plans.

Example::

    from etl.extract import extract_document
    doc = extract_document(text, Gazetteer.from_csv(), file_name="dingxi-2015-decision.txt")
    doc.info.region_code          # "621100"
    doc.figures[0].to_json()      # {"kind": "target", "indicator": ..., "quote": ..., ...}
"""

from __future__ import annotations

from pathlib import Path

from etl.gazetteer import Gazetteer

from .corrections import apply_corrections, load_corrections
from .document import DocumentInfo
from .extractor import extract_text
from .model import Extracted, ExtractedDocument

__all__ = ["DocumentInfo", "Extracted", "ExtractedDocument", "extract_document", "extract_file"]


def extract_document(text: str, gazetteer: Gazetteer, file_name: str | None = None) -> ExtractedDocument:
    """Figures of one document; the reviewed corrections in data/corrections.csv for file_name are applied."""
    doc = extract_text(text, gazetteer)
    if file_name:
        doc.figures = apply_corrections(text, doc.figures, load_corrections(), Path(file_name).name, doc.info)
    return doc


def extract_file(path: Path, gazetteer: Gazetteer) -> ExtractedDocument:
    """extract_document on a UTF-8 file, with the file's name as the corrections key."""
    path = Path(path)
    return extract_document(path.read_text(encoding="utf-8"), gazetteer, file_name=path.name)
