"""The cold overview right after a correction upload, against just before it (issue 15, acceptance 3: within 2×).

Run: ``python -m bench.correction [--figures 1000000] [--json F]``. The database is a temporary one filled with
SYNTHETIC figures (``etl synth``). The correction is a planner's upload restating actuals already stored (same
region, indicator and years, another value), read and committed through the upload path (``etl.importer``:
check, preview, one batch), so the overlap handling the analysis needs is the real one. *Cold*: caches off,
the overview asked ``--rounds`` times, aggregates cleared before each; bare SQL is not involved.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click
from sqlalchemy import select

from bench.common import SECRET, pct
from bench.national import PAGE_OUTPUT, load_synthetic
from db import cache
from db.models import Figure, Region
from db.session import make_engine, session_factory, transaction
from etl import importer
from harness.dash_client import DashClient

HEADER = "类型 kind,地区代码 region_code,指标 indicator,起始年 period_start,截止年 period_end,数值 value,单位 unit"


def cold_overview_ms(client: DashClient, key: str, rounds: int) -> list[float]:
    values = {"url.pathname": "/", "url.search": ""}
    client.call(key, values)  # warm the connection pool and the OS page cache, as a running server is
    out = []
    for _ in range(rounds):
        cache.clear()
        out.append(client.call(key, values)[1])
    return out


def correction_csv(engine, rows: int) -> bytes:
    """Actuals of ``rows`` counties restated with another value (SYNTHETIC), as a planner's correction file."""
    with session_factory(engine)() as s:
        stored = s.execute(
            select(Figure.region_code, Figure.indicator_code, Figure.period_start, Figure.period_end, Figure.value)
            .join(Region, Region.code == Figure.region_code)
            .where(Figure.kind == "actual", Region.level == "county")
            .order_by(Figure.id)
            .limit(rows)
        ).all()
    lines = [HEADER] + [f"actual,{r},{i},{a},{b},{v + 1:g},人" for r, i, a, b, v in stored]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def upload(engine, data: bytes) -> tuple[int, dict]:
    """The batch id and the preview's counts (every row should be "changed": a correction, not a new figure)."""
    with transaction(session_factory(engine)) as s:
        result = importer.check_and_preview(s, data, "bench-correction.csv")
        if not result.ok:
            raise click.ClickException("; ".join(p.located() for p in result.checked.problems))
        audit = importer.Audit(user="bench", note="合成数据 SYNTHETIC correction")
        return importer.commit(s, result, audit), dict(result.preview.counts)


@click.command()
@click.option("--figures", type=int, default=1_000_000, show_default=True, help="Synthetic figures.")
@click.option("--rows", type=int, default=10, show_default=True, help="Actuals the correction restates.")
@click.option("--rounds", type=int, default=15, show_default=True, help="Cold overview calls before and after.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None)
def main(figures: int, rows: int, rounds: int, json_path: Path | None) -> None:
    """Time the cold overview before and after a correction upload (prints the figures; --json writes them)."""
    from app import create_app, freeze_startup_objects

    with tempfile.TemporaryDirectory(prefix="bench-correction-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'synthetic.db'}"
        load_synthetic(url, figures, progress=lambda m: click.echo(f"  {m}", err=True))
        app = create_app(
            url, cache_mb=0, build_if_empty=False, progress=lambda _m: None, public_read=True, secret_key=SECRET
        )
        freeze_startup_objects()
        client = DashClient(app)
        key = client.find(PAGE_OUTPUT)
        engine = make_engine(url)
        before = cold_overview_ms(client, key, rounds)
        batch_id, counts = upload(engine, correction_csv(engine, rows))
        after = cold_overview_ms(client, key, rounds)
        engine.dispose()
        app.server.config["ENGINE"].dispose()
    report = {
        "figures": figures,
        "synthetic": True,
        "correction_rows": rows,
        "batch_id": batch_id,
        "preview": counts,
        "before_p50_ms": round(pct(before, 0.5), 2),
        "before_p95_ms": round(pct(before, 0.95), 2),
        "after_p50_ms": round(pct(after, 0.5), 2),
        "after_p95_ms": round(pct(after, 0.95), 2),
    }
    report["after_over_before_p50"] = round(report["after_p50_ms"] / report["before_p50_ms"], 2)
    click.echo(
        f"cold overview at {figures:,} figures (SYNTHETIC), {rounds} calls each: before p50 {report['before_p50_ms']} "
        f"/ p95 {report['before_p95_ms']} ms; after a correction of {rows} actuals (batch {batch_id}) p50 "
        f"{report['after_p50_ms']} / p95 {report['after_p95_ms']} ms: {report['after_over_before_p50']}× (bar 2×); "
        f"preview {counts}"
    )
    if json_path:
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
