"""The peer: the same pages done the common Dash way. The whole figures table is read into one pandas DataFrame
at start-up; each callback filters it (``isin`` over the region's descendants), groups it, and then runs the very
same analysis and layout code as the app, and serialises the page as Dash would.

Example::

    peer = PandasPeer(engine)
    ms = peer.time_page("/region/610000")
"""

from __future__ import annotations

import time

import pandas as pd
from dash._utils import to_json

SQL = """SELECT f.id, f.kind, f.region_code, f.indicator_code AS indicator, f.period_start, f.period_end, f.value,
       f.plan_version_id, f.batch_id, pv.name AS plan_version, pv.kind AS plan_version_kind, b.kind AS batch_kind,
       b.reverted_at
FROM figures f JOIN batches b ON b.id = f.batch_id LEFT JOIN plan_versions pv ON pv.id = f.plan_version_id"""


class PandasPeer:
    def __init__(self, engine):
        started = time.perf_counter()
        with engine.connect() as conn:
            self.figures = pd.read_sql(SQL, conn)
            self.regions = pd.read_sql("SELECT code, parent_code, name_zh, name_en, level FROM regions", conn)
        self.load_s = time.perf_counter() - started
        self.children = self.regions.groupby("parent_code")["code"].apply(list).to_dict()
        self.engine = engine

    def _descendants(self, code: str) -> list[str]:
        out, frontier = [], [code]
        while frontier:
            frontier = [c for p in frontier for c in self.children.get(p, [])]
            out.extend(frontier)
        return out

    def _records(self, frame: pd.DataFrame, owner: pd.Series) -> list[dict]:
        live = frame[frame["reverted_at"].isna()].assign(owner=owner)
        keys = ["owner", "indicator", "kind", "plan_version_id", "period_start", "period_end"]
        grouped = (
            live.groupby(keys, dropna=False)
            .agg(
                value=("value", "sum"),
                count=("value", "size"),
                batch_id=("batch_id", "max"),
                plan_version=("plan_version", "first"),
                plan_version_kind=("plan_version_kind", "first"),
                batch_kind=("batch_kind", "first"),
            )
            .reset_index()
        )
        out = []
        for r in grouped.itertuples(index=False):
            version = None if pd.isna(r.plan_version_id) else int(r.plan_version_id)
            out.append(
                {
                    "id": 0,
                    "kind": r.kind,
                    "region_code": r.owner,
                    "region_name": r.owner,
                    "indicator": r.indicator,
                    "period_start": int(r.period_start),
                    "period_end": int(r.period_end),
                    "value": float(r.value),
                    "comparator": "=",
                    "unit": "",
                    "plan_version": _text(r.plan_version),
                    "plan_version_kind": _text(r.plan_version_kind),
                    "plan_version_id": version,
                    "reliability": "synthetic" if r.batch_kind == "synth" else "official",
                    "source": "",
                    "source_kind": "sum",
                    "source_url": "",
                    "source_file": "",
                    "quote": "",
                    "quote_start": None,
                    "quote_end": None,
                    "note": f"sum of {r.count}",
                    "batch_id": int(r.batch_id),
                    "batch_kind": r.batch_kind,
                }
            )
        return out

    def page(self, session, pathname: str):
        """The page for a path: the app's own view and layout code, fed by pandas instead of SQL."""
        from callbacks.region import render
        from layouts.overview_page import overview_page
        from views.overview import overview_view
        from views.region import region_view

        if pathname == "/":
            tops = self.regions[self.regions["parent_code"].isna()]
            owner_of = {d: t for t in tops["code"] for d in [t, *self._descendants(t)]}
            owner = self.figures["region_code"].map(owner_of)
            records, regions = self._records(self.figures, owner), _dicts(tops)
            view = overview_view(session, "", read=lambda _s: (regions, records))
            return overview_page(view.rows, view.options, view.state, view.bounds, view.state["lang"])
        code = pathname.split("/")[2]
        kids = self.children.get(code, [])
        owner_of = {code: code, **{d: k for k in kids for d in [k, *self._descendants(k)]}}
        subset = self.figures[self.figures["region_code"].isin(list(owner_of))]
        records = self._records(subset, subset["region_code"].map(owner_of))
        regions = _dicts(self.regions[self.regions["code"].isin([code, *kids])])
        return render(region_view(session, code, "", read=lambda _s, _c: (regions, records)))

    def time_page(self, session, pathname: str, dash_app=None) -> float:
        """Milliseconds to build and serialise the page (inside a request of ``dash_app``, as a callback runs)."""
        started = time.perf_counter()
        if dash_app is None:
            to_json(self.page(session, pathname))
        else:
            with dash_app.server.test_request_context(pathname):
                to_json(self.page(session, pathname))
        return (time.perf_counter() - started) * 1000


def _dicts(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)
