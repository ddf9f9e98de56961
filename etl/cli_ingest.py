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
from etl import documents, intake
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


@click.command()
@click.argument("file", type=FILE)
@click.option("--region", "region_code", default=None, help="The document's region (adcode), whatever it says.")
@click.option("--date", "as_of", type=DATE, default=None, help="The document's date (YYYY-MM-DD), whatever it says.")
@click.option("--url", "source_url", default=None, help=URL_HELP)
@click.option("--dry-run", is_flag=True, help="Read, extract and check only; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--note", default="", help="Why this document is taken in (default: its title).")
@click.option(
    "--user",
    default="anonymous",
    show_default=True,
    help="Who takes it in; a planner account is limited to its regions.",
)
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
    user: str,
) -> None:
    """Take in a plan document: extract its figures, check them, and store them as one batch with the text
    (a new plan version). Exit 0 when stored (or already stored), 1 with located messages when not.

    Example: python -m etl ingest plan.docx --region 621100 --url https://fpb.example.gov.cn/t20190301_1.html
    """
    bad_url = intake.url_problems(source_url, "--url")
    if bad_url:
        _refuse([bad_url[0].located()], fmt)
    try:
        doc = read_file(file)
    except documents.DocumentRejected as exc:
        _refuse([exc.located()], fmt)
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
            session, doc, file.name, region_code=region_code, as_of=as_of and as_of.date(), source_url=source_url
        )
        if proposal.already_ingested is not None:
            _report(
                proposal,
                fmt,
                dry_run,
                None,
                f"已导入为批次 {proposal.already_ingested},未重复保存(撤销该批次后可重新录入) / "
                f"already ingested as batch {proposal.already_ingested}; nothing "
                "stored (revert that batch to take the document in again)",
            )
            return
        problems = (
            proposal.problems
            + intake.note_problems(note, file.name)
            + intake.validate_rows(session, proposal.rows, file_name=file.name, allowed_regions=allowed)
            + intake.stored_conflicts(session, proposal.rows, proposal.published_on, file.name)
        )
        if problems:
            _refuse([p.located() for p in problems], fmt, {"document": proposal.document(), "rows": proposal.rows})
        batch_id = None
        if not dry_run:
            batch_id = intake.commit(
                session, proposal, proposal.rows, user_name=user, note=note, allowed_regions=allowed
            )
    _report(proposal, fmt, dry_run, batch_id)


_DATE_FROM = {"url": " (date from --url)"}
NO_DATE = "no date found (years read from the text; set --date)"


def _report(proposal: intake.Proposal, fmt: str, dry_run: bool, batch_id: int | None, message: str = "") -> None:
    if fmt == "json":
        out = proposal.to_json()
        out.update({"ok": True, "dry_run": dry_run, "batch_id": batch_id, "message": message})
        click.echo(json.dumps(out, ensure_ascii=False, default=str))
        return
    d = proposal.document()
    dated = f"{d['published_on']}{_DATE_FROM.get(d['date_from'], '')}" if d["published_on"] else NO_DATE
    click.echo(
        f"{one_line(d['file_name'])}: {one_line(d['title'])} · {d['region_name'] or '?'} ({d['region_code'] or '?'}) · "
        f"{dated} · {d['format']}{' (OCR)' if d['ocr'] else ''} · "
        f"{len(proposal.targets)} targets, {len(proposal.rows) - len(proposal.targets)} other figures"
    )
    for n in proposal.notices:
        click.echo(f"  note: {one_line(n)}")
    if message:
        click.echo(message)
        return
    for r in proposal.rows:
        value = format_value(r["value"], r["unit"], "zh", r["comparator"])
        click.echo(
            f"  {r['row_id']:>3} {r['kind']:8} {r['region_code']} {r['region_name']} {one_line(r['indicator'])} "
            f"{_period(r)}: {value} [{r['tier']}]{' OCR' if r['ocr'] else ''} "
            f"«{one_line(r['quote'])}»"
        )
    if batch_id is not None:
        click.echo(f"ingested as batch {batch_id}; revert with: python -m etl revert {batch_id}")
    elif dry_run:
        click.echo("dry run: nothing written")


def _period(row: dict) -> str:
    """ "2016–2016", or 年份未知 when the year hangs on a date the document does not give."""
    if row["period_start"] is None:
        return "年份未知 year unknown"
    return f"{row['period_start']}–{row['period_end']}"
