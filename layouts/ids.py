"""Every component id, in one place."""

URL = "url"
LANG = "lang-store"
LANG_TOGGLE = "lang-toggle"
PAGE = "page-content"
HEADER_TITLE = "header-title"
NAV_OVERVIEW = "nav-overview"

REGION_SELECT = "region-select"
INDICATOR_SELECT = "indicator-select"
PLAN_CHART = "plan-actual-chart"
SPAN_TABLE = "span-table"
SOURCE_PANEL = "source-panel"
REGION_TITLE = "region-title"
BREADCRUMB = "breadcrumb"

# Map page
MAP_BREADCRUMB = "map-breadcrumb"
MAP_INDICATOR = "map-indicator-select"
MAP_YEAR = "map-year-select"
MAP_COLOUR = "map-colour-by"
MAP_GRAPH = "map-graph"
MAP_TABLE = "map-table"
MAP_TITLE = "map-title"
MAP_EXPORT_PNG = "map-export-png"
MAP_EXPORT_PDF = "map-export-pdf"
NAV_MAP = "nav-map"

# Region page: map panel
REGION_MAP = "region-map"
REGION_MAP_LINK = "region-map-link"
