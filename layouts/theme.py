"""Colours (Okabe-Ito, colour-blind safe), fonts and shared figure styling."""

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

COLORS = {
    "original": "#999999",
    "revised": "#E69F00",
    "actual": "#0072B2",
    "achieved": "#009E73",
    "on_track": "#56B4E9",
    "at_risk": "#E69F00",
    "behind": "#D55E00",
    "no_data": "#BBBBBB",
}

# Series are also told apart by fill pattern, so colour is never the only cue.
PATTERNS = {"original": "", "revised": "/", "actual": ""}

# Status is told by icon and text too, never by colour alone.
STATUS_ICON = {"achieved": "✔", "on_track": "➜", "at_risk": "⚠", "behind": "✖", "no_data": "?"}
# Black on every status colour: at least 5:1 (white on green or orange is below WCAG's 4.5:1)
STATUS_TEXT_COLOR = {
    "achieved": "#000000",
    "on_track": "#000000",
    "at_risk": "#000000",
    "behind": "#000000",
    "no_data": "#000000",
}
