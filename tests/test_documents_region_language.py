"""The Documents page's document line names the region in the page's language: in English its English name, the
Chinese in brackets (a colleague's English review showed only 「昭通市 530600」, session 29)."""

from __future__ import annotations

from callbacks.documents_proposal import _named
from db.session import make_engine, session_factory
from layouts.documents_page import document_info, region_said
from tests import test_documents_forged as forged

url, app = forged.url, forged.app


def test_the_region_is_said_in_the_pages_language():
    info = {"region_name": "昭通市", "region_name_en": "Zhaotong City", "region_code": "530600"}
    assert region_said(info, "en") == "Zhaotong City (昭通市) 530600"
    assert region_said(info, "zh") == "昭通市 530600"
    assert region_said({"region_name": "昭通市", "region_code": "530600"}, "en") == "昭通市 530600"
    assert region_said({}, "en") == ""


def test_the_document_line_reads_the_english_name_from_the_region_tree(app, url):
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            info = _named(session, {"region_name": "定西市", "region_code": "621100", "title": "t"})
    finally:
        engine.dispose()
    assert info["region_name_en"] and info["region_name_en"] != "定西市"
    assert f"{info['region_name_en']} (定西市) 621100" in str(document_info(info, "en").to_plotly_json())
