"""The indicator catalogue is read once per transaction (a region page needs it in two places), and a catalogue
changed within the transaction is read again."""

from __future__ import annotations

from sqlalchemy import event

from db import queries, writes
from db.session import make_engine, session_factory


def test_the_catalogue_is_read_once_and_again_after_a_new_indicator(db_url):
    engine = make_engine(db_url)
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with session_factory(engine)() as s, s.begin():
        first = queries.indicators(s)
        first[0]["name_zh"] = "changed by a caller"
        read = len(statements)
        again = queries.indicators(s)
        assert len(statements) == read  # no second read
        assert again[0]["name_zh"] != "changed by a caller"  # each caller gets its own copies
        writes.ensure_indicator(s, "other:test_new_indicator", "个", "测试新指标")
        codes = [i["code"] for i in queries.indicators(s)]
        s.rollback()
    assert "other:test_new_indicator" in codes and len(codes) == len(first) + 1
