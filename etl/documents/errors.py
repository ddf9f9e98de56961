"""Why a document is refused before any figure is read: one class per failure, each saying what and what to do.

Example::

    try:
        read_document(data, "plan.pdf")
    except DocumentRejected as exc:
        exc.located()   # "plan.pdf: PDF已加密,需要密码才能打开 / the PDF is password-protected ... — fix: ..."
"""

from __future__ import annotations

from etl.problems import FileProblem


class DocumentRejected(ValueError):
    """The whole file is refused; ``where`` is the file (and page), ``hint`` what to do instead."""

    hint = (
        "把文件另存为 .txt、.html、.docx 或 .pdf 后重试 / save the document as .txt, .html, .docx or .pdf and try again"
    )

    def __init__(self, file_name: str, message: str, hint: str | None = None, where: str = ""):
        super().__init__(message)
        self.file_name = file_name
        self.message = message
        self.where = where
        if hint is not None:
            self.hint = hint

    @property
    def code(self) -> str:
        return type(self).__name__

    def located(self) -> str:
        place = ", ".join(p for p in (self.file_name, self.where) if p)
        return f"{place}: {self.message} — fix: {self.hint}"

    def __str__(self) -> str:
        return self.located()

    def problem(self) -> FileProblem:
        """The refusal as an upload-style problem (for JSON output and the page)."""
        return FileProblem(self.file_name, None, self.where, "", self.message, self.hint)


class EmptyDocument(DocumentRejected):
    hint = (
        "文件中没有文字:请确认选对了文件,或直接粘贴文字 / "
        "the file holds no text: check you chose the right file, or paste the text instead"
    )


class DocumentTooLarge(DocumentRejected):
    hint = (
        "拆分文件(如按章节),或只保存含目标的部分,然后重试 / "
        "split the document (e.g. by chapter) or save only the part with the targets, then try again"
    )


class UnknownFormat(DocumentRejected):
    hint = (
        "可接受:.txt(UTF-8、GBK/GB18030、UTF-16)、.html/.htm、.docx、.pdf;请另存为其中一种 / "
        "accepted: .txt (UTF-8, GBK/GB18030, UTF-16), .html/.htm, .docx, .pdf; save the document in one of these"
    )


class NotADocument(DocumentRejected):
    """The name says one format, the content is another or is damaged."""

    hint = (
        "用生成该文件的程序打开,按文件名所示的格式重新保存后重试 / "
        "open the file in the program that made it, save it again in the format its name says, and retry"
    )


class EncryptedDocument(DocumentRejected):
    hint = (
        "取消密码(打开后另存或打印一份不加保护的副本)后重试 / "
        "remove the password (open it, save or print a copy without protection) and try again"
    )


class DocumentZipBomb(DocumentRejected):
    hint = (
        "该文件解压后远大于其本身:用 Word 重新保存,或直接粘贴文字 / "
        "this file expands far beyond its size; save it again from Word, or paste the text instead"
    )


class TooManyPages(DocumentRejected):
    hint = "只把含目标的页面另存为新的 PDF 后重试 / save only the pages with the targets as a new PDF and try again"


class OcrUnavailable(DocumentRejected):
    hint = (
        "请管理员安装 Debian 软件包 tesseract-ocr 和 tesseract-ocr-chi-sim(scripts/setup.sh) / "
        "ask the administrator to install Debian packages tesseract-ocr and tesseract-ocr-chi-sim (scripts/setup.sh)"
    )


class OcrFailed(DocumentRejected):
    hint = (
        "扫描件无法识别:换一份更清晰的扫描件(300 dpi、摆正),或直接粘贴文字 / "
        "the scan could not be read; try a clearer scan (300 dpi, upright) or paste the text instead"
    )
