"""One actual written as an upload writes it (a batch, its source, the figure): the smallest import, for tests of
what an import changes. Example: ``import_one(s, "621102", 2030, 7.0)`` -> the batch id"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db import writes


def import_one(s: Session, region: str, year: int, value: float, kind: str = "upload") -> int:
    source = writes.get_or_create_source(s, kind="upload", title="t", file_name="t.xlsx")
    batch = writes.new_batch(s, kind, file_name="t.xlsx")
    row = {
        "kind": "actual",
        "region_code": region,
        "indicator_code": "poor_population_reduced",
        "period_start": year,
        "period_end": year,
        "value": value,
        "comparator": "=",
        "unit": "人",
        "source_id": source.id,
        "batch_id": batch.id,
        "quote": "",
        "note": "",
    }
    writes.add_figures(s, [row])
    return batch.id
