"""User-facing text of approval (审核) and notes (说明), Chinese first with English (merged into ``i18n.TEXT``)."""

REVIEW_TEXT = {
    "nav_review": ("审核", "Review"),
    "role_approver": ("审核人", "approver"),
    "review_title": ("审核:待审核的批次", "Review: batches waiting for approval"),
    "review_hint": (
        "每个批次逐格列出与现行数值的差异。通过后对所有人生效;退回须写明原因,提交人修改后可重新上传。本人提交的批次须由另一位审核人决定。",
        "Each batch lists its changes cell by cell against the values in force. Approved, they count for "
        "everyone; a return needs a reason, and the author can upload a corrected file. Nobody decides on a batch "
        "they submitted.",
    ),
    "review_none": ("没有待您审核的批次。", "No batches are waiting for you."),
    "review_not_allowed": ("您的账户没有审核权限。", "Your account may not review batches."),
    "review_batch": ("批次 {id} · {user} · {at} · {file}", "Batch {id} · {user} · {at} · {file}"),
    "review_regions": ("地区", "Regions"),
    "review_reason": ("退回原因(退回时必填)", "Reason for returning (required to return)"),
    "approve": ("通过", "Approve"),
    "return": ("退回", "Return"),
    "approved_done": ("批次 {id} 已通过。", "Batch {id} approved."),
    "returned_done": ("批次 {id} 已退回。", "Batch {id} returned."),
    "reason_required": ("退回须写明原因。", "Write a reason to return a batch."),
    "waiting_for_you": ("{n} 个批次待您审核", "{n} batch(es) waiting for your review"),
    "returned_to_you": ("批次 {id} 被 {by} 退回:{reason}", "Batch {id} was returned by {by}: {reason}"),
    "submitted_waiting": ("您有 {n} 个批次待审核", "{n} of your batches wait for approval"),
    "submitted_for_review": (
        "该地区的数字须经审核:批次已提交,审核通过后生效。",
        "Figures of this region need approval: the batch is submitted and counts once approved.",
    ),
    "include_pending": (
        "含待审核的数据 Include figures awaiting approval",
        "Include figures awaiting approval (含待审核的数据)",
    ),
    "col_approval": ("审核", "Approval"),
    "state_submitted": ("待审核 · {by} 提交", "pending · submitted by {by}"),
    "submitted_by": ("{by} 提交", "submitted by {by}"),
    "state_approved": ("{by} 于 {at} 通过", "approved by {by} at {at}"),
    "state_returned": ("{by} 于 {at} 退回:{reason}", "returned by {by} at {at}: {reason}"),
    "state_short_submitted": ("⏳ 待审核", "⏳ pending"),
    "state_short_returned": ("✖ 已退回,不生效", "✖ returned, not counted"),
    "state_auto": ("无需审核", "no approval needed"),
    "notes_title": ("说明", "Notes"),
    "note_year": ("年份", "Year"),
    "note_text": ("说明内容", "Note"),
    "note_add": ("添加说明", "Add note"),
    "note_added": ("说明已添加。", "Note added."),
    "note_saved": ("说明已修改,原文保留在历史中。", "Note changed; the earlier text stays in its history."),
    "note_edit": ("修改", "Edit"),
    "note_marker": ("※说明", "※note"),
    "note_by": ("{author} · {at}", "{author} · {at}"),
    "note_edited": ("(已修改:{by} · {at})", "(edited by {by} · {at})"),
    "note_not_yours": ("您无权为该地区添加说明:", "You may not add notes for this region:"),
    "notes_none": ("暂无说明。", "No notes yet."),
    "col_notes": ("年度说明", "notes on the year"),
    "col_edited_by": ("修改人", "edited by"),
    "col_edited_at": ("修改时间", "edited at"),
}

REVIEW_RELIABILITY = {"pending": ("⏳ 待审核 pending", "⏳ pending approval (待审核)")}
