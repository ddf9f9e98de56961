"""Per-year schedules: the indicator heading one ("贫困县摘帽:2017年14个,2018年17个") and the last year of one
whose years each have their own ;-part.
"""

from __future__ import annotations

import re


def schedule_heading(sentence: str, tokens) -> str | None:
    """The indicator heading a per-year schedule: "贫困县摘帽:2017年14个,2018年17个,2019年27个" -> "贫困县摘帽".

    >>> from etl.extract.periods import year_tokens
    >>> schedule_heading("贫困县摘帽:2017年14个,2018年17个", year_tokens("贫困县摘帽:2017年14个,2018年17个"))
    '贫困县摘帽'
    """
    m = re.match(r"^([^\d,;。:、\uff1a\uff0c]{2,12})[:\uff1a]", sentence)
    if m is None or len({t.year for t in tokens if t.kind == "point" and t.start >= m.end()}) < 2:
        return None
    return m.group(1)


def read_schedule_end(text: str, end: int, sentence: str, tokens) -> int | None:
    """The last year of a schedule that gives each year its own ;-part ("2018年实现全省15万人脱贫…;2019年对剩余的
    13.56万贫困人口…扫尾;2020年…"): the later parts of the sentence are read ahead; else None."""
    heads = [t.year for t in tokens if t.kind == "point" and (t.start == 0 or sentence[t.start - 1] in ";,")]
    if not heads or not sentence.endswith(";"):
        return None
    later = []
    while m := re.match(r"\s*((?:19|20)\d{2})年[^。;]*;?", text[end:]):
        later.append(int(m.group(1)))
        end += m.end()
        if not m.group().endswith(";"):
            break
    return max(later) if later and min(later) > max(heads) else None
