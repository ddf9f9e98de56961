"""``python -m bench.agreement``: how far two people agree on the same texts' targets, scored as ``bench.extract``
scores the extractor: a second annotator's labels (``data/corpus/agreement/*.yaml``) play the extracted figures
against the corpus's own labels of those dev texts. It says what a score is worth: where people agree at 0.95,
a 0.90 bar is within reach of a reader; the extractor's score on the same texts is printed beside it.

The second annotator (session 29) labelled 14 dev texts, chosen at random (seed 2912 among those with two targets or
more), from the texts, their addresses and data/corpus/README.md alone, without seeing the corpus labels or running
the extractor.

Example: ``python -m bench.agreement``
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import click
import yaml

from bench.extract import CORPUS, load_part, match

AGREEMENT = CORPUS / "agreement"


def _as_figures(label: dict) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            period_end=int(t["period_end"]),
            value=float(t["value"]),
            indicator=t.get("indicator"),
            region_code=str(t.get("region_code") or ""),
        )
        for t in label.get("targets") or []
    ]


def _score(gold: list[dict], figures: list) -> tuple[int, int, int, int]:
    pairs = match(gold, figures)
    region = sum(str(g.get("region_code") or "") == (f.region_code or "") for g, f in pairs)
    return len(gold), len(figures), len(pairs), region


def run(folder: Path = AGREEMENT) -> dict:
    """Per text and in total: (gold, other's, agreed, same region) for the second annotator and the extractor."""
    from etl.extract import extract_document
    from etl.gazetteer import Gazetteer
    from etl.textfile import read_text

    gazetteer = Gazetteer.from_csv()
    docs = {d.name: d for d in load_part("dev")}
    rows = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = docs[path.stem]
        second = _as_figures(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        text = read_text(doc.text_path)
        extracted = extract_document(text, gazetteer, file_name=doc.file_name, source_url=doc.url).figures
        rows[path.stem] = {
            "annotator": _score(doc.targets, second),
            "extractor": _score(doc.targets, [f for f in extracted if f.kind == "target"]),
        }
    return rows


def _ratios(gold: int, other: int, agreed: int, region: int) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    return f"{gold:5} {other:5} {agreed:5}  {r(agreed, gold)}  {r(agreed, other)}  {r(region, agreed)}"


@click.command()
def main() -> None:
    """Print the second annotator's and the extractor's agreement with the corpus labels."""
    rows = run()
    print(f"{'document':44} {'who':9}  gold other agree recall  prec region")
    totals = {"annotator": [0, 0, 0, 0], "extractor": [0, 0, 0, 0]}
    for name, by in rows.items():
        for who, score in by.items():
            print(f"{name[:44]:44} {who:9} {_ratios(*score)}")
            totals[who] = [a + b for a, b in zip(totals[who], score, strict=True)]
    for who, score in totals.items():
        print(f"{'TOTAL':44} {who:9} {_ratios(*score)}")


if __name__ == "__main__":
    main()
