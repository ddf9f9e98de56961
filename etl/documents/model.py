"""The text read from a document, and the normalisation every reader applies."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """One form for every reader: NFC, no BOM, "\\n" line ends, no trailing spaces, at most one blank line.

    Example: ``normalise("\\ufeffa \\r\\n\\r\\n\\r\\nb") == "a\\n\\nb"``
    """
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


@dataclass(frozen=True)
class DocumentText:
    """A document's text as the extractor sees it; quotes' offsets refer to ``text``.

    ``ocr_spans`` are the (start, end) ranges of text read by OCR (a scanned PDF's pages).
    """

    text: str
    format: str  # txt|html|docx|pdf
    file_name: str
    size: int  # bytes of the file
    pages: int | None = None
    ocr_spans: tuple[tuple[int, int], ...] = ()
    title: str | None = None  # a title the format carries (HTML <title>), when the text may not
    notices: tuple[str, ...] = field(default_factory=tuple)
    file_sha256: str | None = None  # of the file's bytes (a text loaded by `etl build` is known by it)

    @property
    def ocr(self) -> bool:
        return bool(self.ocr_spans)

    @property
    def sha256(self) -> str:
        """Of the normalised text: the same text with other line ends or blank lines is the same document."""
        return hashlib.sha256(normalise(self.text).encode("utf-8")).hexdigest()

    def is_ocr(self, start: int, end: int) -> bool:
        """Whether text[start:end] was read by OCR."""
        return any(a < end and start < b for a, b in self.ocr_spans)

    def info(self) -> dict:
        return {
            "file_name": self.file_name,
            "format": self.format,
            "size": self.size,
            "pages": self.pages,
            "ocr": self.ocr,
            "characters": len(self.text),
            "sha256": self.sha256,
        }
