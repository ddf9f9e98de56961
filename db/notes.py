"""Notes (说明): a dated line on a region, indicator and year that says why a number is what it is. Every edit
keeps the earlier text in ``notes_history`` with its author and time.

Example::

    with transaction(sessions) as s:
        note = add_note(s, "621100", "poor_population_reduced", 2019, "2019年 受洪灾影响,岷县搬迁推迟", "li")
        edit_note(s, note["id"], "2019年 受洪灾影响,岷县搬迁推迟至2020年", "li")
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db.models import Indicator, Note, NoteVersion, Region
from db.region_hint import missing_regions_message
from db.session import dict_rows
from db.writes import now
from textsafety import describe_control, first_control

MAX_TEXT = 2000


class NoteError(ValueError):
    """A note that cannot be stored: unknown region or indicator, a year out of range, empty or long text."""


def _check(session: Session, region_code: str, indicator_code: str, year: int, text: str) -> str:
    if session.get(Region, region_code) is None:
        raise NoteError(missing_regions_message([region_code]))
    if session.get(Indicator, indicator_code) is None:
        raise NoteError(
            f"未知指标 {indicator_code}:见 data/indicators.csv,如 poor_population_reduced / "
            f"unknown indicator {indicator_code}: see data/indicators.csv, e.g. poor_population_reduced"
        )
    if not 1949 <= int(year) <= 2100:
        raise NoteError(
            f"年份 {year}:请填写说明所指的年份,如 2019 / year {year}: write the year the note is about, e.g. 2019"
        )
    return _text(text)


def _text(text: str) -> str:
    """The note as stored: line breaks allowed (CRLF becomes LF), any other control character refused (as a
    batch note, ``etl.importer.check_note``)."""
    text = (text or "").strip().replace("\r\n", "\n")
    if not text:
        raise NoteError(
            "说明为空:请写明发生了什么,如 2019年 受洪灾影响,岷县搬迁推迟 / "
            "the note is empty: write what happened, e.g. 2019年 受洪灾影响,岷县搬迁推迟"
        )
    if found := first_control(text, multiline=True):
        zh, en = describe_control(found).split(" / ", 1)
        raise NoteError(f"说明中{zh},请删除后重新保存 / note: {en}; delete it and save again")
    if len(text) > MAX_TEXT:
        raise NoteError(
            f"说明有 {len(text)} 个字符,请控制在 {MAX_TEXT} 个以内 / "
            f"the note has {len(text)} characters; keep it under {MAX_TEXT}"
        )
    return text


def _row(note: Note) -> dict:
    return {
        "id": note.id,
        "region_code": note.region_code,
        "indicator": note.indicator_code,
        "year": note.year,
        "text": note.text,
        "author": note.author,
        "created_at": note.created_at,
        "edited_by": note.edited_by,
        "edited_at": note.edited_at,
    }


def add_note(session: Session, region_code: str, indicator_code: str, year: int, text: str, author: str) -> dict:
    """Store a new note and its first version; returns it as a dict."""
    text = _check(session, region_code, indicator_code, year, text)
    at = now()
    note = Note(
        region_code=region_code, indicator_code=indicator_code, year=int(year), text=text, author=author, created_at=at
    )
    session.add(note)
    session.flush()
    session.add(NoteVersion(note_id=note.id, text=text, author=author, at=at))
    session.flush()
    return _row(note)


def edit_note(session: Session, note_id: int, text: str, author: str) -> dict:
    """Replace a note's text, keeping the earlier ones in its history."""
    note = session.get(Note, note_id)
    if note is None:
        raise NoteError(
            f"说明 {note_id} 不存在(etl notes list 列出编号) / "
            f"note {note_id} does not exist (etl notes list shows the ids)"
        )
    text, at = _text(text), now()
    note.text, note.edited_by, note.edited_at = text, author, at
    session.add(NoteVersion(note_id=note.id, text=text, author=author, at=at))
    session.flush()
    return _row(note)


def note_by_id(session: Session, note_id: int) -> dict | None:
    note = session.get(Note, note_id)
    return _row(note) if note else None


def notes(session: Session, region_codes: Iterable[str] | None = None, indicator: str | None = None) -> list[dict]:
    """Notes, by region, indicator and year, each with its region's Chinese name.

    Example: ``notes(s, ["621100"], "poor_population_reduced")[0]["text"]``
    """
    params: dict = {}
    if region_codes is not None:
        params["codes"] = list(region_codes)
    if indicator is not None:
        params["indicator"] = indicator
    stmt = _notes_select(region_codes is not None, indicator is not None)
    return dict_rows(session, stmt, params)  # the keys of ``_row`` and region_name, as plain rows


@functools.cache
def _notes_select(by_region: bool, by_indicator: bool):
    """``notes``' statement, built once per shape (every region page reads its notes), values bound as ``codes``
    and ``indicator``."""
    n = Note
    columns = (n.id, n.region_code, n.indicator_code.label("indicator"), n.year, n.text, n.author, n.created_at)
    stmt = select(*columns, n.edited_by, n.edited_at, Region.name_zh.label("region_name"))
    stmt = stmt.join(Region, Region.code == Note.region_code)
    if by_region:
        stmt = stmt.where(Note.region_code.in_(bindparam("codes", expanding=True)))
    if by_indicator:
        stmt = stmt.where(Note.indicator_code == bindparam("indicator"))
    return stmt.order_by(Note.region_code, Note.indicator_code, Note.year, Note.id)


def history(session: Session, note_id: int) -> list[dict]:
    """Every text the note has had, oldest first: ``[{"text", "author", "at"}, ...]``."""
    stmt = select(NoteVersion).where(NoteVersion.note_id == note_id).order_by(NoteVersion.id)
    return [{"text": v.text, "author": v.author, "at": v.at} for v in session.scalars(stmt)]
