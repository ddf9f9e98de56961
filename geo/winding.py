"""Ring winding. MapLibre (``go.Choroplethmap``) reads RFC 7946 GeoJSON: outer rings counter-clockwise,
holes clockwise. d3-geo (``go.Choropleth``) wants the opposite; ``orient(..., outer="cw")`` gives that.
"""

from __future__ import annotations


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in degrees², positive when counter-clockwise (lon east, lat north).

    Example: ``signed_area([[0, 0], [1, 0], [1, 1], [0, 0]]) == 0.5``
    """
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings (outer first)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def _wound(ring, counter_clockwise: bool):
    area = signed_area(ring)
    return ring if area == 0 or (area > 0) == counter_clockwise else ring[::-1]


def orient(geometry: dict, outer: str = "ccw") -> dict:
    """A copy of a polygonal geometry with outer rings wound ``outer`` ("ccw" or "cw"), holes the other way.

    Example: ``orient({"type": "Polygon", "coordinates": [cw_square]})["coordinates"][0] == ccw_square``
    """
    ccw = outer == "ccw"
    wound = [[_wound(rings[0], ccw), *(_wound(h, not ccw) for h in rings[1:])] for rings in polygons(geometry)]
    coordinates = wound[0] if geometry["type"] == "Polygon" else wound
    return {"type": geometry["type"], "coordinates": coordinates}


def winding_errors(geometry: dict, outer: str = "ccw") -> list[str]:
    """Rings wound the wrong way for ``outer``, described as ``"polygon 0 ring 1 (hole)"``; empty when right."""
    ccw = outer == "ccw"
    errors = []
    for p, rings in enumerate(polygons(geometry)):
        for r, ring in enumerate(rings):
            want_ccw = ccw if r == 0 else not ccw
            area = signed_area(ring)
            if area != 0 and (area > 0) != want_ccw:
                errors.append(f"polygon {p} ring {r} ({'outer' if r == 0 else 'hole'})")
    return errors
