"""ORM models. Figures are append-only official records; see README "Data model"."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Region(Base):
    """A node of the GB/T 2260 tree, identified by its adcode."""

    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    level: Mapped[str] = mapped_column(String(16))  # province|prefecture|county|township|village
    # depth-first numbering: the subtree is dfs_lo..dfs_hi; its codes run code..code_hi (db/tree.py)
    dfs_lo: Mapped[int | None] = mapped_column(Integer, index=True)
    dfs_hi: Mapped[int | None] = mapped_column(Integer)
    code_hi: Mapped[str | None] = mapped_column(String(12))
    # figures written here or below need an approver's decision before they count (db/approval.py)
    approval_required: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class RegionAlias(Base):
    """Other names a region is written as: short names (陇西), former names and codes (旬阳县, 610928)."""

    __tablename__ = "region_aliases"
    alias: Mapped[str] = mapped_column(String(64), primary_key=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # short|former_name|former_code


class Indicator(Base):
    __tablename__ = "indicators"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    unit: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))  # flow|stock|rate
    direction: Mapped[str] = mapped_column(String(4))  # up|down: which way is better
    basis: Mapped[str] = mapped_column(String(16), default="registered")


class Source(Base):
    """Where figures come from: a policy document, a web page, an uploaded file or an in-app edit."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # document|web|upload|edit
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(255))
    issuer: Mapped[str | None] = mapped_column(String(255))
    published_on: Mapped[str | None] = mapped_column(String(10))
    reliability: Mapped[str] = mapped_column(String(16), default="official")
    sha256: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)  # a plan document's text taken in through intake
    __table_args__ = (Index("ix_sources_natural", "kind", "file_name", "url"),)


class Batch(Base):
    """One write action (a build step, an upload, an edit): the unit of audit and of revert."""

    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # build|upload|edit|document|regions|synth
    user_name: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str | None] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    rows_targets: Mapped[int] = mapped_column(Integer, default=0)
    rows_actuals: Mapped[int] = mapped_column(Integer, default=0)
    reverted_at: Mapped[datetime | None] = mapped_column(DateTime)
    reverted_by: Mapped[str | None] = mapped_column(String(64))
    # approved (counts for everyone) | submitted (waits for an approver) | returned (counts for no one)
    state: Mapped[str] = mapped_column(String(16), default="approved", server_default="approved")
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_batches_state", "state"),)


class PlanVersion(Base):
    """A plan as published (original) or restated later (revision); targets belong to one."""

    __tablename__ = "plan_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))  # original|revision
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    published_on: Mapped[str | None] = mapped_column(String(10))


class Figure(Base):
    """One number: a target (plan), an actual (what happened) or a baseline (state when planned)."""

    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # target|actual|baseline
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicators.code"))
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    comparator: Mapped[str] = mapped_column(String(2), default="=")
    unit: Mapped[str] = mapped_column(String(16), default="")
    plan_version_id: Mapped[int | None] = mapped_column(ForeignKey("plan_versions.id"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    quote: Mapped[str] = mapped_column(Text, default="")
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    # targets: committed (计划任务数, 必成数) or stretch (奋斗目标数, 力争); actuals compare with committed only
    tier: Mapped[str] = mapped_column(String(10), default="committed", server_default="committed")
    __table_args__ = (
        # covering index for subtree aggregates: region_code ranges per indicator, read without the table
        Index(
            "ix_figures_subtree",
            "indicator_code",
            "kind",
            "region_code",
            "period_end",
            "period_start",
            "plan_version_id",
            "batch_id",
            "value",
        ),
        Index("ix_figures_region", "region_code", "kind"),
    )


COMMITTED = "committed"
STRETCH = "stretch"


def counted_in_sums():
    """Figures sums may add: every actual and baseline, and the committed tier of targets (a stretch figure is
    a second series of the same target, never added to it)."""
    from sqlalchemy import or_

    return or_(Figure.kind != "target", Figure.tier == COMMITTED)


class FigureRollup(Base):
    """Sums of one batch's figures over the subtree of a province, prefecture or county (db/rollups.py).

    Derived data, rebuilt from figures at any time; lets national and provincial totals be read in milliseconds.
    """

    __tablename__ = "figure_rollups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(Integer, index=True)
    region_code: Mapped[str] = mapped_column(String(12))
    indicator_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    plan_version_id: Mapped[int | None] = mapped_column(Integer)
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    total: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_figure_rollups_region", "region_code", "indicator_code", "kind"),)


class FigureOverlap(Base):
    """A figure that shares indicator, kind and period with another of its region, or of a region above or below
    it; pages that sum subtrees count these exactly (db/overlaps.py). Derived data."""

    __tablename__ = "figure_overlaps"
    figure_id: Mapped[int] = mapped_column(
        ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    region_code: Mapped[str] = mapped_column(String(12))
    indicator_code: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_figure_overlaps_region", "region_code"),)


class RolledBatch(Base):
    """A batch whose figures are in figure_rollups (batches without figures too)."""

    __tablename__ = "rolled_batches"
    batch_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class DataState(Base):
    """One row: ``version`` goes up with every change to batches (database triggers, migration 0004_scale), so
    caches in any worker know when figures changed (db/cache.py); ``catalogue`` with every change that is not
    one province's figures (regions, indicators, build, synth: migration 0010_region_versions)."""

    __tablename__ = "data_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    catalogue: Mapped[int] = mapped_column(Integer, server_default="1")


class RegionVersion(Base):
    """Goes up when a batch's figures under this top-level region are written or reverted (triggers, migration
    0010_region_versions): a region page's cache key (db/cache.py)."""

    __tablename__ = "region_versions"
    province_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class Note(Base):
    """A dated note (说明) on a region, indicator and year: why a number is what it is. Edits keep history."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicators.code"))
    year: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    edited_by: Mapped[str | None] = mapped_column(String(64))
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_notes_region", "region_code", "indicator_code", "year"),)


class NoteVersion(Base):
    """Every text a note has had, with who wrote it and when (the first version included)."""

    __tablename__ = "notes_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    """An account. Role is viewer|analyst|planner|approver|admin; planners write and approvers decide only under
    their ``UserRegion`` rows."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="cli")
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(64))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class UserRegion(Base):
    """A region a planner may write: the region itself and every region below it."""

    __tablename__ = "user_regions"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), primary_key=True)


class LoginAttempt(Base):
    """Every login attempt, kept for audit and for throttling (shared by all workers through the database)."""

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    __table_args__ = (
        Index("ix_login_attempts_user", "user_name", "at"),
        Index("ix_login_attempts_address", "address", "at"),
    )


class LoginSession(Base):
    """A logged-in browser. Its cookie carries a token whose SHA-256 is ``id``: logout deletes the row, so a copy of
    the cookie stops working on every worker and host at once."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    address: Mapped[str] = mapped_column(String(64))


class LoginThrottle(Base):
    """One row per account name ("user:li") and per address ("address:10.0.0.5") that tried to log in. An attempt
    holds its two rows while it counts the recent failures and records itself, so concurrent attempts queue there:
    the check and the count are one step (auth/ratelimit.py)."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    touched_at: Mapped[datetime] = mapped_column(DateTime)


class ApiToken(Base):
    """A personal API token (db/tokens.py): only its SHA-256 is kept; read-only, whatever the user's role.

    ``window_start``/``window_count`` count the requests of the current rate-limit window in the database, so
    every worker process sees the same count."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the token's first characters, to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    window_start: Mapped[datetime | None] = mapped_column(DateTime)
    window_count: Mapped[int] = mapped_column(Integer, default=0)
