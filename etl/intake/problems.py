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
        "check this is a plan that sets figures (到2020年…脱贫…万人, 确保/力争…), or paste the part of the text with "
        "the targets; if it does, name the region with --region and the date with --date"
    )


class UnknownYear(Problem):
    HINT = (
        "give the document's date (--date YYYY-MM-DD, or 文件日期 on the Documents page) and read it again, "
        "or type the row's year"
    )


class RegionNotInTree(Problem):
    HINT = (
        "load the national region tree (python -m etl regions), or set the row's region to one in the tree "
        "(6-digit adcode)"
    )


class MissingRegion(Problem):
    HINT = "choose the region this figure is for (6-digit adcode), or reject the row"


class NewIndicatorName(Problem):
    HINT = "give the new indicator a readable Chinese name (e.g. 易地搬迁户数), or choose a known indicator"


class UnknownRowKind(Problem):
    HINT = "choose 目标 target, 实际 actual or 基数 baseline"


class AlreadyIngested(Problem):
    HINT = "nothing to do: it is stored; to take it in again, revert that batch first (/history or etl revert)"


class DuplicateTarget(Problem):
    HINT = "拒绝其中一行,或更正其年份或指标 reject one of the rows, or correct its year or indicator"


class StoredTargetConflict(Problem):
    HINT = (
        "本文件若是更新的计划,填写其日期后重新读取;否则拒绝本行或更正其年份或指标,或先在“历史”页撤销那一批次 "
        "if this document is the newer plan, give its date and read it again; otherwise reject the row or correct "
        "its year or indicator, or revert that batch on History first"
    )
