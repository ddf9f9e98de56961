"""What can be wrong with an uploaded file, one class per failure, each located by sheet, row and column.

Example::

    p = UnknownRegion("目标 Targets", 5, "A (地区代码 region_code)", "619999", "no region has code or name '619999'")
    p.located()   # "目标 Targets, row 5, column A (地区代码 region_code): no region ... — fix: use an adcode ..."
"""

from __future__ import annotations

from dataclasses import dataclass

from textsafety import one_line


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    value: str
    message: str
    hint: str = ""

    HINT = "correct the cell and upload again"

    def __post_init__(self) -> None:
        # shown in terminals, pages and cells: a cell's text (also quoted in a message) never raw
        self.value = "" if self.value is None else one_line(str(self.value)[:200])
        self.message = one_line(self.message)
        self.hint = self.hint or self.HINT

    @property
    def code(self) -> str:
        return type(self).__name__

    def located(self) -> str:
        where = ", ".join(
            p
            for p in (
                one_line(self.sheet),
                f"row {self.row}" if self.row else "",
                f"column {self.column}" if self.column else "",
            )
            if p
        )
        return f"{where}: {self.message} — fix: {self.hint}"

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "hint": self.hint,
        }


class FileProblem(Problem):
    """The whole file was refused (size, type, macros, encryption, zip bomb, encoding)."""


class NoData(Problem):
    HINT = "use the template: its 目标 Targets and 实际 Actuals sheets have the headers the import expects"


class MissingColumn(Problem):
    HINT = "add the column with the header from the template (Chinese, English, or both)"


class MissingValue(Problem):
    HINT = "fill the cell, or delete the row if it should not be imported"


class UnknownKind(Problem):
    HINT = "write 目标 (target) or 实际 (actual), or put the row on the 目标 Targets / 实际 Actuals sheet"


class UnknownRegion(Problem):
    HINT = "use a 6-digit adcode or a full name from the 地区 Regions list of the template (e.g. 610000 or 陕西省)"


class AmbiguousRegion(Problem):
    HINT = "write the 6-digit adcode or the full name (e.g. 211300 or 朝阳市) of the region you mean"


class RegionMismatch(Problem):
    HINT = "the code and the name point to different regions: correct one of them or clear the name"


class UnknownIndicator(Problem):
    HINT = "choose an indicator from the template's drop-down list (code such as poor_population_reduced or 脱贫人口)"


class NotANumber(Problem):
    HINT = "write digits with an optional 万/亿 and unit, e.g. 12.5万, 28.52万人, 1,756, 8%, ≥95%"


class FormulaWithoutValue(Problem):
    HINT = "open the file in Excel so the formula is calculated, save it, and upload again (or type the value)"


class NegativeCount(Problem):
    HINT = "counts of people, households, villages or counties cannot be negative; check the sign"


class RateOutOfRange(Problem):
    HINT = "rates are percentages between 0 and 100: write 8 or 8% for eight percent"


class UnitMismatch(Problem):
    HINT = "write the value in the indicator's unit (see the 指标 Indicators list), or clear the unit cell"


class UnknownComparator(Problem):
    HINT = "use one of = ≥ ≤ > < ~ (or leave blank for =)"


class BadYear(Problem):
    HINT = "write a four-digit year, e.g. 2019; for a single year leave 起始年 blank or repeat the year"


class PeriodReversed(Problem):
    HINT = "起始年 period_start must not be after 截止年 period_end"


class YearOutsidePlan(Problem):
    HINT = "check the year: the stored plans do not cover it"


class StockAsFlow(Problem):
    HINT = (
        "a stock or rate is read at one moment: give the year-end figure for a single year (起始年 = 截止年); "
        "only a period a stored plan already gives this indicator may span several years"
    )


class DuplicateRow(Problem):
    HINT = "delete one of the two identical rows"


class ConflictingRow(Problem):
    HINT = "two rows give different values for the same region, indicator and period: keep the right one"


class BadReliability(Problem):
    HINT = "use 官方 official, 转载 repost or 低 low (or leave blank for official)"


class BadUrl(Problem):
    HINT = "a source link must start with http:// or https://"


class ControlCharacter(Problem):
    HINT = (
        "删除该控制字符(常见于从网页或终端复制的文本);备注和原文可换行 / delete the control character (often "
        "pasted from a web page or a terminal); notes and quotes may hold line breaks, links may not"
    )


class TextTooLong(Problem):
    HINT = "shorten the text (at most 4,000 characters per cell)"


class UnknownTier(Problem):
    HINT = "choose 必成 committed (计划任务数, 必成数) or 力争 stretch (奋斗目标数, 预备数); blank is committed"


class RegionNotYours(Problem):
    HINT = "只上传本人管辖地区的数据,或请管理员分配该地区 / upload only your own regions, or ask an administrator"
