"""What can be wrong with a plan document's candidate rows, in the etl/problems.py style.

``sheet`` is the file, ``row`` the candidate's ``row_id``, ``column`` the field.

Example::

    UnknownTier("plan.docx", 3, "tier", "maybe", "unknown tier 'maybe'").located()
    # "plan.docx, row 3, column tier: unknown tier 'maybe' — fix: choose 必成 committed or 力争 stretch"
"""

from __future__ import annotations

import dataclasses

from etl import problems as P
from etl.problems import Problem, UnknownTier

__all__ = ["UnknownTier"]  # shared with uploads (etl/problems.py)


class NoTargetsFound(Problem):
    HINT = (
        "确认这是一份给出数字目标的规划或要点(确保脱贫人口人均纯收入增长10%以上、务工规模稳定在…万人以上、力争…),"
        "或粘贴含目标的那部分文字;若是,用 --region 指明地区、用 --date 指明日期 / "
        "check this is a plan or work plan that sets figures (确保脱贫人口人均纯收入增长10%以上, "
        "务工规模稳定在…万人以上, 力争…), or paste the part of the text with the targets; "
        "if it does, name the region with --region and the date with --date"
    )


class NothingAccepted(Problem):
    HINT = (
        "勾选要保存的行(目标、实际值或基数);文件中若确无数字,无需保存 / "
        "tick the rows to store (targets, actuals or baselines); a document with no figures needs no storing"
    )


UNKNOWN_YEAR = "年份未知,请填写文件日期或年份 / year unknown: give the document's date or the year"


class UnknownYear(Problem):
    HINT = (
        "填写文件日期(--date YYYY-MM-DD,或在“文件”页填写 文件日期)后重新读取,或直接填写该行的年份 / "
        "give the document's date (--date YYYY-MM-DD, or 文件日期 on the Documents page) and read it again, "
        "or type the row's year"
    )


class TitleTooLong(Problem):
    HINT = "缩短标题,写文件名称即可 / shorten the title: the document's name is enough"


class RegionNotInTree(Problem):
    HINT = (
        "载入全国行政区划树(python -m etl regions),或把该行的地区改为树中已有的地区(6 位行政区划代码) / "
        "load the national region tree (python -m etl regions), or set the row's region to one in the tree "
        "(6-digit adcode)"
    )


class MissingRegion(Problem):
    HINT = (
        "选择该数字所指的地区(6 位行政区划代码),或拒绝该行 / "
        "choose the region this figure is for (6-digit adcode), or reject the row"
    )


class NewIndicatorName(Problem):
    HINT = (
        "给新指标起一个易懂的中文名称(如 易地搬迁户数),或选择已有指标 / "
        "give the new indicator a readable Chinese name (e.g. 易地搬迁户数), or choose a known indicator"
    )


class UnknownRowKind(Problem):
    HINT = "选择 目标、实际 或 基数 / choose 目标 target, 实际 actual or 基数 baseline"


class AlreadyIngested(Problem):
    HINT = (
        "无需操作:已经存储;如需重新录入,请先撤销那一批次(“历史”页或 etl revert) / "
        "nothing to do: it is stored; to take it in again, revert that batch first (/history or etl revert)"
    )


class DuplicateTarget(Problem):
    HINT = (
        "拒绝其中一行,或更正其年份或指标,或将其中一行的层级改为 力争 / "
        "reject one of the rows, or correct its year or indicator, or set one row's tier to stretch"
    )


class DuplicateActual(Problem):
    HINT = (
        "拒绝其中一行,或更正其年份(累计数写起止年份)、指标或地区 / "
        "reject one of the rows, or correct its year (a running total: its first and last year), indicator or region"
    )


class StoredTargetConflict(Problem):
    HINT = (
        "本文件若是更新的计划,填写其日期后重新读取;否则拒绝本行或更正其年份或指标,或先在“历史”页撤销那一批次 / "
        "if this document is the newer plan, give its date and read it again; otherwise reject the row or correct "
        "its year or indicator, or revert that batch on History first"
    )


# How each row's problem is fixed by ``python -m etl ingest`` (its options, not the page's controls): what the row
# can be set to (``--set ROW:FIELD=VALUE``), "reject" (``--reject ROW``), or an option of the whole document.
# The page keeps the classes' HINT; a class not listed here keeps it on the command line too.
COMMAND_LINE_FIXES: dict[type[Problem], tuple[str, ...]] = {
    DuplicateTarget: ("reject", "year=YYYY", "indicator=CODE", "tier=stretch"),
    DuplicateActual: ("reject", "year=YYYY", "indicator=CODE", "region=ADCODE"),
    StoredTargetConflict: ("--date YYYY-MM-DD", "reject", "year=YYYY", "indicator=CODE"),
    UnknownYear: ("--date YYYY-MM-DD", "year=YYYY", "reject"),
    MissingRegion: ("--region ADCODE", "region=ADCODE", "reject"),
    RegionNotInTree: ("python -m etl regions", "region=ADCODE", "reject"),
    NewIndicatorName: ("indicator=名称NAME", "indicator=CODE", "reject"),
    UnknownRowKind: ("kind=target", "reject"),
    UnknownTier: ("tier=committed", "kind=target", "reject"),
    P.UnknownIndicator: ("indicator=CODE", "reject"),
    P.BadYear: ("year=YYYY", "reject"),
    P.PeriodReversed: ("year=YYYY-YYYY", "reject"),
    P.NotANumber: ("value=NUMBER", "reject"),
    P.NegativeCount: ("value=NUMBER", "reject"),
    P.RateOutOfRange: ("value=NUMBER", "kind=target", "reject"),
    P.UnknownComparator: ("comparator=>=", "reject"),
    P.ControlCharacter: ("reject",),
    P.RegionNotYours: ("reject", "region=ADCODE"),
}
REVIEWED_FILE = (
    "--reviewed FILE(编辑 --dry-run --format json 的输出后读回 / the output of --dry-run --format json, edited)"
)


def command_line_fix(problem: Problem) -> str | None:
    """The options of ``python -m etl ingest`` that fix a row's problem; None for a problem of no row or of a class
    the command line fixes as the page does (its HINT).

    >>> command_line_fix(DuplicateTarget("a.txt", 2, "年份 year", "", "…")).split(" / ")[1][:60]
    'on the command line: --reject 2; --set 2:year=YYYY; --set 2:'
    """
    actions = COMMAND_LINE_FIXES.get(type(problem))
    if actions is None or problem.row is None:
        return None
    return command_line_options(problem.row, actions)


def command_line_options(row: int | str, actions: tuple[str, ...]) -> str:
    """``actions`` (as in COMMAND_LINE_FIXES) as the options of row ``row``, and --reviewed FILE.

    >>> command_line_options(4, ("--date YYYY-MM-DD", "year=YYYY", "reject")).split("; 或")[0]
    '命令行 / on the command line: --date YYYY-MM-DD; --set 4:year=YYYY; --reject 4'
    """
    options = [
        f"--reject {row}" if a == "reject" else a if a.startswith(("--", "python")) else f"--set {row}:{a}"
        for a in actions
    ]
    return f"命令行 / on the command line: {'; '.join(options)}; 或 or {REVIEWED_FILE}"


def for_command_line(problem: Problem) -> Problem:
    """The problem with its fix said as ``python -m etl ingest`` options (``command_line_fix``), else as it is."""
    fix = command_line_fix(problem)
    return problem if fix is None else dataclasses.replace(problem, hint=fix)
