"""``python -m bench.extract``: how well the extractor finds the targets of documents it was not written for.

Example: ``python -m bench.extract --part dev --json /tmp/dev.json``

Parts: ``dev`` and ``heldout`` (data/corpus/<part>/*.yaml, labelled by hand, see data/corpus/README.md) and
``seeds`` (the five texts in data/sources/ against tests/gold/*.csv). Each text is read with the project's
text reader and run through ``etl.extract.extract_document`` (no per-file corrections for corpus documents),
with the address it was published at (its ``url``), as the intake records it: a government site's address
often carries the date a text without one of its own was published. ``--given`` also gives each text its
labelled date and region, as a planner confirms them on the Documents page (a second measure, not the score).

Matching: a gold target is found by an extracted target with the same ``period_end`` and a value equal within
1e-6 relative; one extracted figure matches at most one gold target, and one with the same indicator (then
also the same region) is preferred. Recall = matched / gold, precision = matched / extracted, region accuracy =
share of matched with
the gold ``region_code``, indicator accuracy = share of matched with the gold indicator. ``not_targets`` that
come out as targets (same value, quote overlapping the labelled quote) are listed.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
SOURCES = ROOT / "data" / "sources"
GOLD = ROOT / "tests" / "gold"


@dataclass
class GoldDoc:
    name: str
    text_path: Path
    targets: list[dict]
    not_targets: list[dict]
    file_name: str | None = None  # corrections key (seeds only)
    region_code: str | None = None
    url: str | None = None  # where the text was published: the intake records it, and it may date the text
    date: str | None = None  # the document's own date, as labelled (used only with --given)


@dataclass
class DocScore:
    name: str
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    region_ok: int = 0
    indicator_ok: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    not_targets_out: list[str] = field(default_factory=list)
    missed_why: dict[str, int] = field(default_factory=dict)  # where the missed targets were lost (``why_missed``)
    spurious_why: dict[str, int] = field(default_factory=dict)  # what the extra targets are (``why_spurious``)
    error: str | None = None

    def as_dict(self) -> dict:
        return {**self.__dict__, **rates(self)}


def rates(s) -> dict:
    def ratio(a, b):
        return round(a / b, 3) if b else None

    return {
        "recall": ratio(s.matched, s.gold),
        "precision": ratio(s.matched, s.extracted),
        "region_accuracy": ratio(s.region_ok, s.matched),
        "indicator_accuracy": ratio(s.indicator_ok, s.matched),
    }


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def load_part(part: str) -> list[GoldDoc]:
    """The labelled documents of one part."""
    if part == "seeds":
        return [_seed(p) for p in sorted(GOLD.glob("*.csv"))]
    import yaml

    docs = []
    for path in sorted((CORPUS / part).glob("*.yaml")):
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        docs.append(
            GoldDoc(
                name=path.stem,
                text_path=path.parent / label.get("file", path.stem + ".txt"),
                targets=list(label.get("targets") or []),
                not_targets=list(label.get("not_targets") or []),
                region_code=str(label["region_code"]) if label.get("region_code") else None,
                url=label.get("url"),
                date=str(label["date"]) if label.get("date") else None,
            )
        )
    return docs


def _seed(path: Path) -> GoldDoc:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    targets = [
        {**r, "value": float(r["value"]), "period_end": int(r["period_end"]), "quote": r["quote_fragment"]}
        for r in rows
        if r["kind"] == "target"
    ]
    others = [
        {"value": float(r["value"]), "quote": r["quote_fragment"], "why": r["kind"]}
        for r in rows
        if r["kind"] != "target"
    ]
    text = SOURCES / f"{path.stem}.txt"
    return GoldDoc(path.stem, text, targets, others, file_name=text.name)


def match(gold: list[dict], figures: list) -> list[tuple[dict, object]]:
    """(gold target, extracted figure) pairs, one-to-one; same indicator (and region) preferred."""
    pairs, used, left = [], set(), list(gold)
    # passes: same indicator and region, then same indicator, then any (period end and value always)
    for pass_no in (0, 1, 2):
        still = []
        for g in left:
            hit = next(
                (
                    i
                    for i, f in enumerate(figures)
                    if i not in used
                    and f.period_end == int(g["period_end"])
                    and _same_value(f.value, float(g["value"]))
                    and (pass_no == 2 or f.indicator == g.get("indicator"))
                    and (pass_no > 0 or (f.region_code or "") == str(g.get("region_code") or ""))
                ),
                None,
            )
            if hit is None:
                still.append(g)
                continue
            used.add(hit)
            pairs.append((g, figures[hit]))
        left = still
    return pairs


def score_document(doc: GoldDoc, gazetteer, given: bool = False) -> DocScore:
    """One document's score, read as the intake reads it: its text and the address it was published at; with
    ``given``, also the date and region a planner confirms at intake (the labelled ones)."""
    from etl.extract import extract_document
    from etl.textfile import read_text

    s = DocScore(doc.name, gold=len(doc.targets))
    overrides = {"as_of": doc.date, "region_code": doc.region_code} if given else {}
    try:
        text = read_text(doc.text_path)
        extracted = extract_document(text, gazetteer, file_name=doc.file_name, source_url=doc.url, **overrides)
        everything = extracted.figures
        figures = [f for f in everything if f.kind == "target"]
    except Exception as exc:  # a crash on one document is a result, not the end of the run
        s.error = f"{type(exc).__name__}: {exc}"
        return s
    s.extracted = len(figures)
    pairs = match(doc.targets, figures)
    s.matched = len(pairs)
    s.region_ok = sum(str(g.get("region_code") or "") == (f.region_code or "") for g, f in pairs)
    s.indicator_ok = sum(g.get("indicator") == f.indicator for g, f in pairs)
    found_gold = {id(g) for g, _ in pairs}
    found_fig = {id(f) for _, f in pairs}
    s.missed = [
        f"{g.get('indicator')} {g.get('period_start')}-{g['period_end']} {g['value']} 「{g.get('quote', '')[:40]}」"
        for g in doc.targets
        if id(g) not in found_gold
    ]
    s.spurious = [
        f"{f.indicator} {f.period_start}-{f.period_end} {f.value:g} {f.tier} 「{f.quote[:40]}」"
        for f in figures
        if id(f) not in found_fig
    ]
    s.missed_why = dict(Counter(why_missed(g, everything) for g in doc.targets if id(g) not in found_gold))
    s.spurious_why = dict(Counter(why_spurious(f, doc) for f in figures if id(f) not in found_fig))
    for nt in doc.not_targets:
        spans = _occurrences(text, str(nt.get("quote", "")))
        for f in figures:
            if _same_value(f.value, float(nt["value"])) and any(a < f.end and f.start < b for a, b in spans):
                s.not_targets_out.append(f"{nt.get('why', '')}: {f.value:g} 「{nt.get('quote', '')[:40]}」")
    return s


def why_missed(gold: dict, figures: list) -> str:
    """Where a missed target was lost, told from the document's figures of every kind and the labelled quote:
    ``other year`` (a target of that value with another end year), ``came out as actual`` / ``baseline``,
    ``named exit`` (one county named as exiting), ``read, then dropped`` (the quote's number is read as a quantity
    and no figure keeps it) or ``not read`` (no quantity of that value in the quote)."""
    from etl.extract.normalize import normalize_text
    from etl.extract.numbers import find_quantities

    value = float(gold["value"])
    same = [f for f in figures if _same_value(f.value, value)]
    if any(f.kind == "target" for f in same):
        return "other year"
    if same:
        return "came out as " + "/".join(sorted({f.kind for f in same}))
    if gold.get("indicator") == "counties_exited" and value == 1:
        return "named exit"
    quantities = find_quantities(normalize_text(str(gold.get("quote") or "")).text)
    return "read, then dropped" if any(_same_value(q.value, value) for q in quantities) else "not read"


def why_spurious(figure, doc: GoldDoc) -> str:
    """What an extracted target that matched no gold target is: a gold value with another year, a labelled
    non-target (``labelled achievement``, ``labelled criterion``…) or a value the labels do not name."""
    if any(_same_value(float(g["value"]), figure.value) for g in doc.targets):
        return "gold value, other year"
    labelled = next((n for n in doc.not_targets if _same_value(float(n["value"]), figure.value)), None)
    return f"labelled {labelled.get('why') or 'other'}" if labelled else "value not labelled"


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote) if quote else -1
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def run(part: str, given: bool = False, only: str | None = None) -> dict:
    """Scores of one part, or of its documents whose name matches the glob ``only``: per document and in total."""
    from etl.gazetteer import Gazetteer

    gazetteer = Gazetteer.from_csv()
    docs = [d for d in load_part(part) if only is None or fnmatch.fnmatchcase(d.name, only)]
    if not docs:
        raise click.UsageError(f"no document of part {part!r} matches --only {only!r}")
    scores = [score_document(d, gazetteer, given) for d in docs]
    total = DocScore("TOTAL")
    for s in scores:
        for k in ("gold", "extracted", "matched", "region_ok", "indicator_ok"):
            setattr(total, k, getattr(total, k) + getattr(s, k))
        total.missed_why = dict(Counter(total.missed_why) + Counter(s.missed_why))
        total.spurious_why = dict(Counter(total.spurious_why) + Counter(s.spurious_why))
    return {
        "part": part,
        "given": given,
        "only": only,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "documents": [s.as_dict() for s in scores],
        "total": {k: v for k, v in total.as_dict().items() if k not in ("missed", "spurious", "not_targets_out")},
    }


def ceiling(part: str, only: str | None = None) -> dict:
    """How many gold targets any figure the rules read could match (totals only): figures of every kind and the
    possible rows the Documents page offers unticked. A filter or re-ranker of the rules' output can reach no more."""
    from etl.extract import extract_document
    from etl.gazetteer import Gazetteer
    from etl.textfile import read_text

    gazetteer = Gazetteer.from_csv()
    gold = matched = read = 0
    for doc in load_part(part):
        if only is not None and not fnmatch.fnmatchcase(doc.name, only):
            continue
        text = read_text(doc.text_path)
        figures = extract_document(text, gazetteer, file_name=doc.file_name, source_url=doc.url, possible=True).figures
        gold, read = gold + len(doc.targets), read + len(figures)
        matched += len(match(doc.targets, figures))
    return {"gold": gold, "figures_read": read, "reachable": matched, "recall_ceiling": round(matched / gold, 3)}


def reasons(report: dict) -> str:
    """The total's missed and spurious targets by reason, most first (totals only: no document is named)."""
    lines = []
    for key, title in (("missed_why", "missed"), ("spurious_why", "spurious")):
        counts = sorted(report["total"].get(key, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        lines.append(f"{title}: " + ("; ".join(f"{why} {n}" for why, n in counts) or "none"))
    return "\n".join(lines)


def table(report: dict, details: bool = True) -> str:
    head = f"{'document':44} {'gold':>5} {'extr':>5} {'match':>5} {'recall':>6} {'prec':>6} {'region':>6} {'indic':>6}"
    given = " (date and region given, as confirmed at intake)" if report.get("given") else ""
    only = f" (documents matching {report['only']})" if report.get("only") else ""
    lines = [f"part: {report['part']}{given}{only}", head, "-" * len(head)]

    def fmt(x):
        return f"{x:6.3f}" if x is not None else "     -"

    for d in [*report["documents"], report["total"]]:
        lines.append(
            f"{d['name'][:44]:44} {d['gold']:5} {d['extracted']:5} {d['matched']:5} {fmt(d['recall'])} "
            f"{fmt(d['precision'])} {fmt(d['region_accuracy'])} {fmt(d['indicator_accuracy'])}"
        )
        if details and d["name"] != "TOTAL":
            if d.get("error"):
                lines.append(f"    ERROR {d['error']}")
            lines += [f"    missed   {m}" for m in d.get("missed", [])]
            lines += [f"    spurious {m}" for m in d.get("spurious", [])]
            lines += [f"    NOT-TARGET OUT {m}" for m in d.get("not_targets_out", [])]
    return "\n".join(lines)


@click.command()
@click.option("--part", type=click.Choice(["dev", "heldout", "seeds"]), default="dev")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--quiet", "-q", is_flag=True, help="Only the table, without missed/spurious lists.")
@click.option(
    "--given",
    is_flag=True,
    help="Give each corpus text its labelled date and region, as a planner confirms them on the Documents page.",
)
@click.option("--only", default=None, help="Only the documents whose name matches this glob, e.g. '[a-r]*'.")
@click.option("--why", is_flag=True, help="Also the total's missed and spurious targets by reason (totals only).")
@click.option(
    "--ceiling",
    "show_ceiling",
    is_flag=True,
    help="Also the recall any filter of the rules' figures could reach: gold targets matched by a figure of any kind "
    "or a possible row (totals only).",
)
def main(
    part: str, json_path: Path | None, quiet: bool, given: bool, only: str | None, why: bool, show_ceiling: bool
) -> None:
    """Score the extractor on one labelled part and print the table.

    Example: python -m bench.extract --part seeds
    """
    report = run(part, given, only)
    click.echo(table(report, details=not quiet))
    if why:
        click.echo(reasons(report))
    if show_ceiling:
        c = ceiling(part, only)
        click.echo(
            f"ceiling: {c['reachable']} of {c['gold']} gold targets ({c['recall_ceiling']:.3f}) are among the "
            f"{c['figures_read']} figures read (every kind, possible rows included)"
        )
        report["ceiling"] = c
    if json_path:
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
