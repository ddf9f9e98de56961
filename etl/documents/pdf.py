"""PDF documents: the text layer of each page (pdfplumber); a page without one (a scan) goes through OCR."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pdfplumber
import pikepdf

from .errors import EncryptedDocument, NotADocument, TooManyPages
from .model import DocumentText, normalise
from .ocr import ocr_page
from .pdftext import page_paragraphs
from .safety import DocumentLimits

MIN_TEXT_CHARS = 10  # fewer characters on a page: a scan (a page number or stamp is not a text layer)


def _open_checked(data: bytes, file_name: str) -> int:
    """Page count of a PDF that opens without a password."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise EncryptedDocument(
            file_name, "PDF已加密,需要密码才能打开 / the PDF is password-protected (it needs a password to open)"
        ) from exc
    except Exception as exc:  # pikepdf.PdfError and friends: not a readable PDF
        raise NotADocument(
            file_name, f"PDF已损坏或不是 PDF 文件 / the PDF is damaged or not a PDF ({type(exc).__name__})"
        ) from exc


def read_pdf(
    data: bytes,
    file_name: str,
    limits: DocumentLimits,
    progress: Callable[[int, int], None] | None = None,
) -> DocumentText:
    """Example: ``read_pdf(Path("plan.pdf").read_bytes(), "plan.pdf", DOCUMENT_LIMITS).ocr is False``"""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # warns on every CJK font without a FontBBox
    count = _open_checked(data, file_name)
    if count > limits.max_pages:
        raise TooManyPages(
            file_name,
            f"页数过多:{count} 页,超过 {limits.max_pages} 页的上限 / "
            f"{count} pages is over the limit of {limits.max_pages}",
        )
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    ocr_pages = 0
    offset = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise NotADocument(file_name, f"PDF无法读取 / the PDF cannot be read ({type(exc).__name__})") from exc
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            text = normalise(page_paragraphs(page.extract_text_lines(return_chars=False)))
            scanned = len("".join(text.split())) < MIN_TEXT_CHARS
            if scanned:
                ocr_pages += 1
                if ocr_pages > limits.max_ocr_pages:
                    raise TooManyPages(
                        file_name,
                        f"扫描页过多:需 OCR 识别的扫描页超过 {limits.max_ocr_pages} 页 / "
                        f"more than {limits.max_ocr_pages} scanned pages to read by OCR",
                        where=f"page {number}",
                    )
                text = normalise(ocr_page(page, file_name, number, limits.ocr_timeout_s))
            page.close()  # pdfplumber caches every page's objects otherwise
            if progress:
                progress(number, count)
            if not text:
                continue
            if parts:
                offset += 2
            if scanned:
                spans.append((offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
    notices = (
        (f"{ocr_pages} 页经OCR识别 page(s) read by OCR: check their figures against the page image",)
        if ocr_pages
        else ()
    )
    return DocumentText(
        text="\n\n".join(parts),
        format="pdf",
        file_name=file_name,
        size=len(data),
        pages=count,
        ocr_spans=tuple(spans),
        notices=notices,
    )
