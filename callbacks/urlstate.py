"""URL state helpers live in ``layouts.urlstate`` (pure; layouts build links with them too). Re-exported here
for callbacks that import ``callbacks.urlstate``."""

from layouts.urlstate import PLANS, canonical, lang_of, parse, view_state, with_changes

__all__ = ["PLANS", "canonical", "lang_of", "parse", "view_state", "with_changes"]
