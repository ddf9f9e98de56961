"""Checks a file must pass before anything parses it: size, type by content, macros, encryption, zip bombs.

Example::

    kind = check_file(data, "plan.xlsx")   # "xlsx" or "csv", or raises a FileRejected subclass
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and every password-protected .xlsx
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB
    max_unzipped_bytes: int = 300 * MB
    max_ratio: int = 200  # decompressed / compressed, per member
    max_rows: int = 200_000


DEFAULT_LIMITS = Limits()


class FileRejected(ValueError):
    """The whole file is refused before reading; ``hint`` says what to do instead."""

    hint = ""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class FileTooLarge(FileRejected):
    hint = "split the workbook into smaller files (by region or by year) and upload them one by one"


class TooManyRows(FileRejected):
    hint = "split the workbook into smaller files (by region or by year) and upload them one by one"


class MacroWorkbook(FileRejected):
    hint = "save it as an Excel workbook without macros (.xlsx: 文件 → 另存为 → Excel 工作簿)"


class EncryptedWorkbook(FileRejected):
    hint = "remove the password (文件 → 信息 → 保护工作簿 → 用密码进行加密, clear it) and save again"


class WrongFileType(FileRejected):
    hint = "upload an .xlsx workbook (download the template) or a .csv file"


class ZipBomb(FileRejected):
    hint = "this file expands far beyond its size; re-save it from Excel, or ask for help if it keeps failing"


def extension(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def check_file(data: bytes, file_name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return "xlsx" or "csv" for a file that may be parsed; raise a FileRejected subclass otherwise."""
    ext = extension(file_name)
    if len(data) > limits.max_bytes:
        raise FileTooLarge(f"{file_name}: {len(data) / MB:.1f} MB is over the limit of {limits.max_bytes // MB} MB")
    if ext in ("xlsm", "xltm", "xlsb", "xlam"):
        raise MacroWorkbook(f"{file_name}: .{ext} workbooks can carry macros and are not accepted")
    if data.startswith(OLE_MAGIC):
        if ext == "xls":
            raise WrongFileType(
                f"{file_name}: the old .xls format is not accepted",
                "open it in Excel and save it as .xlsx (Excel 工作簿)",
            )
        raise EncryptedWorkbook(f"{file_name}: the workbook is password-protected (encrypted)")
    if ext == "xlsx":
        if not data.startswith(ZIP_MAGIC):
            raise WrongFileType(f"{file_name}: the name says .xlsx but the content is not an Excel workbook")
        _check_zip(data, file_name, limits)
        return "xlsx"
    if ext in ("csv", "txt"):
        if data.startswith(ZIP_MAGIC) or b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise WrongFileType(f"{file_name}: the name says .{ext} but the content is binary, not text")
        return "csv"
    raise WrongFileType(f"{file_name}: .{ext or '(no extension)'} files are not accepted")


def _check_zip(data: bytes, file_name: str, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise WrongFileType(
            f"{file_name}: the workbook is damaged ({exc})", "open it in Excel, save it again as .xlsx and retry"
        ) from exc
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise WrongFileType(f"{file_name}: a zip file, but not an Excel workbook")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise MacroWorkbook(f"{file_name}: the workbook contains macros (vbaProject.bin)")
    content_types = archive.read("[Content_Types].xml")
    if b"macroEnabled" in content_types:
        raise MacroWorkbook(f"{file_name}: the workbook is macro-enabled")
    total = 0
    for info in archive.infolist():
        # Declared sizes can lie, so count the bytes actually produced, stopping at the limit.
        produced = 0
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                produced += len(chunk)
                total += len(chunk)
                if total > limits.max_unzipped_bytes or produced > limits.max_ratio * max(info.compress_size, 1024):
                    raise ZipBomb(
                        f"{file_name}: {info.filename} expands to more than "
                        f"{min(total, produced) // MB} MB (limit {limits.max_unzipped_bytes // MB} MB "
                        f"in all, {limits.max_ratio}× per part)"
                    )
