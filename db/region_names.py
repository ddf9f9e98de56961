"""A region as a reviewer types it (adcode, name, short or former name) -> the regions it can mean.

Example::

    regions_matching(session, "621100")      # [{"code": "621100", "name_zh": "定西市", ...}]
    regions_matching(session, "陇西")        # [{"code": "621122", "name_zh": "陇西县", ...}] (a short name)
"""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Region, RegionAlias

_CODE = re.compile(r"\d{6,12}")


def _row(r: Region) -> dict:
    return {"code": r.code, "name_zh": r.name_zh, "name_en": r.name_en, "level": r.level}


def regions_matching(session: Session, text: str, limit: int = 5) -> list[dict]:
    """Regions whose code, Chinese name or alias is ``text`` (a code anywhere in the text wins), code order."""
    text = (text or "").strip()
    if not text:
        return []
    code = _CODE.search(text)
    if code:
        found = session.get(Region, code.group())
        if found is None:
            alias = session.scalar(select(RegionAlias.region_code).where(RegionAlias.alias == code.group()))
            found = session.get(Region, alias) if alias else None
        return [_row(found)] if found else []
    aliased = select(RegionAlias.region_code).where(RegionAlias.alias == text)
    stmt = (
        select(Region)
        .where(or_(Region.name_zh == text, Region.name_en == text, Region.code.in_(aliased)))
        .order_by(Region.code)
        .limit(limit)
    )
    return [_row(r) for r in session.scalars(stmt)]
