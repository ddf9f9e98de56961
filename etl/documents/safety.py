"""Checks before any parser sees a document: size, format by name and by content, encryption, zip bombs.

Example::

    check_document(data, "plan.docx")   # "docx", or raises a DocumentRejected subclass
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from etl.filesafety import MB, OLE_MAGIC, ZIP_MAGIC, extension

from .errors import (
    DocumentTooLarge,
    DocumentZipBomb,
    EmptyDocument,
    EncryptedDocument,
    NotADocument,
    UnknownFormat,
)

FORMATS = {"txt": "txt", "text": "txt", "html": "html", "htm": "html", "docx": "docx", "pdf": "pdf"}
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class DocumentLimits:
    max_bytes: int = 20 * MB  # as uploads
    max_unzipped_bytes: int = 300 * MB
    max_ratio: int = 200  # decompressed / compressed, per member
    max_pages: int = 500
    max_ocr_pages: int = 60  # OCR takes a few seconds a page
    ocr_timeout_s: int = 180  # per page


DOCUMENT_LIMITS = DocumentLimits()


def check_size(size: int, file_name: str, limits: DocumentLimits = DOCUMENT_LIMITS) -> None:
    """Refuse a file by its size alone (the CLI asks before reading it)."""
    if size > limits.max_bytes:
        shown, limit = f"{size / MB:.1f} MB", f"{limits.max_bytes // MB} MB"
        raise DocumentTooLarge(
            file_name, f"文件过大 {shown},超过 {limit} 的上限 / {shown} is over the limit of {limit}"
        )
    if size == 0:
        raise EmptyDocument(file_name, "空文件(0 字节) / the file is empty (0 bytes)")


def check_document(data: bytes, file_name: str, limits: DocumentLimits = DOCUMENT_LIMITS) -> str:
    """The format ("txt", "html", "docx", "pdf") of a document that may be parsed."""
    check_size(len(data), file_name, limits)
    ext = extension(file_name)
    fmt = FORMATS.get(ext)
    if fmt is None:
        hint = None
        if ext == "doc":
            hint = (
                "用 Word 或 WPS 打开,另存为 .docx(Word 文档)后重试 / "
                "open it in Word or WPS and save it as .docx, then retry"
            )
        elif ext in ("xlsx", "xls", "csv"):
            hint = (
                "数字表格请通过“上传”页或 `python -m etl import` 导入 / "
                "spreadsheets of figures go through the upload page or `python -m etl import`"
            )
        shown = f".{ext}" if ext else "(无扩展名 no extension)"
        raise UnknownFormat(file_name, f"不支持的文件类型 {shown} / {shown} files are not accepted", hint)
    if data.startswith(OLE_MAGIC):
        if fmt == "docx":
            raise EncryptedDocument(
                file_name,
                "文件已加密,或是改名为 .docx 的旧 .doc 文件 / "
                "the document is password-protected, or an old .doc renamed .docx",
            )
        raise NotADocument(
            file_name,
            f"文件名为 .{ext},但内容是 Office (OLE) 文件 / "
            f"the name says .{ext} but the content is an Office (OLE) file",
        )
    if fmt == "pdf":
        if PDF_MAGIC not in data[:1024]:
            raise NotADocument(
                file_name, "不是PDF文件:文件名为 .pdf,但内容不是 PDF / the name says .pdf but the content is not a PDF"
            )
    elif fmt == "docx":
        _check_docx_zip(data, file_name, limits)
    elif data.startswith((ZIP_MAGIC, PDF_MAGIC)) or (
        b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        raise NotADocument(
            file_name,
            f"不是文本文件:文件名为 .{ext},但内容是二进制数据,不是文本(UTF-8、GBK/GB18030 或 UTF-16) / "
            f"the name says .{ext} but the content is binary, not text (UTF-8, GBK/GB18030 or UTF-16)",
        )
    return fmt


def _check_docx_zip(data: bytes, file_name: str, limits: DocumentLimits) -> None:
    if not data.startswith(ZIP_MAGIC):
        raise NotADocument(
            file_name,
            "不是Word文档:文件名为 .docx,但内容不是 Word 文档 / "
            "the name says .docx but the content is not a Word document",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise NotADocument(file_name, f"Word文档已损坏 / the document is damaged ({exc})") from exc
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise NotADocument(
            file_name,
            "这是 zip 压缩文件,但不是 Word 文档(缺少 word/document.xml) / "
            "a zip file, but not a Word document (no word/document.xml)",
        )
    total = 0
    for info in infos:
        produced = 0  # declared sizes can lie: count the bytes actually produced, stopping at the limit
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                produced += len(chunk)
                total += len(chunk)
                if total > limits.max_unzipped_bytes or produced > limits.max_ratio * max(info.compress_size, 1024):
                    size, limit = f"{min(total, produced) // MB} MB", f"{limits.max_unzipped_bytes // MB} MB"
                    raise DocumentZipBomb(
                        file_name,
                        f"{info.filename} 解压后超过 {size}(上限为总计 {limit}、每部分 {limits.max_ratio} 倍) / "
                        f"{info.filename} expands to more than {size} (limit {limit} in all, "
                        f"{limits.max_ratio}× per part)",
                    )
