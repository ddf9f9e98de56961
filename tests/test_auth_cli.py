"""``python -m etl users …`` through click's CliRunner: exit codes and exact messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from auth.passwords import verify_password
from db import accounts
from db.session import make_engine, session_factory
from etl.cli import cli

PASSWORD = "a long enough passphrase"


def run(url: str, *args: str, env: dict | None = None, input: str | None = None):
    env = {"NEW_USER_PASSWORD": PASSWORD} if env is None else env
    return CliRunner().invoke(cli, ["--database-url", url, "users", *args], env=env, input=input)


def stored(url: str, name: str) -> dict | None:
    with session_factory(make_engine(url))() as s:
        return accounts.user_by_name(s, name)


def test_add_a_planner_with_a_region_and_list_it(db_url):
    result = run(db_url, "add", "li", "--role", "planner", "--region", "621100")
    assert result.exit_code == 0 and result.output == "added li (planner 621100)\n"
    row = stored(db_url, "li")
    assert row["role"] == "planner" and row["regions"] == ["621100"] and row["active"]
    assert verify_password(row["password_hash"], PASSWORD) and row["password_hash"] != PASSWORD
    listed = json.loads(run(db_url, "list", "--format", "json").output)
    assert [(u["name"], u["role"], u["regions"]) for u in listed] == [("li", "planner", ["621100"])]
    assert "password_hash" not in listed[0]


def test_password_from_a_hidden_prompt_with_confirmation(db_url):
    result = run(db_url, "add", "admin", "--role", "admin", env={}, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert verify_password(stored(db_url, "admin")["password_hash"], PASSWORD)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "li", "--role", "planner"], "a planner needs at least one --region"),
        (["add", "li", "--role", "viewer", "--region", "621100"], "--region applies to planners and approvers only"),
        (
            ["add", "li", "--role", "planner", "--region", "999999"],
            "未知地区代码 999999:请使用 data/regions_national.csv 中的行政区划代码,如 621100 / "
            "unknown region code(s) 999999: use an adcode from data/regions_national.csv",
        ),
        (["add", "li", "--role", "root"], "Invalid value for '--role'"),
        (["disable", "nobody"], "没有用户 'nobody':`python -m etl users list` 列出所有账户 / no user 'nobody'"),
    ],
)
def test_bad_commands_fail_with_a_reason_and_store_nothing(db_url, args, message):
    result = run(db_url, *args)
    assert result.exit_code != 0 and message in result.output
    assert stored(db_url, "li") is None


def test_a_region_of_the_national_tree_not_yet_loaded_points_to_the_command_that_loads_it(db_url):
    """`etl build` loads the seed regions only: 贵州 520000 needs `etl regions`, and the refusal says so."""
    refused = run(db_url, "add", "gz", "--role", "planner", "--region", "520000", "--region", "999999")
    assert refused.exit_code == 1 and stored(db_url, "gz") is None
    assert "地区 520000 贵州省 尚未载入本数据库:请运行 `python -m etl regions` 载入全国区划" in refused.output
    assert "未知地区代码 999999" in refused.output
    english = refused.output.split(" / ", 1)[1]
    assert "region(s) 520000 贵州省 not loaded in this database: run `python -m etl regions`" in english
    assert "unknown region code(s) 999999" in english and "etl build` first" not in refused.output
    loaded = CliRunner().invoke(cli, ["--database-url", db_url, "regions"])
    assert loaded.exit_code == 0, loaded.output
    added = run(db_url, "add", "gz", "--role", "planner", "--region", "520000")
    assert added.exit_code == 0 and added.output == "added gz (planner 520000)\n"


def test_weak_passwords_and_duplicates_are_refused(db_url):
    weak = run(db_url, "add", "li", "--role", "viewer", env={"NEW_USER_PASSWORD": "short"})
    assert weak.exit_code == 1 and "at least 12 characters" in weak.output
    assert run(db_url, "add", "li", "--role", "viewer").exit_code == 0
    again = run(db_url, "add", "li", "--role", "admin")
    assert again.exit_code == 1 and "用户 'li' 已存在:请另选用户名" in again.output
    assert "账户 / user 'li' already exists; choose another name or use `users enable`" in again.output
    assert stored(db_url, "li")["role"] == "viewer"


def test_disable_enable_role_and_password_changes_are_recorded(db_url):
    run(db_url, "add", "li", "--role", "viewer")
    assert run(db_url, "disable", "li").output == "disabled li\n"
    row = stored(db_url, "li")
    assert not row["active"] and row["changed_by"].startswith("cli:") and row["changed_at"]
    assert run(db_url, "enable", "li").exit_code == 0 and stored(db_url, "li")["active"]
    result = run(db_url, "role", "li", "--role", "planner", "--region", "621100", "--region", "610981")
    assert result.output == "li is now planner 610981,621100\n"
    old_hash = stored(db_url, "li")["password_hash"]
    assert run(db_url, "passwd", "li", env={"NEW_USER_PASSWORD": "another long passphrase"}).exit_code == 0
    assert stored(db_url, "li")["password_hash"] != old_hash
    assert "li\tplanner\t610981,621100\tactive\tlast login never" in run(db_url, "list").output
