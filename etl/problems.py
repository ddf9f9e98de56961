"""What can be wrong with an uploaded file, one class per failure, each located by sheet, row and column.

Example::

    p = UnknownRegion("目标 Targets", 5, "A (地区代码 region_code)", "619999", "no region has code or name '619999'")
    p.located()   # "目标 Targets, row 5, column A (地区代码 region_code): no region ... — fix: use an adcode ..."
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.values import COMPARATOR_HINT, NUMBER_HINT
from text.format import plain_number
from textsafety import one_line


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    value: str
    message: str
    hint: str = ""

    HINT = "改正该单元格后重新上传 / correct the cell and upload again"

    def __post_init__(self) -> None:
        # shown in terminals, pages and cells: a cell's text (also quoted in a message) never raw; a number as the
        # cell shows it (20, not the reader's 20.0)
        if isinstance(self.value, int | float) and not isinstance(self.value, bool):
            self.value = plain_number(self.value)
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
    HINT = (
        "使用模板:其 目标 Targets 和 实际 Actuals 工作表带有导入所需的表头 / use the template: its 目标 Targets "
        "and 实际 Actuals sheets have the headers the import expects"
    )


class MissingColumn(Problem):
    HINT = (
        "按模板的表头添加该列(中文、英文或两者皆可) / "
        "add the column with the header from the template (Chinese, English, or both)"
    )


class MissingValue(Problem):
    HINT = "填写该单元格;若该行不应导入,请删除该行 / fill the cell, or delete the row if it should not be imported"


class UnknownKind(Problem):
    HINT = (
        "填写 目标 或 实际,或把该行放到 目标 Targets / 实际 Actuals 工作表 / write 目标 (target) or 实际 (actual), "
        "or put the row on the 目标 Targets / 实际 Actuals sheet"
    )


class UnknownRegion(Problem):
    HINT = (
        "填写模板 地区 Regions 表中的 6 位行政区划代码或地区全称(如 610000 或 陕西省) / use a 6-digit adcode or a full "
        "name from the 地区 Regions list of the template (e.g. 610000 or 陕西省)"
    )


class AmbiguousRegion(Problem):
    HINT = (
        "填写所指地区的 6 位代码或全称(如 211300 或 朝阳市) / "
        "write the 6-digit adcode or the full name (e.g. 211300 or 朝阳市) of the region you mean"
    )


class RegionMismatch(Problem):
    HINT = (
        "代码与名称指向不同地区:改正其一,或清空名称 / "
        "the code and the name point to different regions: correct one of them or clear the name"
    )


class UnknownIndicator(Problem):
    HINT = (
        "从模板的下拉列表中选择指标(代码如 poor_population_reduced,或名称如 脱贫人口) / choose an indicator from the "
        "template's drop-down list (code such as poor_population_reduced or 脱贫人口)"
    )


class NotANumber(Problem):
    HINT = NUMBER_HINT


class FormulaWithoutValue(Problem):
    HINT = (
        "用 Excel 打开文件让公式计算、保存后重新上传(或直接输入数值) / open the file in Excel so the formula is "
        "calculated, save it, and upload again (or type the value)"
    )


class NegativeCount(Problem):
    HINT = (
        "人数、户数、村数、县数不能为负,请检查正负号 / "
        "counts of people, households, villages or counties cannot be negative; check the sign"
    )


class RateOutOfRange(Problem):
    HINT = (
        "比率是 0 到 100 之间的百分数:百分之八写 8 或 8% / "
        "rates are percentages between 0 and 100: write 8 or 8% for eight percent"
    )


class UnitMismatch(Problem):
    HINT = (
        "按指标的单位填写数值(见 指标 Indicators 表),或清空单位单元格 / "
        "write the value in the indicator's unit (see the 指标 Indicators list), or clear the unit cell"
    )


class UnknownComparator(Problem):
    HINT = COMPARATOR_HINT


class BadYear(Problem):
    HINT = (
        "填写四位年份,如 2019;单一年份时 起始年 留空或重复该年 / write a four-digit year, e.g. 2019; for a single year "
        "leave 起始年 blank or repeat the year"
    )


class PeriodReversed(Problem):
    HINT = "起始年 不能晚于 截止年 / 起始年 period_start must not be after 截止年 period_end"


class YearOutsidePlan(Problem):
    HINT = "请核对年份,例如 2091 应为 2019 / check the year: 2091 for 2019?"


class StockAsFlow(Problem):
    HINT = (
        "存量或比率是某一时点的数:填单一年份的年末数(起始年 = 截止年);只有已存规划为该指标给出的期间可跨多年 / "
        "a stock or rate is read at one moment: give the year-end figure for a single year (起始年 = 截止年); "
        "only a period a stored plan already gives this indicator may span several years"
    )


class DuplicateRow(Problem):
    HINT = "删除两行相同数据中的一行 / delete one of the two identical rows"


class ConflictingRow(Problem):
    HINT = (
        "同一地区、指标和期间有两个不同数值:保留正确的一行 / "
        "two rows give different values for the same region, indicator and period: keep the right one"
    )


class BadReliability(Problem):
    HINT = "填写 官方、转载 或 低(留空即 官方) / use 官方 official, 转载 repost or 低 low (or leave blank for official)"


class BadUrl(Problem):
    HINT = "来源链接须以 http:// 或 https:// 开头 / a source link must start with http:// or https://"


class ControlCharacter(Problem):
    HINT = (
        "删除该控制字符(常见于从网页或终端复制的文本);备注和原文可换行 / delete the control character (often "
        "pasted from a web page or a terminal); notes and quotes may hold line breaks, links may not"
    )


class TextTooLong(Problem):
    HINT = "缩短文字(每个单元格最多 4,000 字) / shorten the text (at most 4,000 characters per cell)"


class UnknownTier(Problem):
    HINT = (
        "选择 必成(计划任务数、必成数)或 力争(奋斗目标数、预备数);留空即 必成 / choose 必成 committed (计划任务数, "
        "必成数) or 力争 stretch (奋斗目标数, 预备数); blank is committed"
    )


class RegionNotYours(Problem):
    HINT = "只上传本人管辖地区的数据,或请管理员分配该地区 / upload only your own regions, or ask an administrator"
