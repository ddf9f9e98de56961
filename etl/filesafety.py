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


SPLIT_HINT = (
    "把工作簿按地区或年份拆成几个较小的文件,逐个上传 / "
    "split the workbook into smaller files (by region or by year) and upload them one by one"
)
RESAVE_HINT = (
    "用 Excel 打开,另存为 .xlsx(文件 → 另存为 → Excel 工作簿)后重新上传 / "
    "open it in Excel, save it again as .xlsx and upload it again"
)


class FileTooLarge(FileRejected):
    hint = SPLIT_HINT


class TooManyRows(FileRejected):
    hint = SPLIT_HINT


class MacroWorkbook(FileRejected):
    hint = (
        "另存为不含宏的 Excel 工作簿(.xlsx:文件 → 另存为 → Excel 工作簿)后重新上传 / "
        "save it as an Excel workbook without macros (.xlsx) and upload it again"
    )


class EncryptedWorkbook(FileRejected):
    hint = (
        "取消密码(文件 → 信息 → 保护工作簿 → 用密码进行加密,清空密码)后保存,再重新上传 / "
        "remove the password (clear it there) and save again"
    )


class WrongFileType(FileRejected):
    hint = "上传 .xlsx 工作簿(可下载模板)或 .csv 文件 / upload an .xlsx workbook (download the template) or a .csv file"


class ZipBomb(FileRejected):
    hint = (
        "该文件解压后远大于其本身:用 Excel 重新保存;若仍不行,请联系管理员 / "
        "this file expands far beyond its size; re-save it from Excel, or ask for help if it keeps failing"
    )


def extension(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def check_file(data: bytes, file_name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return "xlsx" or "csv" for a file that may be parsed; raise a FileRejected subclass otherwise."""
    ext = extension(file_name)
    if len(data) > limits.max_bytes:
        size, limit = f"{len(data) / MB:.1f} MB", f"{limits.max_bytes // MB} MB"
        raise FileTooLarge(f"{file_name}: 文件过大 {size},超过 {limit} 的上限 / {size} is over the limit of {limit}")
    if ext in ("xlsm", "xltm", "xlsb", "xlam"):
        raise MacroWorkbook(
            f"{file_name}: 不接受 .{ext} 工作簿,它可能带有宏 / .{ext} workbooks can carry macros and are not accepted"
        )
    if data.startswith(OLE_MAGIC):
        if ext == "xls":
            raise WrongFileType(
                f"{file_name}: 不接受旧的 .xls 格式 / the old .xls format is not accepted",
                "用 Excel 打开,另存为 .xlsx(Excel 工作簿) / open it in Excel and save it as .xlsx",
            )
        raise EncryptedWorkbook(f"{file_name}: 工作簿设有密码(已加密) / the workbook is password-protected (encrypted)")
    if ext == "xlsx":
        if not data.startswith(ZIP_MAGIC):
            raise WrongFileType(
                f"{file_name}: 文件名为 .xlsx,但内容不是 Excel 工作簿 / "
                "the name says .xlsx but the content is not an Excel workbook"
            )
        _check_zip(data, file_name, limits)
        return "xlsx"
    if ext in ("csv", "txt"):
        if data.startswith(ZIP_MAGIC) or b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise WrongFileType(
                f"{file_name}: 文件名为 .{ext},但内容是二进制数据而非文本 / "
                f"the name says .{ext} but the content is binary, not text"
            )
        return "csv"
    shown = f".{ext}" if ext else "(无扩展名 no extension)"
    raise WrongFileType(f"{file_name}: 不接受 {shown} 文件 / {shown} files are not accepted")


def _check_zip(data: bytes, file_name: str, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise WrongFileType(f"{file_name}: 工作簿已损坏 / the workbook is damaged ({exc})", RESAVE_HINT) from exc
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise WrongFileType(
            f"{file_name}: 这是 zip 压缩文件,但不是 Excel 工作簿 / a zip file, but not an Excel workbook"
        )
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise MacroWorkbook(
            f"{file_name}: 工作簿含有宏(vbaProject.bin) / the workbook contains macros (vbaProject.bin)"
        )
    content_types = archive.read("[Content_Types].xml")
    if b"macroEnabled" in content_types:
        raise MacroWorkbook(f"{file_name}: 工作簿启用了宏 / the workbook is macro-enabled")
    total = 0
    for info in archive.infolist():
        # Declared sizes can lie, so count the bytes actually produced, stopping at the limit.
        produced = 0
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                produced += len(chunk)
                total += len(chunk)
                if total > limits.max_unzipped_bytes or produced > limits.max_ratio * max(info.compress_size, 1024):
                    size, limit = f"{min(total, produced) // MB} MB", f"{limits.max_unzipped_bytes // MB} MB"
                    raise ZipBomb(
                        f"{file_name}: {info.filename} 解压后超过 {size}(上限为总计 {limit}、每部分 "
                        f"{limits.max_ratio} 倍) / {info.filename} expands to more than {size} (limit {limit} "
                        f"in all, {limits.max_ratio}× per part)"
                    )
