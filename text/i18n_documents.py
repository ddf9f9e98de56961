"""User-facing text of the documents page (plan documents in), Chinese first with English.

Example::

    >>> dt("title", "en")
    'Plan documents in: upload or paste, review the targets, commit'
    >>> dt("rows_counted", "zh", accepted=3, total=5)
    '已接受 3 / 5 条'
"""

from __future__ import annotations

DOC_TEXT = {
    "nav": ("文件", "Documents"),
    "title": (
        "录入计划文件:上传或粘贴,审核目标,提交",
        "Plan documents in: upload or paste, review the targets, commit",
    ),
    "not_allowed": (
        "只有规划人员(其负责的地区及下级地区)和管理员可以录入计划文件。请联系管理员为您的账户分配地区。",
        "Only planners (for their regions and the regions below) and administrators may add plan documents. "
        "Ask an administrator to assign you a region.",
    ),
    "login_needed": ("登录", "Log in"),
    "your_regions": ("您可录入的地区", "Regions you may add documents for"),
    "all_regions": ("全部地区(管理员)", "every region (administrator)"),
    "and_below": (" 及其下级地区", " and every region below"),
    "file_step": ("1. 上传文件(.txt / .html / .docx / .pdf)", "1. Upload a file (.txt / .html / .docx / .pdf)"),
    "drop_file": ("拖放文件到此处,或点击选择文件", "Drop a file here, or click to choose one"),
    "limits": (
        "扫描版 PDF 会先做文字识别(OCR),可能需要一两分钟;识别出的数字须对照原件核对。",
        "A scanned PDF is read by OCR first, which can take a minute or two; check OCR-read figures against the page.",
    ),
    "paste_step": ("或粘贴文本", "or paste the text"),
    "paste_title": ("文件标题(可选)", "Document title (optional)"),
    "paste_placeholder": ("在此粘贴文件全文……", "Paste the document's full text here…"),
    "read_text": ("读取文本", "Read the text"),
    "paste_limit": (
        "粘贴的文本最多 {limit} KB(约 4 万个汉字);更长的文件请作为文件上传。",
        "Pasted text: at most {limit} KB (about 40,000 Chinese characters); upload a longer document as a file.",
    ),
    "paste_too_long": (
        "⚠ 粘贴的文本有 {size} KB,超过 {limit} KB 的上限:请作为文件上传(.txt / .docx)。",
        "⚠ The pasted text is {size} KB, over the {limit} KB limit: upload it as a file (.txt / .docx) instead.",
    ),
    "overrides": (
        "可选:文件日期与地区(文件本身未写明或写错时)",
        "Optional: document date and region (when the document does not say, or says wrongly)",
    ),
    "date": ("文件日期", "Document date"),
    "source_url": ("来源网址(可选)", "Source URL (optional)"),
    "source_url_hint": (
        "文件发布的网页地址,与文件一同保存为出处;文件未写日期时,按网址中的日期理解“今年”“明年”。",
        "The web page the document was published on, stored with it as its source; when the document gives no "
        "date, the date in the address tells what 今年 (this year) means.",
    ),
    "date_from_url": ("取自来源网址", "from the source URL"),
    "date_from_given": ("人工填写", "as entered"),
    "no_date": (
        "⚠ 文件未写明日期:“今年”等按文中出现的年份推断,无法推断的行年份留空。请在“可选:文件日期与地区”中填写日期,"
        "文件即按该日期重新读取。",
        "⚠ The document gives no date: 今年 (this year) and the like are read from the years it names, and rows "
        "whose year cannot be told are left without one. Enter its date under “Optional: document date and "
        "region”: the document is read again with it.",
    ),
    "no_region": (
        "⚠ 文件未写明地区:请在“可选:文件日期与地区”中选择地区后点击“重新读取”,或在表格中填写每行的地区。",
        "⚠ The document names no region: choose its region under “Optional: document date and region” and press "
        "“Read again”, or type each row's region in the table.",
    ),
    "reread": ("重新读取", "Read again"),
    "reread_hint": (
        "用上面填写的来源网址、文件日期和地区重新读取当前文件(无需再次上传)",
        "Read the current document again with the source URL, date and region given here (no second upload)",
    ),
    "reread_done": (
        "已按新的设置重新读取({changed}):表格已重建,之前在表格中的修改未保留,请重新审核。",
        "Read again with the new settings ({changed}): the table was rebuilt and earlier edits in it were "
        "dropped; review it again.",
    ),
    "reread_same": ("设置未变", "settings unchanged"),
    "reread_added": (
        "补充的 {n} 个目标已按新设置重新读取。",
        "The {n} target(s) added from their words were read again with them.",
    ),
    "reread_nothing": (
        "没有可重新读取的文件:请先上传或粘贴文件。",
        "No document to read again: upload or paste one first.",
    ),
    "not_carried": (
        "{fields}是上一份文件的,未用于本文件;如确属本文件,请重新填写后点击“重新读取”。",
        "The {fields} given for the previous document were not used for this one; if they are this document's, "
        "give them again and press “Read again”.",
    ),
    "title_short": ("文件标题", "document title"),
    "source_url_short": ("来源网址", "Source URL"),
    "region_override": ("文件所属地区", "Document region"),
    "reading": (
        "正在读取文件并查找目标……较长的文件或扫描件需要更久,请勿关闭页面。",
        "Reading the document and looking for targets… long or scanned documents take longer; keep this page open.",
    ),
    "committing": ("正在提交……", "Committing…"),
    "progress_pages": ("已读取 {done} / {total} 页", "{done} of {total} pages read"),
    "doc_info": ("文件", "Document"),
    "doc_title": ("标题", "Title"),
    "doc_title_hint": (
        "标题取自文件正文,可在此更正(按回车或点击别处生效);提交时与文件一同保存,并作为来源和计划版本显示。",
        "The title is guessed from the text: correct it here (Enter or click elsewhere); it is stored with the "
        "document and shown as its source and plan version.",
    ),
    "title_set": ("标题已改为“{title}”。", "Title set to “{title}”."),
    "title_empty": ("标题不能为空,未修改。", "A title cannot be empty; it was not changed."),
    "title_bad": ("标题未修改:{msg}", "Title not changed: {msg}"),
    "doc_region": ("地区", "Region"),
    "doc_date": ("日期", "Date"),
    "doc_format": ("格式", "Format"),
    "ocr_doc": ("经文字识别(OCR)读取:请对照原件核对每个数字", "read by OCR: check every figure against the page"),
    "already": (
        "此文件已于批次 {batch} 录入,不会重复写入。如需修改,请在“历史”页撤销该批次后重新录入,或上传修订文件。",
        "This document was already added in batch {batch}; nothing will be written again. To change it, revert "
        "that batch on History and add it again, or upload the revised document.",
    ),
    "see_batch": ("查看历史", "See History"),
    "no_rows": (
        "没有找到目标。查找的是带数字的目标句(如“确保脱贫人口人均纯收入增长X%以上”“务工规模稳定在X万人以上”“力争……达到X%”)。",
        "No targets found. Looked for sentences that set a numeric target (e.g. 确保脱贫人口人均纯收入增长X%以上, "
        "务工规模稳定在X万人以上, 力争……达到X%).",
    ),
    "review_step": ("2. 审核候选目标", "2. Review the candidate targets"),
    "review_hint": (
        "点击一行查看原文;可直接修改地区(代码或名称)、指标、年份(2024 或 2021-2025)、数值(如 12.5万)、比较符和层级;"
        "指标可从列表中选择,或输入目录中没有的指标名称(将新建该指标);"
        "取消勾选“接受”即拒绝该行。可信度为“? 可能”的行未勾选:规则不确定它是目标,请阅读原文后决定是否接受。",
        "Click a row to see its quote in context; edit region (code or name), indicator, year (2024 or 2021-2025), "
        "value (e.g. 12.5万), comparator and tier in place; choose an indicator from the list, or type the name of one "
        "the catalogue lacks (it is created); untick Accept to reject a row. Rows whose confidence says "
        "“? possible” are not ticked: no rule is sure they are targets; read the quote and tick those that are.",
    ),
    "accept_all": ("全部接受", "Accept all"),
    "reject_all": ("全部拒绝", "Reject all"),
    "check": ("检查", "Check"),
    "rows_counted": ("已接受 {accepted} / {total} 条", "{accepted} of {total} accepted"),
    "col_accept": ("接受", "Accept"),
    "col_kind": ("类型", "Kind"),
    "col_region": ("地区", "Region"),
    "col_indicator": ("指标", "Indicator"),
    "col_period": ("年份", "Year"),
    "col_value": ("数值", "Value"),
    "col_comparator": ("比较", "Comparator"),
    "col_tier": ("层级", "Tier"),
    "col_confidence": ("可信度", "Confidence"),
    "col_ocr": ("OCR", "OCR"),
    "col_quote": ("原文", "Quote"),
    "col_problem": ("问题", "Problem"),
    "tier_committed": ("必成", "committed"),
    "tier_stretch": ("力争", "stretch"),
    "quote_title": ("原文(高亮为该目标)", "Quote in its paragraph (highlighted)"),
    "quote_empty": ("点击表格中的一行查看原文。", "Click a row in the table to see its quote."),
    "add_title": ("补充漏掉的目标", "Add a target that was missed"),
    "add_hint": (
        "在下方文件原文中选中目标所在的文字(含数字和单位),或粘贴到此处,点击“添加”:新行加到表格末尾,请核对各列。",
        "Select the target's words (with its number and unit) in the document's text below, or paste them here, and "
        "press Add: a new row joins the end of the table; check its columns.",
    ),
    "full_text_cut": (
        "(文件其余 {n} 个字符未显示,可从原文件复制粘贴)",
        "(the other {n} characters are not shown: paste from the file)",
    ),
    "add": ("添加", "Add"),
    "added": ("已添加第 {row} 行:{quote}", "Row {row} added: {quote}"),
    "added_rows": ("已添加第 {row} 行:{quote}", "Rows {row} added: {quote}"),
    "ocr_row": ("OCR 读取,请核对", "read by OCR: check it"),
    "problems_title": ("请先修正以下问题", "Fix these first"),
    "problem_row": ("第 {row} 行", "row {row}"),
    "notes_title": (
        "将新建以下指标(不在指标目录中),请核对名称,以免重复",
        "These new indicators (not in the catalogue) will be created: check their names for duplicates",
    ),
    "indicator_editor": (
        "指标:从列表中选择,或输入目录中没有的指标名称",
        "Indicator: choose one from the list, or type the name of one the catalogue lacks",
    ),
    "note_label": ("说明(必填,例如文件来源与审核情况)", "Note (required, e.g. where the document came from)"),
    "commit": ("提交已接受的目标", "Commit the accepted targets"),
    "note_required": ("请填写说明。", "Please write a note."),
    "nothing_accepted": ("没有接受任何行,未写入数据。", "No row is accepted; nothing was written."),
    "expired": ("文件已过期或不属于您,请重新上传。", "The file has expired or is not yours; upload it again."),
    "refused": ("未写入:{msg}", "Nothing written: {msg}"),
    "not_yours": ("{codes} 不在您的管辖地区", "{codes} is not one of your regions"),
    "committed": (
        "✓ 已写入批次 {batch}:目标 {targets} 个、实际值 {actuals} 个、基数 {baselines} 个。",
        "✓ Written as batch {batch}: {targets} target(s), {actuals} actual(s), {baselines} baseline(s).",
    ),
    "open_region": ("打开地区页:{name}", "Open the region page: {name}"),
    "bad_file": ("无法读取该文件:{msg}", "Cannot read this file: {msg}"),
    "too_large": (
        "文件过大:{size} MB,超过 {limit} MB 的上限。请只上传含目标的部分,或粘贴其文本。",
        "The file is too large: {size} MB, over the limit of {limit} MB. Upload only the part with the targets, "
        "or paste its text.",
    ),
    "held_title": ("审核中的文件({n})", "Reviews in progress ({n})"),
    "held_hint": (
        "每次修改、勾选后表格都会自动检查并保存在服务器上,换浏览器或重新登录后可点击“继续审核”接着做;"
        "最后一次保存后保留 {days} 天,过期自动删除。只有您本人能看到。提交或放弃后即从列表中移除。",
        "Every edit and tick is checked and saved on the server as you make it: resume from another browser or "
        "after logging in again. A review is kept {days} days after it was last saved, then deleted; only you see "
        "it. Committing or discarding it takes it off this list.",
    ),
    "held_col_title": ("标题", "Title"),
    "held_col_file": ("文件", "File"),
    "held_col_checked": ("最后检查", "Last checked"),
    "held_col_progress": ("进度", "Progress"),
    "held_col_expires": ("保留至", "Kept until"),
    "held_col_do": ("操作", "Actions"),
    "held_progress": (
        "共 {total} 行:接受 {accepted}、拒绝 {rejected}、修改 {edited}",
        "{total} rows: {accepted} accepted, {rejected} rejected, {edited} edited",
    ),
    "held_pasted": ("粘贴文本", "pasted text"),
    "held_resume": ("继续审核", "Resume"),
    "held_open": ("正在审核", "open here"),
    "held_discard": ("放弃", "Discard"),
    "held_discard_confirm": (
        "放弃“{title}”的审核?已做的修改将从服务器删除,无法恢复。",
        "Discard the review of “{title}”? Its edits are deleted from the server and cannot be brought back.",
    ),
    "held_discarded": ("已放弃“{title}”的审核。", "The review of “{title}” was discarded."),
    "held_gone": (
        "该审核已提交、放弃或过期,无法继续。",
        "That review was committed, discarded or has expired; it cannot be resumed.",
    ),
    "empty_text": ("请粘贴文本。", "Please paste some text."),
    "bad_url": ("来源网址应以 http:// 或 https:// 开头。", "The source URL must start with http:// or https://."),
    "bad_date": ("日期应写作 YYYY-MM-DD,例如 2019-03-01。", "Write the date as YYYY-MM-DD, e.g. 2019-03-01."),
}


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # left for the browser to fill (e.g. a file's size)


def dt(key: str, lang: str = "zh", **values) -> str:
    """The page's text for ``key`` in ``lang`` ("zh" or "en"), ``values`` filled in (others are kept as {name})."""
    zh, en = DOC_TEXT[key]
    text = en if lang == "en" else zh
    return text.format_map(_Keep(values)) if values else text


def both(key: str) -> str:
    """Chinese then English: ``both("nav") == "文件 Documents"``."""
    zh, en = DOC_TEXT[key]
    return f"{zh} {en}"
