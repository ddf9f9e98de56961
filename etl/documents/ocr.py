"""OCR of a scanned page with Debian's tesseract (simplified Chinese), run as a separate process."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OcrFailed, OcrUnavailable
from .pdftext import reflow_text

RESOLUTION = 300  # dpi; tesseract reads Chinese best at 300
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")


def tidy(text: str) -> str:
    """tesseract puts spaces between Chinese characters: drop every space next to one.

    Example: ``tidy("到 2018 年 脱 贫 1 万 人") == "到2018年脱贫1万人"``
    """
    return _SPACE_NEAR_CJK.sub("", text)


def tesseract_text(image_path: Path, file_name: str, where: str, timeout_s: int) -> str:
    """Text of one page image; raises OcrUnavailable when tesseract or its Chinese data is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(
            file_name,
            "无法OCR识别:此页是扫描件,但未安装 tesseract / this page is a scan and tesseract is not installed",
            where=where,
        )
    try:
        run = subprocess.run(
            [exe, str(image_path), "stdout", "-l", "chi_sim", "--psm", "3", "-c", "preserve_interword_spaces=1"],
            capture_output=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(
            file_name, f"OCR超时:超过 {timeout_s} 秒 / OCR took longer than {timeout_s} s", where=where
        ) from exc
    err = run.stderr.decode("utf-8", "replace")
    if "chi_sim" in err and ("Failed loading" in err or "Error opening data file" in err):
        raise OcrUnavailable(
            file_name,
            "无法OCR识别:tesseract 缺少简体中文数据(chi_sim) / tesseract has no simplified-Chinese data (chi_sim)",
            where=where,
        )
    if run.returncode != 0:
        raise OcrFailed(file_name, f"OCR失败 / tesseract failed: {err.strip()[:200]}", where=where)
    return reflow_text(tidy(run.stdout.decode("utf-8", "replace")))


def ocr_page(page, file_name: str, number: int, timeout_s: int) -> str:
    """Render a pdfplumber page at 300 dpi and read it with tesseract."""
    where = f"page {number}"
    try:
        image = page.to_image(resolution=RESOLUTION).original
    except Exception as exc:
        raise OcrFailed(
            file_name, f"页面无法渲染 / the page cannot be rendered ({type(exc).__name__})", where=where
        ) from exc
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        path = Path(tmp) / "page.png"
        image.convert("L").save(path)
        return tesseract_text(path, file_name, where, timeout_s)
