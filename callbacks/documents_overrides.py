"""The overrides a document is read with (source URL, date, region, title): which of them a new document keeps,
what a reading again changed, and which boxes the page empties. Pure functions of the page state and the boxes."""

from __future__ import annotations

from dash import Output, no_update

from layouts import ids
from text.i18n_documents import dt

OVERRIDES = (("url", "source_url_short"), ("date", "date"), ("region", "region_override"), ("title", "title_short"))


def own_overrides(given: dict, previous: dict | None, sha256: str) -> tuple[dict, list[str]]:
    """The overrides of a new read (source URL, date, region, title) without those that belong to the previous
    review (``previous``: its page state), and which were left out. A page drawn again shows the held review's
    overrides in their boxes (``documents_redraw``), and a committed document's stay there: a new document
    (another text) read with one of them unchanged would be stored with the previous document's source. A value
    typed anew is the new document's; the same document read again keeps them all."""
    if not previous or previous.get("sha256") == sha256:
        return given, []
    dropped = [key for key, _word in OVERRIDES if given.get(key) and given.get(key) == previous.get(key)]
    return {k: None if k in dropped else v for k, v in given.items()}, dropped


def date_changed(state: dict | None, date: str | None) -> bool:
    """Whether the date box now says another date than the held review was read with (a box emptied, or filled
    again with the same date by a redraw, is no change)."""
    return bool(state) and bool(date) and date != state.get("date")


def reread_changes(old: dict, new: dict, lang: str) -> list[str]:
    """What a reading again changed: "日期:— → 2012-04-11" for each override given anew."""
    out = []
    for key, word in (("date", "date"), ("url", "source_url_short"), ("region", "region_override")):
        if (old.get(key) or None) != (new.get(key) or None):
            out.append(f"{dt(word, lang)}: {old.get(key) or '—'} → {new.get(key) or '—'}")
    return out


FIELDS = (("url", ids.DOC_URL, ""), ("date", ids.DOC_DATE, ""), ("region", ids.DOC_REGION, None))
FIELD_OUTPUTS = tuple(Output(box, "value", allow_duplicate=True) for _key, box, _empty in FIELDS)


def fields_after(state: dict | None, shown: dict) -> tuple:
    """The override boxes after a new read: a value the read left out (the previous document's, ``own_overrides``)
    cleared, so the page shows what this document was read with; the others as they are."""
    if state is None:
        return tuple(no_update for _ in FIELDS)
    return tuple(empty if shown.get(key) and not state.get(key) else no_update for key, _box, empty in FIELDS)
