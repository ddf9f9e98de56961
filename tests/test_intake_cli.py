"""`python -m etl ingest` and `etl extract` through CliRunner: exit codes, messages, what is stored."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from etl.cli import cli
from tests.intake_docs import DINGXI, DINGXI_QUOTE, DINGXI_RESULTS, HUINING, NO_TARGETS, WEIYUAN


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--database-url", db_url, *args])


def dumps(db_url: str) -> tuple[str, str]:
    return run(db_url, "dump", "targets").stdout, run(db_url, "dump", "actuals").stdout


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_ingest_stores_the_targets_with_quotes_and_batches_lists_it(db_url, tmp_path):
    path = write(tmp_path, "dingxi-plan.txt", DINGXI)
    result = run(db_url, "ingest", str(path), "--note", "定西 实施方案", "--user", "王芳")
    assert result.exit_code == 0, result.output
    batch_id = int(result.stdout.rsplit("python -m etl revert ", 1)[1])
    assert f"ingested as batch {batch_id}" in result.stdout
    targets = run(db_url, "dump", "targets").stdout
    assert "621100,定西市,poor_population_reduced,2016,2016,285200,=,人," in targets
    assert "dingxi-plan.txt" in targets and DINGXI_QUOTE in targets
    listing = run(db_url, "batches").stdout.splitlines()
    assert listing[0].split()[:2] == [str(batch_id), "document"]
    assert "王芳" in listing[0] and "dingxi-plan.txt" in listing[0] and "定西 实施方案" in listing[0]


def test_title_is_stored_over_the_one_read_from_the_text_as_on_the_page(db_url, tmp_path):
    # a newspaper page's continuation marker heads the text (synthetic, the test's own): the guessed title
    path = write(tmp_path, "dingxi-page7.txt", "(上接第6版)\n" + DINGXI)
    title = "定西市精准扶贫实施方案(测试标题)"
    result = run(db_url, "ingest", str(path), "--title", f"  {title} ", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"dingxi-page7.txt: {title} · ")  # said before anything is stored
    batch = run(db_url, "ingest", str(path), "--title", title, "--user", "王芳")
    assert batch.exit_code == 0, batch.output
    engine = create_engine(db_url)
    with engine.connect() as db:
        stored = db.execute(text("SELECT title FROM sources WHERE file_name = 'dingxi-page7.txt'")).all()
        versions = db.execute(
            text(
                "SELECT DISTINCT p.name FROM plan_versions p JOIN sources s ON s.id = p.source_id "
                "WHERE s.file_name = 'dingxi-page7.txt'"
            )
        ).all()
    engine.dispose()
    assert [tuple(r) for r in stored] == [(title,)] and [tuple(r) for r in versions] == [(title,)]
    refused = run(db_url, "ingest", str(path), "--title", "定西\x1b[2J", "--dry-run")
    assert refused.exit_code == 1 and "控制字符" in refused.stderr


def test_a_correction_is_noted_with_field_labels_and_indicator_names_not_codes_alone(db_url, tmp_path):
    # the reviewer's corrections are the test's own (synthetic): another indicator for row 1, another value for 2
    path = write(tmp_path, "weiyuan.txt", WEIYUAN)
    result = run(
        db_url, "ingest", str(path), "--set", "1:indicator=脱贫户数", "--set", "2:value=2.5%", "--user", "王芳"
    )
    assert result.exit_code == 0, result.output
    engine = create_engine(db_url)
    with engine.connect() as db:
        notes = db.execute(
            text(
                "SELECT f.note FROM figures f JOIN sources s ON s.id = f.source_id "
                "WHERE s.file_name = 'weiyuan.txt' ORDER BY f.id"
            )
        ).scalars()
        notes = list(notes)
    engine.dispose()
    assert notes == [
        "审核修改 corrected in review: 指标 indicator: 脱贫人口 (poor_population_reduced) → "
        "脱贫户数 (households_exited)",
        "审核修改 corrected in review: 数值 value: 3 → 2.5",
    ], notes


def test_a_note_with_a_control_character_is_refused_with_its_position(db_url, tmp_path):
    before = dumps(db_url)
    path = write(tmp_path, "dingxi-plan.txt", DINGXI)
    result = run(db_url, "ingest", str(path), "--note", "定西\x1b[2J实施方案", "--user", "王芳")
    assert result.exit_code == 1
    assert (
        "dingxi-plan.txt, column 备注 note: 第 3 个字符处有控制字符 U+001B (␛) / "
        "control character U+001B (␛) at position 3"
    ) in result.stderr
    assert dumps(db_url) == before


def test_dry_run_writes_nothing_and_json_lists_the_rows(db_url, tmp_path):
    before = dumps(db_url)
    path = write(tmp_path, "weiyuan.txt", WEIYUAN)
    result = run(db_url, "ingest", str(path), "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["dry_run"] is True and out["batch_id"] is None
    assert out["document"]["region_code"] == "621123"
    assert any(r["quote"] == "确保全县2021年减少贫困人口1.2万人" for r in out["rows"])
    assert dumps(db_url) == before


def test_ingesting_twice_stores_nothing_the_second_time_and_says_so(db_url, tmp_path):
    path = write(tmp_path, "weiyuan.txt", WEIYUAN)
    first = run(db_url, "ingest", str(path))
    assert first.exit_code == 0, first.output
    after = dumps(db_url)
    batch_id = int(first.stdout.rsplit("python -m etl revert ", 1)[1])
    second = run(db_url, "ingest", str(write(tmp_path, "weiyuan-gbk.txt", WEIYUAN, "gbk")))
    assert second.exit_code == 0, second.output
    assert f"already ingested as batch {batch_id}; nothing stored" in second.stdout
    assert dumps(db_url) == after


def test_revert_removes_the_ingested_document_exactly(db_url, tmp_path):
    before = dumps(db_url)
    result = run(db_url, "ingest", str(write(tmp_path, "dingxi-plan.txt", DINGXI)))
    batch_id = result.stdout.rsplit("python -m etl revert ", 1)[1].strip()
    assert dumps(db_url) != before
    reverted = run(db_url, "revert", batch_id, "--user", "王芳")
    assert reverted.exit_code == 0, reverted.output
    assert dumps(db_url) == before


def test_bad_inputs_exit_1_with_a_located_message_and_store_nothing(db_url, tmp_path):
    before = dumps(db_url)
    cases = [
        (write(tmp_path, "empty.txt", ""), "empty.txt: 空文件"),
        (write(tmp_path, "report.txt", NO_TARGETS), "没有找到目标 no targets found"),
        (write(tmp_path, "results.txt", DINGXI_RESULTS), "没有找到目标 no targets found"),  # actuals alone
        (
            write(tmp_path, "huining.txt", HUINING),
            "huining.txt, row 1, column 地区 region: 地区 会宁县 (620422) 不在地区树中",
        ),
        (write(tmp_path, "plan.odt", "x"), "plan.odt: 不支持的文件类型"),
    ]
    for path, message in cases:
        result = run(db_url, "ingest", str(path))
        assert result.exit_code == 1, (path.name, result.output)
        assert message in result.output, (path.name, result.output)
    assert dumps(db_url) == before


def test_a_planner_account_may_not_ingest_another_regions_document(db_url, tmp_path):
    env = {"NEW_USER_PASSWORD": "a-long-enough-password"}
    added = CliRunner().invoke(
        cli, ["--database-url", db_url, "users", "add", "li", "--role", "planner", "--region", "610000"], env=env
    )
    assert added.exit_code == 0, added.output
    before = dumps(db_url)
    result = run(db_url, "ingest", str(write(tmp_path, "weiyuan.txt", WEIYUAN)), "--user", "li")
    assert result.exit_code == 1
    assert (
        "column 地区 region: 地区 渭源县 (621123) 不在您的管辖范围内 / 渭源县 (621123) is not one of your regions"
    ) in result.output
    assert dumps(db_url) == before


def test_unknown_region_option_is_refused(db_url, tmp_path):
    result = run(db_url, "ingest", str(write(tmp_path, "weiyuan.txt", WEIYUAN)), "--region", "999999")
    assert result.exit_code == 1 and "--region 999999: no region in the tree" in result.output


def test_extract_reads_utf16_and_gbk_text_with_exact_quotes(tmp_path):
    for encoding in ("utf-16", "gbk", "utf-8-sig"):
        path = write(tmp_path, f"dingxi-{encoding}.txt", DINGXI, encoding)
        result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(path)])
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in result.stdout.splitlines()]
        row = next(r for r in records if r["value"] == 285200)
        assert DINGXI_QUOTE in row["quote"] and row["tier"] == "committed" and row["ocr"] is False
        text = DINGXI
        assert all(text[r["start"] : r["end"]] == r["quote"] for r in records)


def test_extract_dates_an_undated_text_from_its_url_and_refuses_a_bad_url(tmp_path):
    # Adapted from data/corpus/dev/hubei-2017-work-report-trad.txt (a reprint), its 2017年 replaced by 今年
    text = "《湖北省政府工作報告》提出,今年湖北省將紮實推進精準脫貧,力爭128萬人脫貧、1520個村出列。"
    path = write(tmp_path, "hubei.txt", text)
    url = "http://big5.china.com.cn/gate/big5/f.china.com.cn/2017-03/04/content_40408394.htm"
    result = CliRunner().invoke(cli, ["extract", "--url", url, str(path)])
    assert result.exit_code == 0, result.output
    figures = {json.loads(line)["value"]: json.loads(line)["year"] for line in result.stdout.splitlines()}
    assert (figures[1280000], figures[1520]) == (2017, 2017)
    bad = CliRunner().invoke(cli, ["extract", "--url", "f.china.com.cn/2017", str(path)])
    assert bad.exit_code == 1
    assert "--url, column 来源网址 source URL: 来源网址不是网址 / the source URL is not a web address" in bad.output


def test_ingest_says_where_the_date_came_from(db_url, tmp_path):
    text = "渭源县召开脱贫攻坚推进会\n\n会议要求,今年全县要确保减少贫困人口1.5万人。\n"
    path = write(tmp_path, "weiyuan-meeting.txt", text)
    url = "http://www.weiyuan.gov.cn/art/2019/3/12/art_1_1.html"
    result = run(db_url, "ingest", str(path), "--region", "621123", "--url", url, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "2019-03-12 (date from --url)" in result.stdout
    undated = run(db_url, "ingest", str(path), "--region", "621123", "--dry-run")  # 今年 of no known year
    assert undated.exit_code == 1
    said = "weiyuan-meeting.txt, row 1, column 年份 year: 年份未知,请填写文件日期或年份 / year unknown"
    assert said in undated.stderr
    assert "fix: 命令行 / on the command line: --date YYYY-MM-DD; --set 1:year=YYYY; --reject 1;" in undated.stderr
