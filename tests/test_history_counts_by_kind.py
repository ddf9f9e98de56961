"""/history counts a batch's targets, actuals and baselines apart: a document batch of 7 targets, 5 actuals and 3
baselines showed 「目标 / 实际 7 / 8」, its baselines counted as actuals (a planner's test of the real app).

The text is the 人民日报海外版 report of 2016-08-23 on 昭通 (real, public; excerpt), ingested through the real
intake path (``etl ingest``) into a real SQLite copy of the seed, with 云南 and 昭通 added to its region tree.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from db import batches, writes
from db.models import Figure
from db.session import transaction
from etl.cli import cli
from layouts.history_page import history_table
from views.history import history_view

# http://paper.people.com.cn/rmrbhwb/html/2016-08/23/content_1706394.htm (excerpt)
ZHAOTONG = """号角起,战鼓擂。
仅2015年,云南省昭通全市就投入专项扶贫资金6亿元,启动实施了7个整乡推进项目和63个行政村、55个自然村整村推进项目,全市21.72万贫困人口摆脱贫困;
2016年,昭通全市将实现21个贫困乡镇、260个贫困村“摘帽”,确保28万贫困人口顺利脱贫;
“十三五”期间,昭通全市将力争每年减贫28万人以上,顺利实现现有111.95万人建档立卡贫困人口如期脱贫。
正视现实 寻找差距
2015年,昭通全市有133.67万建档立卡的贫困人口,占全市总人口的23%,贫困人口居全国地级市第一、云南省第一;贫困发生率为25.71%,比全国、全省分别高16.99个和10.22个百分点。
"""
YUNNAN = [
    {"code": "530000", "parent_code": None, "name_zh": "云南省", "name_en": "Yunnan Province", "level": "province"},
    {"code": "530600", "parent_code": "530000", "name_zh": "昭通市", "name_en": "Zhaotong City", "level": "prefecture"},
]


@pytest.fixture
def document_batch(db_url, sessions, tmp_path) -> int:
    """The report ingested as one document batch; its id."""
    with transaction(sessions) as session:
        writes.upsert_regions(session, YUNNAN)
    path = tmp_path / "zhaotong-2016-people.txt"
    path.write_text(ZHAOTONG, encoding="utf-8")
    args = ["--database-url", db_url, "ingest", str(path), "--region", "530600", "--date", "2016-08-23"]
    result = CliRunner().invoke(cli, [*args, "--note", "昭通 2016", "--user", "王芳"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with sessions() as session:
        return batches.batch_list(session, ["document"])[0]["id"]


def _held(sessions, batch_id: int) -> tuple[int, int, int]:
    """What the batch holds of each kind, read from its figures (the stored counts mix actuals and baselines)."""
    stmt = select(Figure.kind, func.count()).where(Figure.batch_id == batch_id).group_by(Figure.kind)
    with sessions() as session:
        held = dict(session.execute(stmt).all())
    return held.get("target", 0), held.get("actual", 0), held.get("baseline", 0)


def _row_of(table, batch_id: int):
    return next(row for row in table.children[1].children if row.id == f"history-row-{batch_id}")


@pytest.mark.parametrize(
    ("lang", "header"),
    [("zh", "目标 / 实际 / 基数"), ("en", "Targets / actuals / baselines")],
)
def test_history_shows_a_document_batchs_targets_actuals_and_baselines_apart(sessions, document_batch, lang, header):
    targets, actuals, baselines = _held(sessions, document_batch)
    assert targets and actuals and baselines, "the report holds all three kinds"
    with sessions() as session:
        listed = history_view(session).batches
    table = history_table(listed, lang, can_revert=False)
    headers = [th.children for th in table.children[0].children.children]
    cell = _row_of(table, document_batch).children[headers.index(header)]
    assert cell.children == f"{targets} / {actuals} / {baselines}"
    assert cell.title == f"目标 targets {targets}, 实际 actuals {actuals}, 基数 baselines {baselines}"


def test_every_batch_kind_lists_the_figures_it_holds_of_each_kind(sessions, document_batch):
    """Build steps (the seed's reference CSVs hold baselines too), the document and synthetic-free uploads alike:
    each listed count is the batch's own figures of that kind."""
    with sessions() as session:
        listed = batches.batch_list(session)
    assert {"build", "document"} <= {b["kind"] for b in listed}
    for b in listed:
        if b["kind"] in ("build", "document"):
            assert (b["rows_targets"], b["rows_actuals"], b["rows_baselines"]) == _held(sessions, b["id"]), b
        else:
            assert b["rows_baselines"] == 0, b


def test_etl_batches_says_baselines_apart(db_url, sessions, document_batch):
    targets, actuals, baselines = _held(sessions, document_batch)
    out = CliRunner().invoke(cli, ["--database-url", db_url, "batches"], catch_exceptions=False).stdout
    line = next(x for x in out.splitlines() if re.match(rf"\s*{document_batch} document ", x))
    assert re.search(rf"targets\s+{targets} actuals\s+{actuals} baselines\s+{baselines} ", line), line
