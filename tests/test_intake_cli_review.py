"""`python -m etl ingest` with a review (--reviewed FILE, --reject ROW, --set ROW:FIELD=VALUE) on real dev texts:
refused, reviewed, stored as one document batch, reverted; bad reviews refused with a located message.

The texts are data/corpus/dev's, as a user would take them in (the national region tree loaded, `etl regions`).
In guizhou-2017-group-roads-campaign-xinhua-trad.txt, a Xinhua report of 2017-08-30 that gives no date the
extractor reads, 今年底 (row 2, 2.5万公里) is read as 2018 and collides with row 3's 2018 5万公里; 今年 is 2017.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.intake.problems import DuplicateTarget, for_command_line
from tests.conftest import copy_sqlite

DEV = Path(__file__).resolve().parents[1] / "data" / "corpus" / "dev"
ROADS = DEV / "guizhou-2017-group-roads-campaign-xinhua-trad.txt"
MICROCREDIT = DEV / "datong-2022-microcredit-annual-target-news.txt"  # no date anywhere: every year unknown
HANGZHOU = DEV / "hangzhou-2019-rural-work-targets-trad.txt"  # names no region of its own


@pytest.fixture(scope="module")
def national_db(seed_db_path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("national") / "national.db"
    copy_sqlite(Path(seed_db_path), path)
    loaded = CliRunner().invoke(cli, ["--database-url", f"sqlite:///{path}", "regions"])
    assert loaded.exit_code == 0, loaded.output
    return path


@pytest.fixture
def db(national_db, tmp_path) -> str:
    path = tmp_path / "test.db"
    copy_sqlite(national_db, path)
    return f"sqlite:///{path}"


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args])


def dumps(db_url: str) -> tuple[str, str, str]:
    return tuple(run(db_url, "dump", what).stdout for what in ("targets", "actuals", "baselines"))


def roads_rows(db_url: str) -> list[str]:
    return [line for line in run(db_url, "dump", "targets").stdout.splitlines() if ROADS.name in line]


def proposed(db_url: str, path: Path, *args: str) -> dict:
    """The dry run's JSON, as a user saves it to edit."""
    result = run(db_url, "ingest", str(path), "--dry-run", "--format", "json", *args)
    return json.loads(result.stdout)


def write_review(tmp_path, review: dict, name: str = "review.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(review, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_refused_text_is_reviewed_in_a_file_stored_as_one_batch_and_reverted(db, tmp_path):
    before = dumps(db)
    refused = run(db, "ingest", str(ROADS), "--dry-run", "--format", "json")
    assert refused.exit_code == 1
    out = json.loads(refused.stdout)
    assert [r["row_id"] for r in out["rows"]] == [1, 2, 3, 4] and all(r["accepted"] for r in out["rows"])
    assert [r["quote"] for r in out["rows"][1:3]] == [
        "確保今年底建成2.5萬公里通組公路",
        "并做好2018年5萬公里開工前準備工作",
    ]
    duplicate = next(e for e in out["errors"] if "row 2, column 年份 year: 与第 3 行重复" in e)
    assert "fix: 命令行 / on the command line: --reject 2; --set 2:year=YYYY; --set 2:indicator=CODE; " in duplicate
    assert "--set 2:tier=stretch; 或 or --reviewed FILE" in duplicate and "拒绝其中一行" not in duplicate

    out["rows"][1].update(year=2017, value="2.5万")  # 今年底 of a 2017 report; the value as the page takes it
    out["rows"][3]["accepted"] = False  # 485亿元 is 3 years' funds (2017–2019), not a 2018–2019 target
    review = write_review(tmp_path, out)
    checked = run(db, "ingest", str(ROADS), "--reviewed", str(review), "--dry-run", "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert [r["accepted"] for r in json.loads(checked.stdout)["rows"]] == [True, True, True, False]
    assert dumps(db) == before

    stored = run(db, "ingest", str(ROADS), "--reviewed", str(review), "--user", "王芳", "--note", "TEST review")
    assert stored.exit_code == 0, stored.output
    assert "485亿元 [committed] «貴州將籌集資金485億元» 已拒绝 rejected" in stored.stdout
    batch_id = int(stored.stdout.rsplit("python -m etl revert ", 1)[1])
    assert sorted(line.split(",")[2:7] for line in roads_rows(db)) == [
        ["other:road_km", "2017", "2017", "25000", "="],
        ["other:road_km", "2018", "2018", "50000", "="],
        ["other:road_km", "2018", "2019", "97000", "="],
    ]
    listing = run(db, "batches").stdout.splitlines()[0]
    assert listing.split()[:2] == [str(batch_id), "document"] and "王芳" in listing and "TEST review" in listing

    again = run(db, "ingest", str(ROADS), "--reviewed", str(review))
    assert again.exit_code == 0 and f"already ingested as batch {batch_id}; nothing stored" in again.stdout
    assert len(roads_rows(db)) == 3

    reverted = run(db, "revert", str(batch_id), "--user", "王芳")
    assert reverted.exit_code == 0, reverted.output
    assert dumps(db) == before


def test_reject_and_set_correct_rows_without_a_file(db):
    refused = run(db, "ingest", str(ROADS), "--reject", "2", "--dry-run")
    assert refused.exit_code == 0, refused.output  # row 3 alone holds 2018: no duplicate left
    stored = run(db, "ingest", str(ROADS), "--set", "2:year=2017", "--set", "3:tier=stretch", "--reject", "4")
    assert stored.exit_code == 0, stored.output
    assert sorted(line.split(",")[3:7] + line.split(",")[-1:] for line in roads_rows(db)) == [
        ["2017", "2017", "25000", "=", "committed"],
        ["2018", "2018", "50000", "=", "stretch"],
        ["2018", "2019", "97000", "=", "committed"],
    ]


@pytest.mark.parametrize(
    ("path", "fixes"),
    [
        (MICROCREDIT, ["row 1, column 年份 year: 年份未知", "--date YYYY-MM-DD; --set 1:year=YYYY; --reject 1"]),
        (HANGZHOU, ["row 1, column 地区 region: 未识别地区", "--region ADCODE; --set 1:region=ADCODE; --reject 1"]),
    ],
)
def test_a_refusal_names_the_command_line_fix_and_lists_the_rows(db, path, fixes):
    result = run(db, "ingest", str(path), "--dry-run")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert all(part in first for part in fixes), first
    assert first.endswith(
        "或 or --reviewed FILE(编辑 --dry-run --format json 的输出后读回 / the output of --dry-run "
        "--format json, edited)"
    )
    assert result.stdout.splitlines()[1].startswith("    1 ")  # the rows the messages number, under the document


def test_the_page_keeps_its_own_fix_wording():
    problem = DuplicateTarget("a.txt", 2, "年份 year", "", "…")
    assert problem.hint == DuplicateTarget.HINT
    assert for_command_line(problem).hint.startswith("命令行 / on the command line: --reject 2;")


def _edited(out: dict, change) -> dict:
    out = json.loads(json.dumps(out))
    change(out)
    return out


REVIEW_CASES = [  # (what the user did to the dry run's JSON, the located message)
    ("not json", "review.json, line 1, column 2: 不是有效的 JSON / not valid JSON"),
    ("another", "review.json, document: 为另一文件或另一版本的文本而做"),
    (lambda o: o["rows"].append({**o["rows"][0], "row_id": 99}), "review.json, rows[5]: 提案中没有第 99 行"),
    (lambda o: o["rows"][3].update(tier="maybe"), "review.json, row 4, column 层级 tier: 'maybe'"),
    (lambda o: o["rows"][0].update(value="很多"), "review.json, row 1, column 数值 value:"),
    (lambda o: o["rows"][0].update(accepted="yes"), "review.json, row 1, column accepted: 'yes'"),
    (lambda o: o["rows"][0].update(teir="stretch"), "review.json, row 1, column teir: 未知字段 / unknown field"),
    (lambda o: o["rows"].pop(2), "review.json, row 3: 文件中缺少此行 / the row is missing"),
    (lambda o: o["rows"][1].update(start=186), "review.json, row 2, column start: 与本次提取的该行不同"),
    (lambda o: o["rows"][1].update(year=2017, period_end=2016), "row 2, column 年份 year: year 2017 与 period_end"),
    (lambda o: o["document"].update(published_on="2017-08-30"), "review.json, document, published_on:"),
]


def test_a_bad_review_exits_1_with_a_located_message_and_stores_nothing(db, tmp_path):
    before = dumps(db)
    out = proposed(db, ROADS)
    for change, message in REVIEW_CASES:
        if change == "not json":
            review = tmp_path / "review.json"
            review.write_text("{not json", encoding="utf-8")
        elif change == "another":  # the dry run of another text
            review = write_review(tmp_path, proposed(db, MICROCREDIT))
        else:
            review = write_review(tmp_path, _edited(out, change))
        result = run(db, "ingest", str(ROADS), "--reviewed", str(review))
        assert result.exit_code == 1, (message, result.output)
        assert message in result.stderr, (message, result.stderr)
    assert dumps(db) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reject", "9"], "--reject 9: 没有第 9 行 / there is no row 9 (rows 1–4; see --dry-run)"),
        (["--set", "2tier=stretch"], "--set 2tier=stretch: 写作 ROW:FIELD=VALUE"),
        (["--set", "2:colour=red"], "--set 2:colour=red: 未知字段 'colour' / unknown field 'colour'"),
        (["--set", "9:tier=stretch"], "--set 9:tier=stretch: 没有第 9 行"),
        (["--reject", "2", "--set", "2:year=2017"], "--set 2:year=2017: 第 2 行已拒绝(来自 --reject 2)"),
        (["--set", "2:tier=maybe"], "--set 2:tier=maybe, row 2, column 层级 tier: 'maybe'"),
        (["--set", "2:value=2.5万亩"], "--set 2:value=2.5万亩, row 2, column 数值 value"),
        (["--reject", "1", "--reject", "2", "--reject", "3", "--reject", "4"], "没有可保存的行"),
    ],
)
def test_bad_reject_and_set_options_exit_1_and_store_nothing(db, args, message):
    before = dumps(db)
    result = run(db, "ingest", str(ROADS), *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert dumps(db) == before
