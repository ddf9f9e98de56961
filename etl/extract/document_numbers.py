"""Government document numbers ("湘政办发[2018]27号"): the province whose one-character abbreviation opens one."""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer

# The one-character names of provinces that open their governments' document numbers (湘政办发, 黑政发, 川府发).
PROVINCE_ABBREVIATIONS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000", "吉": "220000",
    "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000",
    "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000",
    "渝": "500000", "川": "510000", "黔": "520000", "贵": "520000", "云": "530000", "滇": "530000", "藏": "540000",
    "陕": "610000", "甘": "620000", "青": "630000", "宁": "640000", "新": "650000",
}  # fmt: skip
_DOCUMENT_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff])([^\W\d_])(?:政|府|办|委|扶|财|发)[\u4e00-\u9fff]{0,4}[\[〔(]((?:19|20)\d{2})[\]〕)]\d+号"
)


def province_of_document_number(text: str, gazetteer: Gazetteer) -> str | None:
    """The province whose abbreviation opens the text's first document number ("湘政办发[2018]27号" -> 湖南省),
    else None ("国办发[2017]72号" is the State Council's).

    >>> from etl.gazetteer import RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("430000", None, "湖南省", "H", "province")])
    >>> province_of_document_number("湘政办发[2018]27号各市州:", g)
    '430000'
    """
    m = _DOCUMENT_NUMBER.search(text)
    code = PROVINCE_ABBREVIATIONS.get(m.group(1)) if m else None
    return code if code in gazetteer.regions else None
