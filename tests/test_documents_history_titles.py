"""/history names a document batch by its document's title, as the reviewer left it: two pasted texts have no file
name to tell them apart (they were both 「粘贴文本 pasted.txt」), nor could the revert confirmation (dogfood 30, F12).

Real app on a real SQLite copy of the seed, the documents page's callbacks posted as the browser posts them. The two
pasted reports and their titles are the test's own (synthetic).
"""

from __future__ import annotations

from db import batches
from db.session import make_engine, session_factory
from layouts.history_page import history_table
from tests import test_documents_forged as forged
from tests.accounts import answer_text, client_as
from tests.test_documents_forged import commit
from tests.test_documents_planner_review import paste
from tests.test_documents_title_box import retitle
from views.history import history_view

url, app = forged.url, forged.app

FIRST = "渭源县召开脱贫攻坚推进会\n\n会议要求,2019年渭源县要确保减少贫困人口1.5万人。"
SECOND = "陇西县脱贫攻坚工作要点\n\n2019年陇西县要确保减少贫困人口1.2万人。"
REVIEWED = "陇西县2019年脱贫攻坚工作要点(审核后标题)"


def _committed(app, client, text: str, title: str | None = None) -> None:
    _answer, state, grid = paste(app, client, text)
    if title:
        state = retitle(app, client, state, title)["doc-state"]["data"]
    done = answer_text(commit(app, client, state, grid, "two pasted texts (synthetic)"))
    assert "documents-committed" in done, done


def test_two_pasted_documents_are_listed_and_asked_about_by_their_titles(app, url):
    client = client_as(app, "admin1")
    _committed(app, client, FIRST)
    _committed(app, client, SECOND, REVIEWED)
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            listed = [b for b in history_view(session).batches if b["kind"] == "document"][:2]
            second, first = listed
            assert (first["file_name"], second["file_name"]) == (None, None)  # pasted: no file
            assert first["pasted"] and second["pasted"]
            assert (first["title"], second["title"]) == ("渭源县召开脱贫攻坚推进会", REVIEWED)
            assert batches.batch_row(session, second["id"])["title"] == REVIEWED
            assert batches.batch_row(session, 1)["title"] is None  # a build batch has no document
            table = str(history_table(listed, "zh"))
    finally:
        engine.dispose()
    assert REVIEWED in table and "渭源县召开脱贫攻坚推进会" in table
