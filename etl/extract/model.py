"""Result types of the extractor."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from .document import DocumentInfo
from .indicators import label_of


@dataclass(frozen=True)
class Extracted:
    """One numeric figure with the exact text it came from (``text[start:end] == quote``).

    Example::

        >>> f = Extracted("target", "定西市", "621100", "poverty_incidence", 2017, 2017, 8.0, "%", "<",
        ...               "到2017年全市农村贫困面下降到8%以下", 0, 20)
        >>> f.to_json()["year"]
        2017
    """

    kind: str  # "target" | "actual" | "baseline"
    region: str | None
    region_code: str | None
    indicator: str
    period_start: int
    period_end: int
    value: float
    unit: str
    comparator: str  # "=", ">=", "<=", "<", ">", "~"
    quote: str
    start: int
    end: int
    tier: str = "committed"  # "committed", or "stretch" (力争/奋斗目标/预备数 beside a committed number)
    confidence: float = 0.8  # how sure the rule that produced it is, 0-1 (for the reviewer)
    indicator_label: str = ""  # a readable name of the indicator (the document's words for an unknown one)

    def to_json(self) -> dict:
        d = asdict(self)
        out = {k: d[k] for k in ("kind", "region", "region_code", "indicator", "period_start", "period_end")}
        out["year"] = self.period_end
        out.update({k: d[k] for k in ("value", "unit", "comparator", "tier", "quote", "start", "end")})
        out.update({k: d[k] for k in ("confidence", "indicator_label")})
        return out


@dataclass
class ExtractedDocument:
    info: DocumentInfo
    figures: list[Extracted] = field(default_factory=list)


def county_exit(
    kind: str, name: str, code: str, years: tuple[int, int], text: str, start: int, end: int, confidence: float
) -> Extracted:
    """A county named as exiting (摘帽) in those years: one county, quoted from text[start:end].

    >>> county_exit("target", "甲县", "1", (2019, 2019), "甲县2019年摘帽", 0, 9, 0.7).value
    1.0
    """
    return Extracted(
        kind,
        name,
        code,
        "counties_exited",
        years[0],
        years[1],
        1.0,
        "个",
        "=",
        text[start:end],
        start,
        end,
        confidence=confidence,
        indicator_label=label_of("counties_exited"),
    )


def pair_tiers(figures: list[Extracted]) -> list[Extracted]:
    """A 力争/奋斗目标 figure beside a committed one of the same indicator and period (or the same words with a later
    year: "力争到2019年、确保2020年,…达到6000元") is its stretch tier; alone, it is the committed figure.

    >>> f = Extracted("target", None, None, "funds", 2017, 2017, 1.0, "元", "=", "力争1元", 0, 4, tier="stretch")
    >>> pair_tiers([f])[0].tier
    'committed'
    """
    out = []
    for f in figures:
        if f.tier == "stretch" and not any(
            g.tier == "committed"
            and g.indicator == f.indicator
            and ((g.period_start, g.period_end) == (f.period_start, f.period_end) or _said_later(g, f))
            and g.region_code == f.region_code
            and g.kind == f.kind
            for g in figures
        ):
            f = replace(f, tier="committed")
        out.append(f)
    return out


def _said_later(committed: Extracted, stretch: Extracted) -> bool:
    """The same words and value with a later year: "力争到2019年、确保2020年,…达到6000元"."""
    same = (committed.value, committed.quote) == (stretch.value, stretch.quote)
    return same and committed.period_end > stretch.period_end
