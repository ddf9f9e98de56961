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
        raise DocumentTooLarge(
            file_name, f"文件过大 {size / MB:.1f} MB is over the limit of {limits.max_bytes // MB} MB"
        )
    if size == 0:
        raise EmptyDocument(file_name, "空文件 the file is empty (0 bytes)")


def check_document(data: bytes, file_name: str, limits: DocumentLimits = DOCUMENT_LIMITS) -> str:
    """The format ("txt", "html", "docx", "pdf") of a document that may be parsed."""
    check_size(len(data), file_name, limits)
    ext = extension(file_name)
    fmt = FORMATS.get(ext)
    if fmt is None:
        hint = None
        if ext == "doc":
            hint = "open it in Word or WPS and save it as .docx (Word 文档), then retry"
        elif ext in ("xlsx", "xls", "csv"):
            hint = "spreadsheets of figures go through the upload page (上传) or `python -m etl import`"
        raise UnknownFormat(file_name, f"不支持的文件类型 .{ext or '(no extension)'} files are not accepted", hint)
    if data.startswith(OLE_MAGIC):
        if fmt == "docx":
            raise EncryptedDocument(
                file_name, "文件已加密或为旧格式 the document is password-protected, or an old .doc renamed .docx"
            )
        raise NotADocument(file_name, f"the name says .{ext} but the content is an Office (OLE) file")
    if fmt == "pdf":
        if PDF_MAGIC not in data[:1024]:
            raise NotADocument(file_name, "不是PDF文件 the name says .pdf but the content is not a PDF")
    elif fmt == "docx":
        _check_docx_zip(data, file_name, limits)
    elif data.startswith((ZIP_MAGIC, PDF_MAGIC)) or (
        b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        raise NotADocument(
            file_name,
            f"不是文本文件 the name says .{ext} but the content is binary, not text (UTF-8, GBK/GB18030 or UTF-16)",
        )
    return fmt


def _check_docx_zip(data: bytes, file_name: str, limits: DocumentLimits) -> None:
    if not data.startswith(ZIP_MAGIC):
        raise NotADocument(file_name, "不是Word文档 the name says .docx but the content is not a Word document")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise NotADocument(file_name, f"Word文档已损坏 the document is damaged ({exc})") from exc
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise NotADocument(file_name, "a zip file, but not a Word document (no word/document.xml)")
    total = 0
    for info in infos:
        produced = 0  # declared sizes can lie: count the bytes actually produced, stopping at the limit
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                produced += len(chunk)
                total += len(chunk)
                if total > limits.max_unzipped_bytes or produced > limits.max_ratio * max(info.compress_size, 1024):
                    raise DocumentZipBomb(
                        file_name,
                        f"{info.filename} expands to more than {min(total, produced) // MB} MB "
                        f"(limit {limits.max_unzipped_bytes // MB} MB in all, {limits.max_ratio}× per part)",
                    )
