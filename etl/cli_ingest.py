"""CLI for plan documents: ``extract`` (figures of any document, no database) and ``ingest`` (store them).

Thin wrappers over etl.documents (reading) and etl.intake (propose, validate, commit).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from db import accounts
from db.session import transaction
from etl import cli_review, documents, intake
from etl.intake.problems import NoTargetsFound, NothingAccepted, for_command_line
from text.format import format_value
from textsafety import one_line

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
DATE = click.DateTime(["%Y-%m-%d"])
URL_HELP = "Where the document was published (http…): stored with it; its date dates a text that gives none."


def read_file(path: Path) -> documents.DocumentText:
    """A document from disk; its size is checked before a byte is read (a 60 MB file is never loaded)."""
    documents.check_size(path.stat().st_size, path.name)
    return documents.read_document(path.read_bytes(), path.name, progress=_page_progress)


def _page_progress(done: int, total: int) -> None:
    if total > 1:
        click.echo(f"reading page {done}/{total}", err=True)


def _refuse(messages: list[str], fmt: str = "text", extra: dict | None = None) -> None:
    if fmt == "json":
        click.echo(json.dumps({"ok": False, "errors": messages, **(extra or {})}, ensure_ascii=False, default=str))
    else:
        for message in messages:
            click.echo(f"Error: {message}", err=True)
    sys.exit(1)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
@click.option("--region", "region_code", default=None, help="The document's region (adcode), whatever it says.")
@click.option("--date", "as_of", type=DATE, default=None, help="The document's date (YYYY-MM-DD), whatever it says.")
@click.option("--url", "source_url", default=None, help=URL_HELP)
@click.argument("files", nargs=-1, required=True, type=FILE)
def extract(
    fmt: str, region_code: str | None, as_of: dt.datetime | None, source_url: str | None, files: tuple[Path, ...]
) -> None:
    """Print every figure found in plan documents (.txt, .html, .docx, .pdf, scanned PDFs by OCR), one JSON
    object per line; exit 1 with a located message for a file that cannot be read.

    Example: python -m etl extract --format jsonl --region 621100 data/sources/dingxi-2015-decision.txt plan.pdf
    """
    from etl.extract import extract_document
    from etl.gazetteer import Gazetteer

    bad_url = intake.url_problems(source_url, "--url")
    if bad_url:
        raise click.ClickException(bad_url[0].located())
    gazetteer = Gazetteer.from_csv()
    kwargs = {"region_code": region_code, "as_of": as_of and as_of.date(), "source_url": source_url}
    for path in files:
        try:
            doc = read_file(path)
        except documents.DocumentRejected as exc:
            raise click.ClickException(exc.located()) from exc
        for fig in extract_document(doc.text, gazetteer, file_name=path.name, **kwargs).figures:
            out = fig.to_json()
            out["ocr"] = doc.is_ocr(fig.start, fig.end)
            out["file"] = path.name
            click.echo(json.dumps(out, ensure_ascii=False))


REVIEWED_HELP = (
    'The output of --dry-run --format json, edited: per row "accepted" true/false and the fields to correct '
    "(region_code, indicator, year or period_start/period_end, value, comparator, tier, kind)."
)
TITLE_HELP = (
    "The document's title, over the one read from its text (a newspaper's 「(上接第6版)」): stored as its source's "
    "and plan version's title, as the Documents page's 标题 box."
)
SET_HELP = "Correct a row: ROW:FIELD=VALUE, FIELD one of " + ", ".join(cli_review.SET_FIELDS) + " (repeatable)."


@click.command()
@click.argument("file", type=FILE)
@click.option("--region", "region_code", default=None, help="The document's region (adcode), whatever it says.")
@click.option("--date", "as_of", type=DATE, default=None, help="The document's date (YYYY-MM-DD), whatever it says.")
@click.option("--url", "source_url", default=None, help=URL_HELP)
@click.option("--dry-run", is_flag=True, help="Read, extract and check only; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--note", default="", help="Why this document is taken in (default: its title).")
@click.option("--title", default=None, help=TITLE_HELP)
@click.option(
    "--user",
    default="anonymous",
    show_default=True,
    help="Who takes it in; a planner account is limited to its regions.",
)
@click.option("--reviewed", type=FILE, default=None, help=REVIEWED_HELP)
@click.option("--reject", "rejects", type=int, multiple=True, metavar="ROW", help="Leave a row out (repeatable).")
@click.option("--set", "sets", multiple=True, metavar="ROW:FIELD=VALUE", help=SET_HELP)
@click.pass_context
def ingest(
    ctx: click.Context,
    file: Path,
    region_code: str | None,
    as_of: dt.datetime | None,
    source_url: str | None,
    dry_run: bool,
    fmt: str,
    note: str,
    title: str | None,
    user: str,
    reviewed: Path | None,
    rejects: tuple[int, ...],
    sets: tuple[str, ...],
) -> None:
    """Take in a plan document: extract its figures, check them, and store them as one batch with the text
    (a new plan version). Exit 0 when stored (or already stored), 1 with located messages when not. A review
    (--reviewed, --reject, --set) rejects and corrects rows as the Documents page does.

    Example: python -m etl ingest plan.docx --region 621100 --url https://fpb.example.gov.cn/t20190301_1.html

    Example: python -m etl ingest news.txt --reject 3 --set 2:year=2017 --set 4:tier=stretch
    """
    bad_url = intake.url_problems(source_url, "--url")
    if bad_url:
        _refuse([bad_url[0].located()], fmt)
    title = " ".join((title or "").split()) or None
    if title and (bad_title := intake.title_problems(title, file.name)):
        _refuse([bad_title[0].located()], fmt)
    try:
        doc = read_file(file)
        review = cli_review.read_reviewed(reviewed) if reviewed else None
    except documents.DocumentRejected as exc:
        _refuse([exc.located()], fmt)
    except cli_review.ReviewRefused as exc:
        _refuse(exc.messages, fmt)
    with transaction(ctx.obj.sessions()) as session:
        from db import queries

        if region_code and queries.region(session, region_code) is None:
            _refuse(
                [
                    f"--region {region_code}: no region in the tree has this adcode — fix: use a 6-digit adcode "
                    "of the tree (python -m etl regions loads the national tree)"
                ],
                fmt,
            )
        account = accounts.user_by_name(session, user)
        allowed = account["regions"] if account and account["role"] == "planner" else None
        proposal = intake.propose(
            session,
            doc,
            file.name,
            region_code=region_code,
            as_of=as_of and as_of.date(),
            source_url=source_url,
            title=title,
        )
        if proposal.already_ingested is not None:
            _report(
                proposal,
                proposal.rows,
                fmt,
                dry_run,
                None,
                f"已导入为批次 {proposal.already_ingested},未重复保存(撤销该批次后可重新录入) / "
                f"already ingested as batch {proposal.already_ingested}; nothing "
                "stored (revert that batch to take the document in again)",
            )
            return
        accepted, rows, errors, document_problems = proposal.rows, proposal.rows, [], proposal.problems
        if review is not None or rejects or sets:
            try:
                grid, where = cli_review.review_grid(proposal, review, reviewed and reviewed.name, rejects, sets)
            except cli_review.ReviewRefused as exc:
                _refuse(exc.messages, fmt)
            accepted, rows, errors, document_problems = _reviewed_rows(session, proposal, grid, where)
        problems = (
            document_problems
            + intake.note_problems(note, file.name)
            + intake.validate_rows(session, rows, file_name=file.name, allowed_regions=allowed)
            + intake.stored_conflicts(session, rows, proposal.published_on, file.name)
        )
        errors += [for_command_line(p).located() for p in problems]
        if errors:
            shown = cli_review.output_rows(proposal.rows, accepted)
            if fmt == "text":
                _header(proposal)
                _list_rows(shown)
            _refuse(errors, fmt, {"document": proposal.document(), "rows": shown})
        batch_id = None
        if not dry_run:
            batch_id = intake.commit(session, proposal, rows, user_name=user, note=note, allowed_regions=allowed)
    _report(proposal, rows, fmt, dry_run, batch_id)


def _reviewed_rows(session, proposal: intake.Proposal, grid: list[dict], where: dict) -> tuple:
    """(accepted rows as edited, those of them that read, located unreadable edits, the document's problems).

    Once a reviewer has chosen the rows, "no targets found" gives way to that choice as on the Documents page (a
    report of results alone may be stored); nothing accepted is refused."""
    accepted, unreadable = cli_review.apply_review(session, proposal, grid)
    readable = [r for r in accepted if str(r["row_id"]) not in unreadable]
    kept = [p for p in proposal.problems if not isinstance(p, NoTargetsFound)]
    if not accepted:
        said = "没有可保存的行(目标、实际值或基数) / no accepted rows (targets, actuals or baselines)"
        kept.append(NothingAccepted(proposal.file_name, None, "", "", said))
    return accepted, readable, cli_review.located(unreadable, where, proposal.file_name), kept


_DATE_FROM = {"url": " (date from --url)"}
NO_DATE = "no date found (years read from the text; set --date)"


def _report(
    proposal: intake.Proposal,
    rows: list[dict],
    fmt: str,
    dry_run: bool,
    batch_id: int | None,
    message: str = "",
) -> None:
    """What was (or would be) stored: the document and every row, ``rows`` the accepted ones as reviewed."""
    shown = cli_review.output_rows(proposal.rows, rows)
    if fmt == "json":
        out = proposal.to_json()
        out.update({"rows": shown, "ok": True, "dry_run": dry_run, "batch_id": batch_id, "message": message})
        click.echo(json.dumps(out, ensure_ascii=False, default=str))
        return
    _header(proposal)
    if message:
        click.echo(message)
        return
    _list_rows(shown)
    if batch_id is not None:
        click.echo(f"ingested as batch {batch_id}; revert with: python -m etl revert {batch_id}")
    elif dry_run:
        click.echo("dry run: nothing written")


def _header(proposal: intake.Proposal) -> None:
    d = proposal.document()
    dated = f"{d['published_on']}{_DATE_FROM.get(d['date_from'], '')}" if d["published_on"] else NO_DATE
    click.echo(
        f"{one_line(d['file_name'])}: {one_line(d['title'])} · {d['region_name'] or '?'} ({d['region_code'] or '?'}) · "
        f"{dated} · {d['format']}{' (OCR)' if d['ocr'] else ''} · "
        f"{len(proposal.targets)} targets, {len(proposal.rows) - len(proposal.targets)} other figures"
    )
    for n in proposal.notices:
        click.echo(f"  note: {one_line(n)}")


def _list_rows(shown: list[dict]) -> None:
    """One line a row (``cli_review.output_rows``), a rejected one marked, and the notes of the accepted ones."""
    for r in shown:
        value = format_value(r["value"], r["unit"], "zh", r["comparator"])
        click.echo(
            f"  {r['row_id']:>3} {r['kind']:8} {r['region_code']} {r['region_name']} {one_line(r['indicator'])} "
            f"{_period(r)}: {value} [{r['tier']}]{' OCR' if r['ocr'] else ''} "
            f"«{one_line(r['quote'])}»{'' if r['accepted'] else ' 已拒绝 rejected'}"
        )
    for r in shown:
        if r["accepted"] and r.get("indicator_note"):
            click.echo(f"  note: row {r['row_id']}: {one_line(r['indicator_note'])}")


def _period(row: dict) -> str:
    """ "2016–2016", or 年份未知 when the year hangs on a date the document does not give."""
    if row["period_start"] is None:
        return "年份未知 year unknown"
    return f"{row['period_start']}–{row['period_end']}"
