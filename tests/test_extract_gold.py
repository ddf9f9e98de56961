"""Extractor output on the five source documents against the hand-checked gold tables."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
GOLD = Path(__file__).resolve().parent / "gold"
STEMS = sorted(p.stem for p in GOLD.glob("*.csv"))


def read_gold(stem: str) -> list[dict]:
    with open(GOLD / f"{stem}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


@pytest.fixture(scope="module")
def extracted(gazetteer) -> dict:
    out = {}
    for stem in STEMS:
        path = SOURCES / f"{stem}.txt"
        text = path.read_text(encoding="utf-8")
        out[stem] = (text, extract_document(text, gazetteer, file_name=path.name))
    return out


def same(gold: dict, fig) -> bool:
    value = float(gold["value"])
    return (
        gold["region_code"] == (fig.region_code or "")
        and gold["indicator"] == fig.indicator
        and int(gold["period_start"]) == fig.period_start
        and int(gold["period_end"]) == fig.period_end
        and abs(value - fig.value) <= 1e-6 * max(1.0, abs(value))
        and gold["comparator"] == fig.comparator
        and (gold.get("tier") or "committed") == fig.tier
    )


def match_counts(gold_rows: list[dict], figures: list) -> tuple[int, int, list, list]:
    """(matched gold, matched extracted, missed gold rows, spurious figures) for targets, one-to-one."""
    gold_t = [g for g in gold_rows if g["kind"] == "target"]
    figs_t = [f for f in figures if f.kind == "target"]
    used, missed = set(), []
    for g in gold_t:
        hit = next((i for i, f in enumerate(figs_t) if i not in used and same(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    spurious = [f for i, f in enumerate(figs_t) if i not in used]
    return len(gold_t) - len(missed), len(used), missed, spurious


def test_gold_fragments_are_in_the_documents(extracted):
    for stem in STEMS:
        text, _ = extracted[stem]
        for row in read_gold(stem):
            assert row["quote_fragment"] in text, (stem, row["quote_fragment"])


def test_target_recall_and_precision_over_corpus(extracted):
    tot_gold = tot_fig = hit_gold = hit_fig = 0
    report = []
    for stem in STEMS:
        _, doc = extracted[stem]
        gold = read_gold(stem)
        matched_gold, matched_fig, missed, spurious = match_counts(gold, doc.figures)
        n_gold = sum(g["kind"] == "target" for g in gold)
        n_fig = sum(f.kind == "target" for f in doc.figures)
        tot_gold, tot_fig, hit_gold, hit_fig = (
            tot_gold + n_gold,
            tot_fig + n_fig,
            hit_gold + matched_gold,
            hit_fig + matched_fig,
        )
        report.append(f"{stem}: recall {matched_gold}/{n_gold}, precision {matched_fig}/{n_fig}")
        report += [f"  missed {g['indicator']} {g['period_start']}-{g['period_end']} {g['value']}" for g in missed]
        report += [f"  extra  {f.indicator} {f.period_start}-{f.period_end} {f.value} {f.quote[:30]}" for f in spurious]
    recall, precision = hit_gold / tot_gold, hit_fig / tot_fig
    report.append(
        f"corpus: recall {recall:.3f} ({hit_gold}/{tot_gold}), precision {precision:.3f} ({hit_fig}/{tot_fig})"
    )
    print("\n".join(report))
    assert recall >= 0.95, "\n".join(report)
    assert precision >= 0.95, "\n".join(report)


def test_no_past_result_or_baseline_comes_out_as_a_target(extracted):
    for stem in STEMS:
        _, doc = extracted[stem]
        for g in read_gold(stem):
            if g["kind"] == "target":
                continue
            as_target = [
                f
                for f in doc.figures
                if f.kind == "target"
                and g["quote_fragment"] in f.quote
                and abs(float(g["value"]) - f.value) <= 1e-6 * max(1.0, f.value)
            ]
            assert not as_target, (stem, g, as_target)
            found = [
                f
                for f in doc.figures
                if abs(float(g["value"]) - f.value) <= 1e-6 * max(1.0, f.value) and g["quote_fragment"] in f.quote
            ]
            assert found and all(f.kind == g["kind"] for f in found), (stem, g, found)


def test_quotes_are_exact_and_contain_the_number(extracted):
    for stem in STEMS:
        text, doc = extracted[stem]
        assert doc.figures, stem
        for f in doc.figures:
            assert text[f.start : f.end] == f.quote, (stem, f)
            assert any(ch.isdigit() for ch in f.quote) or f.indicator == "counties_exited", f


def test_matched_targets_quote_their_gold_fragment(extracted):
    for stem in STEMS:
        _, doc = extracted[stem]
        for g in read_gold(stem):
            if g["kind"] != "target":
                continue
            hits = [f for f in doc.figures if f.kind == "target" and same(g, f)]
            if hits:
                assert any(g["quote_fragment"] in f.quote or f.quote in g["quote_fragment"] for f in hits), (
                    g,
                    hits,
                )
