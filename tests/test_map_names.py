"""Maps name regions as the region table and the gazetteer do, never by the boundary file's own guesses.

陕西 is Shaanxi and 山西 Shanxi: pinyin alone cannot tell them apart, so a name read from the boundary file once
called 陕西 "Shanxi Province" on the English map of 610000 while its page heading said "Shaanxi Province".
"""

from __future__ import annotations

import csv
import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from callbacks.map import region_map_panel, render_map
from db.session import make_engine, session_factory
from geo import boundaries
from settings import DATA_DIR
from views.map import build_view, figure_of


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


@pytest.fixture
def misnamed_shaanxi(monkeypatch):
    """The boundary file as it was: 陕西 under 山西's English name."""
    monkeypatch.setitem(boundaries.feature("610000")["properties"], "name_en", "Shanxi Province")


def _text(component) -> str:
    return json.dumps(component, cls=PlotlyJSONEncoder, ensure_ascii=False)


def test_every_boundary_carries_the_gazetteers_names():
    with open(DATA_DIR / "regions_national.csv", encoding="utf-8") as f:
        gazetteer = {r["code"]: (r["name_zh"], r["name_en"]) for r in csv.DictReader(f)}
    wrong = [
        (code, (f["properties"]["name_zh"], f["properties"]["name_en"]), gazetteer[code])
        for level in boundaries.LEVELS
        for code, f in boundaries.level_features(level).items()
        if code in gazetteer and (f["properties"]["name_zh"], f["properties"]["name_en"]) != gazetteer[code]
    ]
    assert wrong == []
    assert boundaries.feature("610000")["properties"]["name_en"] == "Shaanxi Province"
    assert boundaries.feature("140000")["properties"]["name_en"] == "Shanxi Province"


@pytest.mark.parametrize("indicator", ["counties_exited", "poor_population_reduced"])
def test_the_map_of_shaanxi_is_titled_with_the_region_tables_name(session, misnamed_shaanxi, indicator):
    view = build_view(session, "610000", {"indicator": indicator}, "en")
    assert view.title.startswith("Shaanxi Province · ")
    assert view.crumbs == [(None, "China"), ("610000", "Shaanxi Province")]
    assert figure_of(view, "en").layout.title.text == view.title  # what the page and the export draw
    page = _text(render_map(session, "610000", {"indicator": indicator, "lang": "en"}, "en"))
    panel = _text(region_map_panel(session, "610000", indicator, "en"))
    assert "Shanxi" not in page and "Shanxi" not in panel
    assert "Shaanxi Province" in page and "Shaanxi Province" in panel


def test_the_national_map_hovers_and_lists_shaanxi_by_its_name(session, misnamed_shaanxi):
    view = build_view(session, None, {"indicator": "poor_population_reduced"}, "en")
    hovers = [h for trace in figure_of(view, "en").data for h in (trace.hovertext or [])]
    assert any(h.startswith("<b>Shaanxi Province</b>") for h in hovers)
    shanxi = [h for h in hovers if h.startswith(("<b>Shanxi Province</b>", "Shanxi Province<br>"))]
    assert len(shanxi) == 1, "山西 keeps its own name once, as grey background"
