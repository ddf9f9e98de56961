"""From a document's text to candidate rows for review: every figure with its quote inside its paragraph.

Example::

    with sessions() as s:
        p = propose(s, read_document(data, "plan.docx"), "plan.docx", region_code="621100")
        p.rows[0]["quote"], p.rows[0]["paragraph"]   # the quote is paragraph[quote_start:quote_end]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy.orm import Session

from db import batches, documents
from etl.build import base_unit
from etl.documents import DocumentText
from etl.gazetteer import Gazetteer, RegionRow
from etl.problems import Problem

from .problems import NoTargetsFound
from .titles import pasted_title

CUES = ("确保", "力争", "计划", "目标", "任务", "到20XX年", "20XX年前", "将", "要", "必成数", "奋斗目标")
PARAGRAPH_MAX = 600  # characters each side of a quote shown with it


@dataclass
class Proposal:
    """A document read and proposed for review; ``rows`` are plain dicts (see ``candidate_row``)."""

    file_name: str
    format: str
    title: str
    issuer: str | None
    region_code: str | None
    region_name: str | None
    published_on: str | None
    sha256: str
    text: str
    rows: list[dict]
    already_ingested: int | None = None  # batch id, when this text is stored and not reverted
    problems: list[Problem] = field(default_factory=list)  # about the whole document (no targets found)
    notices: list[str] = field(default_factory=list)
    ocr: bool = False
    pages: int | None = None
    size: int = 0
    file_sha256: str | None = None
    source_url: str | None = None  # where the document was published, stored with its sources entry
    date_from: str | None = None  # where published_on comes from: "given", "text", "url"; None when not found

    @property
    def ok(self) -> bool:
        return not self.problems and self.already_ingested is None

    @property
    def pasted(self) -> bool:
        """A pasted text (``etl.documents.text_document``): no file was read, so there are no file bytes."""
        return self.file_sha256 is None

    @property
    def targets(self) -> list[dict]:
        """The target rows the rules are sure of (not the possible ones, which wait for a reviewer's tick)."""
        return [r for r in self.rows if r["kind"] == "target" and not r.get("possible")]

    def document(self) -> dict:
        return {
            "file_name": self.file_name,
            "format": self.format,
            "title": self.title,
            "issuer": self.issuer,
            "region_code": self.region_code,
            "region_name": self.region_name,
            "published_on": self.published_on,
            "sha256": self.sha256,
            "ocr": self.ocr,
            "pages": self.pages,
            "size": self.size,
            "characters": len(self.text),
            "already_ingested": self.already_ingested,
            "file_sha256": self.file_sha256,
            "source_url": self.source_url,
            "date_from": self.date_from,
        }

    def to_json(self) -> dict:
        return {
            "document": self.document(),
            "rows": self.rows,
            "problems": [p.to_json() for p in self.problems],
            "notices": self.notices,
        }


@lru_cache(maxsize=1)
def _national() -> tuple[RegionRow, ...]:
    from etl.regions_national import national_rows

    return tuple(national_rows())


def gazetteer(session: Session) -> Gazetteer:
    """The national province/prefecture/county names, with the database's tree (names, former names) over them:
    a document may name a region the tree lacks, and review then says so."""
    rows = {r.code: r for r in _national()}
    for r in documents.tree_regions(session):
        rows[r["code"]] = RegionRow(
            r["code"],
            r["parent_code"],
            r["name_zh"],
            r["name_en"],
            r["level"],
            tuple(r["former_names"]),
            tuple(r["former_codes"]),
        )
    return Gazetteer.from_rows(list(rows.values()))


def looked_for(session: Session) -> dict:
    """What the extractor looks for, said to a user whose document gave nothing: the core indicators by name, and
    how many more the catalogue holds (a 衔接-period text's 人均纯收入 or 转移就业 is one of those)."""
    table = batches.indicator_table(session).values()
    names = [i["name_zh"] for i in table if i["code"].count(":") == 0]
    return {"indicators": names, "cues": list(CUES), "more": len(table) - len(names)}


def _extract(
    text: str,
    gaz: Gazetteer,
    file_name: str,
    region_code: str | None,
    as_of: dt.date | None,
    url: str | None,
    possible: bool,
):
    from etl.extract import extract_document

    return extract_document(
        text, gaz, file_name=file_name, region_code=region_code, as_of=as_of, source_url=url, possible=possible
    )


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (lines) holding text[start:end], at most PARAGRAPH_MAX characters either side, with the
    quote's offsets inside it. Example: ``paragraph_around("a\\nbXc\\nd", 3, 4) == ("bXc", 1, 2)``"""
    a = max(text.rfind("\n", 0, start) + 1, start - PARAGRAPH_MAX)
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    b = min(b, end + PARAGRAPH_MAX)
    return text[a:b], start - a, end - a


YEAR_WRITTEN = 1000  # the extractor reads years of four digits: one below is counted from an unknown date


def year_unknown(fig) -> bool:
    """Whether the figure's year hangs on a document date nobody knows: the extractor counts 今年, 去年, 年底 from
    year 0 when neither the text, its address nor the reviewer dates it (今年 -> 0, 去年 -> -1). Such a row is
    proposed with no year (``None``), to be typed or read again with the document's date; never stored as 0 or -1.

    Example: a figure of 去年 in an undated text has ``period_start == period_end == -1``: ``year_unknown`` is True.
    """
    return min(fig.period_start, fig.period_end) < YEAR_WRITTEN


def candidate_row(row_id: int, fig, doc: DocumentText, names: dict, indicators: dict, gaz: Gazetteer) -> dict:
    """One figure as a plain dict for review and commit."""
    from etl.extract.extractor import POSSIBLE_CONFIDENCE  # the extractor loads with the first document read
    from etl.extract.indicators import names_something, readable_label

    paragraph, q_start, q_end = paragraph_around(doc.text, fig.start, fig.end)
    code = fig.region_code
    known = indicators.get(fig.indicator)
    label = readable_label(fig.indicator_label or "")  # "■全县行政村道路硬化率" -> "全县行政村道路硬化率"
    region_name = names.get(code) or (gaz.regions[code].name_zh if code in gaz.regions else fig.region) or ""
    confidence = fig.confidence
    possible = fig.kind == "target" and confidence == POSSIBLE_CONFIDENCE
    if possible and not known and not names_something(label):
        label = ""  # "(其中", ")", "辖11个行政村64个村民小组": unnamed, for the reviewer who ticks it to name
    start, end = (None, None) if year_unknown(fig) else (fig.period_start, fig.period_end)
    return {
        "row_id": row_id,
        "kind": fig.kind,
        "region_code": code,
        "region_name": region_name,
        "region_in_tree": code in names,
        "indicator": fig.indicator,
        "indicator_name": known["name_zh"]
        if known
        else label
        if possible
        else (label or fig.indicator.split(":", 1)[-1]),
        "indicator_known": known is not None,
        "period_start": start,
        "period_end": end,
        "year": end,
        "year_unknown": start is None,
        "value": fig.value,
        "unit": base_unit(fig.unit),
        "comparator": fig.comparator,
        "tier": fig.tier,
        "quote": fig.quote,
        "start": fig.start,
        "end": fig.end,
        "paragraph": paragraph,
        "paragraph_quote_start": q_start,
        "paragraph_quote_end": q_end,
        "confidence": round(float(confidence), 2) if confidence is not None else None,
        "ocr": doc.is_ocr(fig.start, fig.end),
        "possible": possible,
    }


def propose(
    session: Session,
    doc: DocumentText,
    file_name: str | None = None,
    *,
    region_code: str | None = None,
    as_of: dt.date | None = None,
    source_url: str | None = None,
    possible: bool = False,
    title: str | None = None,
) -> Proposal:
    """Extract a document's figures as candidate rows; ``region_code`` and ``as_of`` override what the
    document says; ``source_url`` (where it was published) is kept for its sources entry and dates a text that
    gives no date of its own. With ``possible`` (the Documents page, where a reviewer ticks each row), numbers that
    may be targets though no rule says so come out too, as rows marked ``possible``. ``title``: the one the user
    gave (a pasted text's title box), over the title the text seems to have. Reads only: nothing is stored.

    Example: ``propose(s, read_document(data, "plan.pdf"), "plan.pdf", region_code="621100").rows``
    """
    file_name = file_name or doc.file_name
    gaz = gazetteer(session)
    source_url = (source_url or "").strip() or None
    extracted = _extract(doc.text, gaz, file_name, region_code, as_of, source_url, possible)
    info = extracted.info
    figures = list(extracted.figures)
    own_code = region_code or info.region_code
    names = batches.region_names(session, {f.region_code for f in figures if f.region_code} | {own_code} - {None})
    indicators = batches.indicator_table(session)
    rows = [candidate_row(i, f, doc, names, indicators, gaz) for i, f in enumerate(figures, start=1)]
    own_name = names.get(own_code) or (gaz.regions[own_code].name_zh if own_code in gaz.regions else None)
    published = as_of.isoformat() if as_of else info.published_on
    proposal = Proposal(
        file_name=file_name,
        format=doc.format,
        title=(title or "").strip() or _own_title(doc) or info.title or doc.title or _untitled(doc, file_name),
        issuer=info.issuer,
        region_code=own_code,
        region_name=own_name,
        published_on=published,
        sha256=doc.sha256,
        text=doc.text,
        rows=rows,
        notices=list(doc.notices),
        ocr=doc.ocr,
        pages=doc.pages,
        size=doc.size,
        file_sha256=doc.file_sha256,
        source_url=source_url,
        date_from="given" if as_of else info.date_from,
    )
    already = documents.ingested_batch(session, doc.sha256, doc.file_sha256)
    if already:
        proposal.already_ingested = already["id"]
    if not proposal.targets:
        proposal.problems.append(no_targets(session, file_name, len(rows)))
    return proposal


def _untitled(doc: DocumentText, file_name: str) -> str:
    """The title of a document whose text names none: a file's name, a pasted text's first sentence
    (``pasted_title``), never the placeholder a pasted text is read under."""
    return pasted_title(doc.text) if doc.file_sha256 is None else file_name


def _own_title(doc: DocumentText) -> str | None:
    """The title a web page carries (its <h1>, else its <title>), over one guessed from its text."""
    return doc.title if doc.format == "html" else None


def no_targets(session: Session, file_name: str, figures: int) -> NoTargetsFound:
    """Chinese first, then English, as every message: what was looked for, and the other figures found.

    Example (``sought``: the cues, the core indicators and 78 more): "没有找到目标 no targets found:查找了紧邻指标词
    (贫困县摘帽、…及指标目录中其他 78 个指标)、带目标用语(确保、力争、…)的数字;另找到 12 个其他数字(实绩、基数)/
    looked for numbers with a target cue (确保、力争、…) next to an indicator word (贫困县摘帽、… and 78 other
    indicators of the catalogue); 12 other figure(s) (achievements, baselines) were found"
    """
    sought = looked_for(session)
    cues = "、".join(sought["cues"])
    words = "、".join(sought["indicators"])
    more_zh = f"及指标目录中其他 {sought['more']} 个指标" if sought["more"] else ""
    more_en = f" and {sought['more']} other indicators of the catalogue" if sought["more"] else ""
    found_zh = f";另找到 {figures} 个其他数字(实绩、基数)" if figures else ""
    found_en = f"; {figures} other figure(s) (achievements, baselines) were found" if figures else ""
    return NoTargetsFound(
        file_name,
        None,
        "",
        "",
        f"没有找到目标 no targets found:查找了紧邻指标词({words}{more_zh})、带目标用语({cues})的数字{found_zh} / "
        f"looked for numbers with a target cue ({cues}) next to an indicator word ({words}{more_en}){found_en}",
    )
