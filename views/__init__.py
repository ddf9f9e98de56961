"""One function per page, from a session and the page's view state to a plain dataclass of everything it shows.

``region.region_view``, ``overview.overview_view``, ``map.build_view``, ``history.history_view``. The page's
callback renders the dataclass with ``layouts/``; exports (``export/``, CLI and HTTP) and the benchmark's peers
(``bench/``) call the same functions, so a number is computed one way wherever it appears:
source → etl → db → views → page, export.
"""
