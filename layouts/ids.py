"""Every component id, in one place, by page section."""

# Shell
URL = "url"
LANG = "lang-store"
LANG_TOGGLE = "lang-toggle"
PAGE = "page-content"
DATA_VERSION = "data-version"
SYNTHETIC_BANNER = "synthetic-banner"
HEADER_TITLE = "header-title"
NAV = "nav"
NAV_OVERVIEW = "nav-overview"
SCROLL_SINK = "scroll-sink"  # output of the clientside "new page -> scroll to top" callback
NAV_MAP = "nav-map"
ACCOUNT_BAR = "account-bar"
ACCOUNT_NAME = "account-name"
LOGOUT_BUTTON = "logout-button"
NAV_UPLOAD = "nav-upload"
NAV_HISTORY = "nav-history"
NAV_TOGGLE = "nav-toggle"  # phones: the header folds into a menu behind this button
NAV_MENU = "nav-menu"
FILTER_TOGGLE = "filter-toggle"  # phones: a page's filters fold behind this button
FILTER_COLLAPSE = "filter-collapse"

# Sources panel (shell): every clickable number opens it
SOURCE_LINK = "source-link"  # pattern-matching type: {"type": SOURCE_LINK, "cell": str, "figs": "1,2"}
CHART = "chart"  # pattern-matching type: {"type": CHART, "name": str}; clickData customdata[0] = figure ids
SOURCE_PANEL = "source-panel"
SOURCE_BODY = "source-body"

# Filters shared by pages (their values live in the URL)
INDICATOR_SELECT = "indicator-select"
YEAR_RANGE = "year-range"
PLAN_SELECT = "plan-select"
STATUS_HELP = "status-help"
VIEW_STATE = "view-state"  # dcc.Store: the state a page was rendered with (what its filters show)
REPORTED_ONLY = "reported-only"  # overview: hide targets without any reported figure
OVERVIEW_REGION = "overview-region"  # overview: only this region and the regions below it (?region=)

# Overview
OVERVIEW_HINT = "overview-hint"  # how the rows are sorted; which region they are filtered to
OVERVIEW_TABLE = "overview-table"  # the wrapper; the grid inside has id {"type": STATUS_GRID, "name": "overview"}
STATUS_GRID = "status-grid"  # pattern-matching type of the status grids (overview, region page)
OVERVIEW_ROW = "row"  # grid row ids are f"{region}-{indicator}"; kept for code written against the old table

# Region page
REGION_TITLE = "region-title"
BREADCRUMB = "breadcrumb"
PERIOD_SUMMARY = "period-summary"
GRAPH_PRELOAD = "graph-preload"  # a hidden chart in the frame (layouts/shell.py), removed before it draws
GRAPH_PRELOAD_SLOT = "graph-preload-slot"  # its wrapper
REGION_INDICATORS = "region-indicators"  # wrapper of the region's own status grid
REGION_MAP_SLOT = "region-map-slot"  # filled by its own callback once the page shows (the map is slow to build)
LATER_CONTENT = "later-content"  # pattern-matching types of a part drawn after the page's first charts
LATER_SLOT = "later-slot"  # (layouts/later.py): the part, sent with the page, and where it is drawn
PLAN_CHART = "plan-actual-chart"
CUMULATIVE_CHART = "cumulative-chart"
YEAR_TABLE = "year-table"
CHILDREN_CHART = "children-chart"
TIMELINE = "named-timeline"
TIMELINE_TABLE = "named-timeline-table"
CONSISTENCY = "consistency"
SPAN_TABLE = "span-table"
REGION_MAP = "region-map"
REGION_MAP_LINK = "region-map-link"
REGION_MAP_NOTE = "region-map-note"  # why the panel shows another indicator than the page's
BRIEFING_PDF = "briefing-pdf-button"
BRIEFING_XLSX = "briefing-xlsx-button"
BRIEFING_STATUS = "briefing-status"
BRIEFING_DOWNLOAD = "briefing-download"

# Map page
MAP_BREADCRUMB = "map-breadcrumb"
MAP_INDICATOR = "map-indicator-select"
MAP_YEAR = "map-year-select"
MAP_COLOUR = "map-colour-by"
MAP_PLAN = "map-plan"
MAP_GRAPH = "map-graph"
MAP_TABLE = "map-table"
MAP_TITLE = "map-title"
MAP_REGION_LINK = "map-region-link"  # to the region page of the region mapped
MAP_NOTICE = "map-notice"  # the indicator asked for has no figures on this map
MAP_EXPORT_PNG = "map-export-png"
MAP_EXPORT_PDF = "map-export-pdf"


def overview_row(region: str, indicator: str) -> str:
    return f"{OVERVIEW_ROW}-{region}-{indicator}"


# Upload page
UPLOAD_TEMPLATE_REGION = "upload-template-region"
UPLOAD_TEMPLATE_BUTTON = "upload-template-button"
UPLOAD_TEMPLATE_DOWNLOAD = "upload-template-download"
UPLOAD_KIND = "upload-kind"
UPLOAD_FILE = "upload-file"
UPLOAD_STATE = "upload-state"
UPLOAD_RESULT = "upload-result"
UPLOAD_ERRORS_BUTTON = "upload-errors-button"
UPLOAD_ERRORS_DOWNLOAD = "upload-errors-download"
UPLOAD_PREVIEW = "upload-preview"
UPLOAD_NOTE = "upload-note"
UPLOAD_CONFIRM = "upload-confirm"
UPLOAD_DONE = "upload-done"
EDIT_REGION = "edit-region"
EDIT_GRID = "edit-grid"
EDIT_PREVIEW_BUTTON = "edit-preview-button"

# History page
HISTORY_TABLE = "history-table"
HISTORY_REVERT = "history-revert"  # pattern-matching type; index = batch id
HISTORY_CONFIRM = "history-confirm"
HISTORY_PENDING = "history-pending"
HISTORY_MESSAGE = "history-message"

# Documents page (plan documents in: upload or paste -> review candidate targets -> commit)
NAV_DOCUMENTS = "nav-documents"
DOC_FILE = "doc-file"
DOC_TEXT = "doc-text"
DOC_TEXT_TITLE = "doc-text-title"
DOC_DATE = "doc-date"
DOC_URL = "doc-url"
DOC_REGION = "doc-region"
DOC_TITLE = "doc-title"  # the document's title in the review: guessed, corrected by the reviewer
DOC_TITLE_SAID = "doc-title-said"
DOC_REREAD = "doc-reread"  # the held document read again with the date, URL and region now given
DOC_READ_TEXT = "doc-read-text"  # button: read the pasted text
DOC_STATE = "doc-state"  # dcc.Store: file name, sha256, overrides (never the bytes)
DOC_RESULT = "doc-result"  # document info, messages, the review area
DOC_GRID = "doc-grid"
DOC_QUOTE = "doc-quote"  # the chosen row's quote highlighted in its paragraph
DOC_PROBLEMS = "doc-problems"
DOC_ACCEPT_ALL = "doc-accept-all"
DOC_REJECT_ALL = "doc-reject-all"
DOC_CHECK = "doc-check"
DOC_NOTE = "doc-note"
DOC_COMMIT = "doc-commit"
DOC_DONE = "doc-done"
DOC_PROGRESS = "doc-progress"  # "page 3 of 12" while a long document is read
DOC_PROGRESS_TICK = "doc-progress-tick"  # dcc.Interval, on only while a file is read
DOC_FILE_CHECKED = "doc-file-checked"  # dcc.Store: the chosen file once its size is checked in the browser
DOC_LIMIT = "doc-limit"  # dcc.Store: the size limit and its message, for that check
DOC_TOO_LARGE = "doc-too-large"
DOC_TEXT_LIMIT = "doc-text-limit"  # dcc.Store: the pasted text's limit and its message, checked in the browser
DOC_TEXT_TOO_LONG = "doc-text-too-long"
DOC_READING = "doc-reading"  # dcc.Store: {"at": token} of the file being read (for the progress poll)
DOC_ADD_QUOTE = "doc-add-quote"  # the words of a target the extractor missed, copied from the document
DOC_ADD = "doc-add"  # button: add that target as a row
DOC_ADD_MESSAGE = "doc-add-message"
DOC_HELD = "doc-held"  # the account's reviews in progress (held on the server), to resume or discard
DOC_HELD_RESUME = "doc-held-resume"  # pattern id {"type": DOC_HELD_RESUME, "sha": sha256}: 继续审核 Resume
DOC_HELD_DISCARD = "doc-held-discard"  # pattern id {"type": DOC_HELD_DISCARD, "sha": sha256}: 放弃 Discard (confirmed)
DOC_HELD_SAID = "doc-held-said"  # what resuming or discarding did
DOC_FULL_TEXT = "doc-full-text"  # the document's text, where the reviewer selects a missed target's words

# Approval and notes
NAV_REVIEW = "nav-review"
REVIEW_LIST = "review-list"
REVIEW_MESSAGE = "review-message"
REVIEW_APPROVE = "review-approve"  # pattern-matching type; index = batch id
REVIEW_RETURN = "review-return"  # pattern-matching type; index = batch id
REVIEW_REASON = "review-reason"  # pattern-matching type; index = batch id
REVIEW_REQUEST = "review-request"  # the decision asked for: {"batch", "decision", "reason"}
WAITING_BANNER = "waiting-banner"
PENDING_SWITCH = "pending-switch"
NOTE_LIST = "note-list"
NOTE_YEAR = "note-year"
NOTE_TEXT = "note-text"
NOTE_ADD = "note-add"
NOTE_MESSAGE = "note-message"
NOTE_EDIT = "note-edit"  # pattern-matching type; index = note id
NOTE_EDITING = "note-editing"  # dcc.Store: the id of the note being edited, or None
