"""History page wiring: a revert button asks for confirmation, then reverts the batch in one transaction."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, html, no_update

from auth import guard
from callbacks import urlstate
from db import batches, queries
from db.session import ReadOnlyDatabase, transaction
from layouts import ids
from layouts.history_page import history_page, history_table
from text.i18n import batch_file, t
from views.history import history_view


def render_history(session, lang: str):
    """The history page: ``history_view`` rendered, with revert buttons for those who may revert."""
    view = history_view(session, guard.current_principal())
    return history_page(view.batches, lang, can_revert=guard.can_do("revert"))


def register(app, sessions) -> None:
    @app.callback(
        Output(ids.HISTORY_CONFIRM, "displayed"),
        Output(ids.HISTORY_CONFIRM, "message"),
        Output(ids.HISTORY_PENDING, "data"),
        Input({"type": ids.HISTORY_REVERT, "index": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def ask(clicks, search):
        guard.require("revert")
        if not any(clicks) or not isinstance(ctx.triggered_id, dict):
            return no_update, no_update, no_update
        batch_id = ctx.triggered_id["index"]
        with sessions() as session:
            row = batches.batch_row(session, batch_id)
        lang = urlstate.lang_of(urlstate.parse(search))
        named = (row.get("title") or batch_file(row, lang)) if row else ""  # a document by its title
        return True, t("revert_confirm", lang).format(id=batch_id, file=named), batch_id

    @app.callback(
        Output(ids.HISTORY_TABLE, "children"),
        Output(ids.HISTORY_MESSAGE, "children"),
        Input(ids.HISTORY_CONFIRM, "submit_n_clicks"),
        State(ids.HISTORY_PENDING, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def revert(submitted, batch_id, search):
        lang = urlstate.lang_of(urlstate.parse(search))
        if not submitted or batch_id is None:
            return no_update, no_update
        user = guard.require("revert")
        try:
            with transaction(sessions) as session:
                refused = guard.refused_regions("revert", queries.batch_region_codes(session, int(batch_id)), session)
                if refused:
                    raise batches.BatchError(t("regions_not_yours", lang) + " " + ", ".join(refused))
                batches.revert(session, int(batch_id), user.name)
            message = html.Div(
                ["↩ ", t("reverted_done", lang).format(id=batch_id)],
                className="alert alert-success",
                id="history-reverted",
            )
        except (batches.BatchError, ReadOnlyDatabase) as exc:
            message = html.Div(str(exc), className="alert alert-warning")
        with sessions() as session:
            return history_table(history_view(session, guard.current_principal()).batches, lang), message
