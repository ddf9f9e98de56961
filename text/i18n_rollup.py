"""How sums of sub-regions (roll-ups) are said, on the region page and in exports alike (Chinese, English).

Example: ``rollup_text("partial_tag", "en") == "partial"``
"""

ROLLUP_TEXT = {
    # the region page's note and tags
    "note": ("Σ 下级合计 · {sides}", "Σ sum of sub-regions · {sides}"),
    "side": (
        "{series}:{total}个下级中{reporting}个有数据({years}年)",
        "{series}: {reporting} of {total} report ({years})",
    ),
    "actual": ("实际", "actual"),
    "target": ("目标", "target"),
    "partial": (
        "部分下级的合计不与本级目标比较;计划与实际同为这些下级时,状态仅反映这些下级",
        "a sum of only some is not judged against the region's target; where plan and actual are both theirs, the"
        " status covers only those",
    ),
    "partial_tag": ("部分下级", "partial"),
    "children_reporting": (
        "({total}个下级中{reporting}个有本级数据{more})",
        "({reporting} of {total} sub-regions report a figure of their own{more})",
    ),
    "lower_expected": (",合计低于本级属正常", ": a lower sum is expected"),
    # an export's basis column
    "own": ("本级", "own"),
    "sum": ("下级合计 Σ", "Σ sum of sub-regions"),
    "mixed": ("本级 + 下级合计 Σ", "own + Σ sum of sub-regions"),
    "derived": ("推得", "derived"),
    "reporting": ("{total}个下级中{reporting}个有数据", "{reporting} of {total} report"),
}


def rollup_text(key: str, lang: str, **values) -> str:
    """One of ``ROLLUP_TEXT`` in ``lang``, its fields filled: ``rollup_text("own", "zh") == "本级"``."""
    zh, en = ROLLUP_TEXT[key]
    return (en if lang == "en" else zh).format(**values)
