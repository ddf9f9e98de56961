"""Decode quantized TopoJSON (as mapshaper writes it) into GeoJSON features.

TopoJSON stores each shared border once, delta-encoded on an integer grid, which keeps the committed files
small; Plotly wants GeoJSON, so the files are decoded once per process.
"""

from __future__ import annotations

Ring = list[list[float]]


def decode_arcs(topology: dict, digits: int = 3) -> list[Ring]:
    """Absolute lon/lat points of every arc, rounded to ``digits`` decimals.

    Example: with ``transform`` scale (0.5, 0.5) and translate (100, 30), the arc ``[[2, 4], [1, -2]]``
    decodes to ``[[101.0, 32.0], [101.5, 31.0]]``.
    """
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append([round(x * sx + tx, digits), round(y * sy + ty, digits)])
        else:
            points = [[round(p[0], digits), round(p[1], digits)] for p in arc]
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _geometry(geom: dict, arcs: list[Ring]) -> dict | None:
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[_ring(r, arcs) for r in p] for p in geom["arcs"]]}
    return None


def features(topology: dict, name: str | None = None, digits: int = 3) -> list[dict]:
    """GeoJSON features of one object of a topology (the only one when ``name`` is None).

    Example: ``features(json.loads(path.read_text()), "counties")[0]["properties"]["adcode"]``
    """
    objects = topology["objects"]
    obj = objects[name] if name else next(iter(objects.values()))
    arcs = decode_arcs(topology, digits)
    out = []
    for geom in obj["geometries"]:
        geometry = _geometry(geom, arcs)
        if geometry is not None:
            out.append({"type": "Feature", "properties": dict(geom.get("properties") or {}), "geometry": geometry})
    return out
