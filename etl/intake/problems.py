"""What can be wrong with a plan document's candidate rows, in the etl/problems.py style.

``sheet`` is the file, ``row`` the candidate's ``row_id``, ``column`` the field.

Example::

    UnknownTier("plan.docx", 3, "tier", "maybe", "unknown tier 'maybe'").located()
    # "plan.docx, row 3, column tier: unknown tier 'maybe' — fix: choose 必成 committed or 力争 stretch"
"""

from __future__ import annotations

from etl.problems import Problem, UnknownTier

__all__ = ["UnknownTier"]  # shared with uploads (etl/problems.py)


class NoTargetsFound(Problem):
    HINT = (
        "确认这是一份给出数字目标的规划(到2020年…脱贫…万人、确保/力争…),或粘贴含目标的那部分文字;"
        "若是,用 --region 指明地区、用 --date 指明日期 / "
        "check this is a plan that sets figures (到2020年…脱贫…万人, 确保/力争…), or paste the part of the text with "
        "the targets; if it does, name the region with --region and the date with --date"
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
