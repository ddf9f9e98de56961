"""``python -m bench.train_extract_model``: can a small learned model keep/drop the figures the rules read better
than the rules do? Measured out-of-fold on dev only (the held-out part is never read here).

Example: ``python -m bench.train_extract_model --evaluate`` (add ``--cache /tmp/cand.pkl`` to reuse the figures read
across runs, ``--without year_unknown`` to leave features out, ``--write /tmp/model.json`` for the coefficients
trained on all of dev).

Candidates: every figure ``extract_text(..., possible=True)`` reads (targets, actuals, baselines, possible rows) plus
the rule targets of the ordinary run (the extractor's output). Label: the candidate, read as a target, is matched by a
labelled target (``bench.extract.match``, the rule targets first). Features are what the rules can compute (the
rule's kind and confidence, a possible row or not, the year against the document's date, the unit, a catalogue
indicator or not, words of intent / of results / of a stock / of a criterion in the quote, the sentence before the
figure, the sentence and the paragraph, a table line, the distance to a year, the document's genre, the same value
read elsewhere); none names a document, a region or a value. Logistic regression (scikit-learn 1.9.1, installed by
hand for this experiment: it is in no requirements file, nothing else uses it),
one model for the rule targets (keep or drop) and one for the other figures read (add or not).

Policies, each scored as ``bench.extract`` scores the rules (gold / extracted / matched / recall / precision / region):

* rules alone: the rule targets;
* dated (no model, for comparison): the rule targets less those with no year (a text the rules could not date);
* model alone: every candidate scoring above a threshold, as a target;
* rules + model: a rule target is dropped when it scores below ``drop_below``, another figure read is added as a
  target when it scores above ``add_above``.

Out-of-fold: GroupKFold over the dev documents by province (the first two digits of the labelled region code), so
each document's decisions come from a model that saw no document of its province; the thresholds are chosen inside
each training part, on its own inner out-of-fold scores, never on the part scored.
"""

from __future__ import annotations

import importlib.util
import json
import math
import pickle
import re
from dataclasses import dataclass, replace
from pathlib import Path

import click

from bench.extract import load_part, match


@dataclass
class DocCandidates:
    name: str
    group: str  # the province (first two digits of the labelled region code), else the slug's first word
    gold: list[dict]
    figures: list  # every figure read, as targets, the rule targets first (offsets into the normalised text)
    rule: list[bool]  # a rule target (the extractor's output)
    features: list[dict]
    labels: list[int]


@dataclass(frozen=True)
class Genre:
    """What the features need of the document as a whole."""

    doc_year: int
    news: bool
    title: str


def _patterns() -> dict[str, re.Pattern]:
    from etl.extract import classify

    return {
        "fut": classify.FUTURE_CUES,
        "past": re.compile(classify.SENTENCE_PAST.pattern + "|" + classify.CLAUSE_PAST.pattern),
        "done": classify.DONE,
        "base": classify.BASELINE_MARKERS,
        "crit": re.compile(r"标准|低于|不足|以下的|线"),
        "each": re.compile(r"每|各|平均|人均|户均"),
        "parts": re.compile(r"其中"),
        "sofar": re.compile(r"累计|共计|合计|总计"),
        "change": re.compile(r"同比|比上年|增长|增加|下降|减少|提高"),
    }


YEAR = re.compile(r"(?:19|20)\d{2}年")
PLAN_TITLE = re.compile(r"方案|规划|计划|意见|要点|纲要|决定|办法|细则|行动")
REPORT_TITLE = re.compile(r"报告|总结|情况|综述|成效|回顾|纪实|巡礼")
NOTICE_TITLE = re.compile(r"通知|公示|公告|下达|分配")
TABLE_LINE = re.compile(r"\||\t| {2,}\S+ {2,}")
SENTENCE_ENDS = "。;!?\n"


def _unit_class(unit: str) -> str:
    if "元" in unit:
        return "money"
    if unit in ("%", "人", "户"):
        return {"%": "share", "人": "people", "户": "households"}[unit]
    return "places" if unit in ("个", "村", "县", "乡", "镇") else "other"


def features(f, rule: bool, text: str, figures: list, genre: Genre, patterns: dict) -> dict[str, float]:
    """The features of figure ``f`` (offsets into ``text``) among the document's ``figures``."""
    out: dict[str, float] = {}

    def flag(name: str, on: object) -> None:
        out[name] = 1.0 if on else 0.0

    flag("rule_target", rule)
    flag("possible", not rule and f.kind == "target")
    flag("kind_actual", f.kind == "actual")
    flag("kind_baseline", f.kind == "baseline")
    out["confidence"] = f.confidence
    flag("stretch", f.tier == "stretch")
    flag("cmp_bound", f.comparator in (">=", "<=", "<", ">"))
    flag("cmp_about", f.comparator == "~")
    flag("indicator_known", not f.indicator.startswith("other:"))
    flag("indicator_exits", f.indicator == "counties_exited")
    unit = _unit_class(f.unit or "")
    for u in ("money", "share", "people", "households", "places"):
        flag("unit_" + u, unit == u)
    known_year = genre.doc_year > 1900 and f.period_end > 1900
    ahead = f.period_end - genre.doc_year if known_year else None
    flag("year_unknown", not known_year)  # a text the rules could not date: its figures have no year
    flag("year_past", ahead is not None and ahead < 0)
    flag("year_same", ahead == 0)
    flag("year_next", ahead == 1)
    flag("year_ahead_2plus", ahead is not None and ahead >= 2)
    flag("period_span", f.period_start < f.period_end)
    flag("value_one", f.value == 1)

    s_a = max(text.rfind(c, 0, f.start) for c in SENTENCE_ENDS) + 1
    s_ends = [i for i in (text.find(c, f.end) for c in SENTENCE_ENDS) if i >= 0]
    s_b = min(s_ends) + 1 if s_ends else len(text)
    p_a = text.rfind("\n", 0, f.start) + 1
    p_b = text.find("\n", f.end) if text.find("\n", f.end) >= 0 else len(text)
    quote, before, sentence, paragraph = text[f.start : f.end], text[s_a : f.start], text[s_a:s_b], text[p_a:p_b]
    for name, rx in patterns.items():
        flag(name + "_quote", rx.search(quote))
        flag(name + "_before", rx.search(before))
        flag(name + "_sentence", rx.search(sentence))
        if name in ("fut", "past", "done"):
            flag(name + "_paragraph", rx.search(paragraph))
    flag("table", TABLE_LINE.search(paragraph))
    flag("short_line", p_b - p_a < 40)
    years = [m.start() for m in YEAR.finditer(text, max(0, f.start - 200), min(len(text), f.end + 50))]
    distance = min((abs(y - f.start) for y in years), default=250)
    out["year_distance"] = round(math.log1p(distance) / math.log1p(250), 4)
    flag("year_in_quote", YEAR.search(quote))
    out["position"] = round(f.start / max(1, len(text)), 4)

    flag("news", genre.news)
    flag("title_plan", PLAN_TITLE.search(genre.title))
    flag("title_report", REPORT_TITLE.search(genre.title))
    flag("title_notice", NOTICE_TITLE.search(genre.title))

    same = [g for g in figures if g is not f and abs(g.value - f.value) <= 1e-6 * max(abs(f.value), 1e-9)]
    flag("same_value_other", same)
    flag("same_value_year_earlier", any(g.period_end == f.period_end and g.start < f.start for g in same))
    return out


def _key(f) -> tuple:
    return (f.kind, f.indicator, f.period_start, f.period_end, f.value, f.start, f.end, f.region_code, f.tier)


def read_candidates() -> list[DocCandidates]:
    """Every dev document's figures read, with their features and labels (dev only, never the held-out part)."""
    from etl.extract import widened
    from etl.extract.extractor import extract_text
    from etl.extract.normalize import normalize_text
    from etl.extract.periods import plan_years
    from etl.extract.source_url import newspaper_page, site_region, url_date
    from etl.gazetteer import Gazetteer
    from etl.textfile import read_text

    national, patterns = widened(Gazetteer.from_csv()), _patterns()
    out = []
    for doc in load_part("dev"):
        norm = normalize_text(read_text(doc.text_path))
        where = {
            "url_date": url_date(doc.url),
            "site_region": site_region(doc.url, national, norm.text),
            "newspaper": newspaper_page(doc.url),
        }
        read = extract_text(norm.text, national, possible=True, **where)
        # the rule targets as the extractor emits them (reading the possible rows too shifts one or two of them)
        figures = [f for f in extract_text(norm.text, national, **where).figures if f.kind == "target"]
        keys = {_key(f) for f in figures}
        rule = [True] * len(figures) + [False] * sum(_key(f) not in keys for f in read.figures)
        figures += [f for f in read.figures if _key(f) not in keys]
        info = read.info
        genre = Genre(plan_years(norm.text, info.published_on, info.title).doc_year, info.news, info.title)
        feats = [features(f, r, norm.text, figures, genre, patterns) for f, r in zip(figures, rule, strict=True)]
        as_targets = [replace(f, kind="target") for f in figures]
        matched = {id(f) for _, f in match(doc.targets, as_targets)}
        group = (doc.region_code or "")[:2] or doc.name.split("-")[0]
        labels = [int(id(f) in matched) for f in as_targets]
        out.append(DocCandidates(doc.name, group, doc.targets, as_targets, rule, feats, labels))
    return out


def total(docs: list[DocCandidates], chosen: list[list[bool]]) -> dict:
    """The bench's TOTAL over ``docs`` when each keeps the candidates marked in ``chosen``."""
    gold = extracted = matched = region_ok = 0
    for d, keep in zip(docs, chosen, strict=True):
        figs = [f for f, k in zip(d.figures, keep, strict=True) if k]
        pairs = match(d.gold, figs)
        gold, extracted, matched = gold + len(d.gold), extracted + len(figs), matched + len(pairs)
        region_ok += sum(str(g.get("region_code") or "") == (f.region_code or "") for g, f in pairs)
    return {
        "gold": gold,
        "extracted": extracted,
        "matched": matched,
        "recall": round(matched / gold, 3) if gold else 0.0,
        "precision": round(matched / extracted, 3) if extracted else 0.0,
        "region": round(region_ok / matched, 3) if matched else 0.0,
        "spurious": extracted - matched,
    }


def _matrix(docs: list[DocCandidates], names: list[str]):
    import numpy as np

    x = np.array([[f.get(n, 0.0) for n in names] for d in docs for f in d.features], dtype=float)
    rule = np.array([r for d in docs for r in d.rule], dtype=bool)
    y = np.array([lab for d in docs for lab in d.labels])
    return x, rule, y


def _fit(docs: list[DocCandidates], names: list[str], c: float) -> dict:
    """One logistic model for the rule targets, one for the other figures read."""
    from sklearn.linear_model import LogisticRegression

    x, rule, y = _matrix(docs, names)
    return {
        side: LogisticRegression(C=c, max_iter=5000).fit(x[rule == side], y[rule == side]) for side in (True, False)
    }


def _scores(model: dict, docs: list[DocCandidates], names: list[str]) -> list[list[float]]:
    import numpy as np

    x, rule, _ = _matrix(docs, names)
    p = np.zeros(len(x))
    for side in (True, False):
        if (rule == side).any():
            p[rule == side] = model[side].predict_proba(x[rule == side])[:, 1]
    out, i = [], 0
    for d in docs:
        out.append([float(v) for v in p[i : i + len(d.figures)]])
        i += len(d.figures)
    return out


def _oof(docs: list[DocCandidates], names: list[str], c: float, folds: int) -> list[list[float]]:
    """Out-of-fold scores: each document's from a model trained without its province."""
    from sklearn.model_selection import GroupKFold

    scores: list = [None] * len(docs)
    for train, test in GroupKFold(n_splits=folds).split(docs, groups=[d.group for d in docs]):
        model = _fit([docs[i] for i in train], names, c)
        for i, s in zip(test, _scores(model, [docs[i] for i in test], names), strict=True):
            scores[i] = s
    return scores


GRID = [i / 20 for i in range(1, 20)]


def model_alone(scores: list[list[float]], t: float) -> list[list[bool]]:
    return [[p > t for p in s] for s in scores]


def combined(docs: list[DocCandidates], scores, drop_below: float, add_above: float) -> list[list[bool]]:
    return [
        [(p >= drop_below) if r else (p > add_above) for p, r in zip(s, d.rule, strict=True)]
        for d, s in zip(docs, scores, strict=True)
    ]


def _gain(t: dict) -> int:
    return t["matched"] - t["spurious"]


def choose(docs: list[DocCandidates], scores) -> dict:
    """Thresholds that maximise matched minus spurious on these documents' scores (ties: change least)."""
    alone = max(GRID, key=lambda t: _gain(total(docs, model_alone(scores, t))))
    pairs = [(a, b) for a in [0.0, *GRID[:10]] for b in [*GRID[8:], 1.01]]
    best = max(pairs, key=lambda ab: (_gain(total(docs, combined(docs, scores, *ab))), -ab[0], ab[1]))
    return {"alone": alone, "drop_below": best[0], "add_above": best[1]}


def evaluate(docs: list[DocCandidates], names: list[str], c: float, folds: int) -> dict:
    """Out-of-fold TOTALs of the three policies; thresholds chosen inside each training part (by an inner OOF)."""
    from sklearn.model_selection import GroupKFold

    alone: list = [None] * len(docs)
    both: list = [None] * len(docs)
    picked = []
    for train, test in GroupKFold(n_splits=folds).split(docs, groups=[d.group for d in docs]):
        part = [docs[i] for i in train]
        th = choose(part, _oof(part, names, c, folds - 1))
        picked.append(th)
        scored = [docs[i] for i in test]
        sc = _scores(_fit(part, names, c), scored, names)
        for i, a, b in zip(
            test, model_alone(sc, th["alone"]), combined(scored, sc, th["drop_below"], th["add_above"]), strict=True
        ):
            alone[i], both[i] = a, b
    rules = [list(d.rule) for d in docs]
    dated = [[r and f.period_end > 1900 for f, r in zip(d.figures, d.rule, strict=True)] for d in docs]
    return {
        "rules": total(docs, rules),
        "dated": total(docs, dated),  # no model: the rule targets less those of a text no year could be read for
        "model": total(docs, alone),
        "combined": total(docs, both),
        "thresholds": picked,
        "changed": {
            d.name: (_gain(total([d], [r])), _gain(total([d], [b])))
            for d, r, b in zip(docs, rules, both, strict=True)
            if r != b
        },
    }


def _line(name: str, t: dict) -> str:
    return (
        f"{name:9} {t['gold']:5} {t['extracted']:5} {t['matched']:5} {t['recall']:.3f} {t['precision']:.3f} "
        f"{t['region']:.3f}  spurious {t['spurious']:4}  matched-spurious {_gain(t)}"
    )


@click.command()
@click.option("--evaluate", "do_eval", is_flag=True, help="Out-of-fold TOTALs of rules, model and rules+model.")
@click.option("--write", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Coefficients (all dev).")
@click.option("--folds", default=5, show_default=True)
@click.option("-c", "c", default=1.0, show_default=True, help="Inverse L2 strength of the logistic regressions.")
@click.option("--without", multiple=True, help="Leave this feature out (an ablation); may be repeated.")
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Reuse figures read.")
def main(do_eval: bool, write: Path | None, folds: int, c: float, without: tuple[str, ...], cache: Path | None) -> None:
    """Train and measure the keep/drop model on dev (never the held-out part)."""
    if importlib.util.find_spec("sklearn") is None:  # an experiment's tool, not the product's: not in requirements
        raise click.ClickException("this experiment needs scikit-learn: .venv/bin/pip install scikit-learn==1.9.1")
    if cache is not None and cache.exists():
        docs = [DocCandidates(**d) for d in pickle.loads(cache.read_bytes())]
    else:
        docs = read_candidates()
        if cache is not None:
            cache.write_bytes(pickle.dumps([d.__dict__ for d in docs]))
    names = sorted({n for d in docs for f in d.features for n in f} - set(without))
    click.echo(f"{len(docs)} documents, {sum(len(d.figures) for d in docs)} figures read, {len(names)} features")
    if do_eval:
        r = evaluate(docs, names, c, folds)
        click.echo(f"out-of-fold ({folds} folds by province), dev TOTAL")
        click.echo(f"{'policy':9} {'gold':>5} {'extr':>5} {'match':>5} recall prec  region")
        for k in ("rules", "dated", "model", "combined"):
            click.echo(_line(k, r[k]))
        click.echo("thresholds chosen per fold: " + json.dumps(r["thresholds"]))
        for name, (a, b) in sorted(r["changed"].items()):
            click.echo(f"  combined changes {name}: matched-spurious {a} -> {b}")
    if write is not None:
        model = _fit(docs, names, c)
        th = choose(docs, _oof(docs, names, c, folds))
        out = {
            "trained_on": f"dev, {len(docs)} documents",
            **th,
            **{
                side: {
                    "bias": round(float(model[key].intercept_[0]), 4),
                    "weights": {n: round(float(w), 4) for n, w in zip(names, model[key].coef_[0], strict=True)},
                }
                for side, key in (("rule_targets", True), ("other_figures", False))
            },
        }
        write.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        click.echo(f"wrote {write}")


if __name__ == "__main__":
    main()
