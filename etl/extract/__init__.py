"""Extractor of numeric targets (with their source sentences) from Chinese poverty-alleviation plans.

Example::

    from etl.extract import extract_document
    doc = extract_document(text, Gazetteer.from_csv(), file_name="dingxi-2015-decision.txt")
    doc.info.region_code          # "621100"
    doc.figures[0].to_json()      # {"kind": "target", "indicator": ..., "tier": "committed", "quote": ..., ...}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from etl.gazetteer import Gazetteer

from .corrections import apply_corrections, load_corrections
from .document import DocumentInfo
from .extractor import extract_text
from .model import Extracted, ExtractedDocument
from .normalize import Normalized, normalize_text
from .source_url import newspaper_page, site_region, url_date

__all__ = ["DocumentInfo", "Extracted", "ExtractedDocument", "extract_document", "extract_file"]

_WIDENED: dict[tuple[str, ...], Gazetteer] = {}


def extract_document(
    text: str,
    gazetteer: Gazetteer,
    file_name: str | None = None,
    *,
    region_code: str | None = None,
    as_of: dt.date | str | None = None,
    source_url: str | None = None,
    possible: bool = False,
) -> ExtractedDocument:
    """Figures of one document, quotes and offsets into ``text`` as given.

    The text is normalised first (traditional -> simplified, full-width -> half-width, Chinese numerals);
    regions are looked up in ``gazetteer`` widened with the national list. ``region_code`` and ``as_of`` (the
    document's date) override what the document says; ``source_url``, the address the text was published at,
    dates a text that gives no date of its own (government sites put the date in the path) and, on a
    ``.gov.cn`` site, places one that names no region of its own. The reviewed
    corrections in data/corrections.csv for ``file_name`` are applied. With ``possible``, numbers no rule makes a
    target but that may be one (an indicator the catalogue lacks, no verb of doing before it) come out too, as
    targets of confidence ``POSSIBLE_CONFIDENCE``, for a reviewer to accept or not (the Documents page).

    Example: ``extract_document("某县2019年脱贫1.2万人", g, region_code="621102", as_of="2019-01-02")``
    """
    norm = normalize_text(text)
    if isinstance(as_of, dt.date):
        as_of = as_of.isoformat()
    national = widened(gazetteer)
    doc = extract_text(
        norm.text,
        national,
        region_code=region_code,
        as_of=as_of,
        url_date=url_date(source_url),
        site_region=site_region(source_url, national, norm.text),
        newspaper=newspaper_page(source_url),
        possible=possible,
    )
    doc.figures = [_to_original(f, norm) for f in doc.figures]
    if file_name:
        doc.figures = apply_corrections(text, doc.figures, load_corrections(), Path(file_name).name, doc.info)
    return doc


def widened(gazetteer: Gazetteer) -> Gazetteer:
    """The gazetteer with every national region it lacks (its own rows win); cached per set of codes."""
    if len(gazetteer.regions) >= 3000:
        return gazetteer
    key = tuple(sorted(gazetteer.regions))
    if key not in _WIDENED:
        _WIDENED[key] = Gazetteer.national(gazetteer)
    return _WIDENED[key]


def _to_original(f: Extracted, norm: Normalized) -> Extracted:
    start, end = norm.span(f.start, f.end)
    return replace(f, start=start, end=end, quote=norm.original[start:end])


def extract_file(path: Path, gazetteer: Gazetteer) -> ExtractedDocument:
    """extract_document on a text file (UTF-8 or GBK), with the file's name as the corrections key."""
    from etl.textfile import read_text

    path = Path(path)
    return extract_document(read_text(path), gazetteer, file_name=path.name)
