"""What the extractor tests ask of an extracted document."""

from __future__ import annotations


def target_values(doc) -> set[float]:
    """The values of the targets extracted: ``target_values(extract_document(text, g)) == {50000.0}``."""
    return {f.value for f in doc.figures if f.kind == "target"}
