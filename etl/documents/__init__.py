"""Plan documents in: bytes of a .txt, .html, .docx or .pdf (scanned PDFs through OCR) -> one normalised text.

Every refusal is a ``DocumentRejected`` subclass with a located message (file, page), checked before parsing
where it can be (size, type by content, encryption, zip bombs).

Example::

    doc = read_document(Path("plan.docx").read_bytes(), "plan.docx")
    doc.text[:20], doc.format, doc.ocr        # ("关于…", "docx", False)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from .errors import (
    DocumentRejected,
    DocumentTooLarge,
    DocumentZipBomb,
    EmptyDocument,
    EncryptedDocument,
    NotADocument,
    OcrFailed,
    OcrUnavailable,
    TooManyPages,
    UnknownFormat,
)
from .model import DocumentText, normalise
from .safety import DOCUMENT_LIMITS, FORMATS, DocumentLimits, check_document, check_size

__all__ = [
    "DOCUMENT_LIMITS",
    "FORMATS",
    "DocumentLimits",
    "DocumentRejected",
    "DocumentText",
    "DocumentTooLarge",
    "DocumentZipBomb",
    "EmptyDocument",
    "EncryptedDocument",
    "NotADocument",
    "OcrFailed",
    "OcrUnavailable",
    "TooManyPages",
    "UnknownFormat",
    "check_size",
    "read_document",
    "text_document",
]

Progress = Callable[[int, int], None]


def read_document(
    data: bytes, file_name: str, limits: DocumentLimits = DOCUMENT_LIMITS, progress: Progress | None = None
) -> DocumentText:
    """Read a plan document's text; raises a DocumentRejected subclass when it cannot be read.

    ``progress(done, total)`` is called per page of a PDF (OCR takes seconds a page).

    Example: ``read_document("到2018年脱贫1万人".encode(), "plan.txt").text == "到2018年脱贫1万人"``
    """
    fmt = check_document(data, file_name, limits)
    if fmt == "txt":
        from .plain import read_txt as reader
    elif fmt == "html":
        from .web import read_html as reader
    elif fmt == "docx":
        from .word import read_docx as reader
    else:
        from .pdf import read_pdf

        def reader(d, n):
            return read_pdf(d, n, limits, progress)

    doc = reader(data, file_name)
    if not doc.text.strip():
        raise EmptyDocument(file_name, "没有文字 / the document holds no text")
    return replace(doc, file_sha256=hashlib.sha256(data).hexdigest())


def text_document(text: str, file_name: str = "粘贴文本 pasted text") -> DocumentText:
    """A pasted text as a document. Example: ``text_document("到2018年脱贫1万人").format == "txt"``"""
    text = normalise(text)
    if not text.strip():
        raise EmptyDocument(file_name, "没有文字 / the text is empty")
    return DocumentText(text=text, format="txt", file_name=file_name, size=len(text.encode("utf-8")))
