from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import InputError
from newsweave.extract.html import DESCRIPTION_NOTE, HtmlExtractor
from newsweave.records import DateSource, MediaType, Provenance, RawItem

extractor = HtmlExtractor()


def page(data: bytes, **fields: str) -> RawItem:
    return RawItem(data, MediaType.HTML, Provenance("page.html"), fields)


def test_a_news_page_comes_apart_into_metadata_body_and_comments(data_dir: Path) -> None:
    a = extractor.extract(page((data_dir / "html" / "en_news.html").read_bytes()))
    assert a.title == "Army encircles militants near Abu Kamal"
    assert a.outlet == "Desert Daily"
    assert a.author == "Jane Doe"
    assert a.published is not None and a.published.value.date().isoformat() == "2017-11-24"
    assert a.published.source is DateSource.META
    assert a.body[0].startswith("Government troops have encircled")
    assert any("desertions had become common" in p for p in a.body)
    body = " ".join(a.body)
    assert "Share on Facebook" not in body and "All rights reserved" not in body
    expected = [("Reader One", None), ("Reader Three", 0), ("Reader Two", None)]
    assert [(c.author, c.reply_to) for c in a.comments] == expected
    assert a.comments[0].text == "This war will not end soon, whatever the army says about it."
    assert a.comments[1].time is not None and a.comments[1].time.hour == 11
    assert not any(c.text in body for c in a.comments)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "windows-1251",
            "Правительственные войска окружили боевиков в пустыне к западу от Абу-Кемаля, сообщили в штабе.",
        ),
        (
            "iso-8859-1",
            "Les troupes gouvernementales ont encerclé les combattants près de la frontière, a déclaré l'armée.",
        ),
    ],
)
def test_legacy_encodings_come_out_right(encoding: str, text: str) -> None:
    paragraphs = "".join(f"<p>{text} {i}</p>" for i in range(4))
    head = f"<head><meta charset='{encoding}'><title>T</title></head>"
    html = f"<html>{head}<body><article>{paragraphs}</article></body></html>"
    a = extractor.extract(page(html.encode(encoding)))
    assert text in a.body[0]


def test_container_fields_win_over_the_page() -> None:
    html = (
        b"<html><head><title>Page title</title></head><body><article><p>"
        + b"Some article text. " * 20
        + b"</p></article></body></html>"
    )
    a = extractor.extract(page(html, title="Feed title", url="https://x.org/a"))
    assert a.title == "Feed title" and a.url == "https://x.org/a"


def test_a_page_without_an_article_is_rejected() -> None:
    with pytest.raises(InputError, match="no article text found"):
        extractor.extract(page(b"<html><body><nav><a href='/'>Home</a></nav></body></html>"))


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2000) | st.text(max_size=1500).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode())
)
def test_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article = extractor.extract(page(data))
    except InputError:
        return
    assert article.body


def test_script_navigation_and_widgets_never_reach_comments_body_or_title(data_dir: Path) -> None:
    a = extractor.extract(page((data_dir / "html" / "en_blog_2012.html").read_bytes()))
    assert [(c.author, c.reply_to) for c in a.comments] == [("Marta K.", None), ("Jon Bright", 0)]
    assert (
        a.comments[0].text == "The council should publish the full audit now, not a summary after the budget is passed."
    )
    assert a.comments[1].text == "Agreed. The contractors' figures were checked twice already."
    assert a.comments[0].time is not None and a.comments[0].time.hour == 9
    everything = " ".join([a.title or "", *a.body, *(c.text for c in a.comments)])
    for leaked in ("CDATA", "window", "function", "Share this", "ferry terminal", "Reply", "Recent Comments", "Pat"):
        assert leaked not in everything
    assert a.body[0].startswith("The city council voted on Tuesday")


def test_program_text_inside_paragraphs_is_not_body() -> None:
    prose = "".join(
        f"<p>Paragraph {i} of a report on the harbour audit, with enough words to count.</p>" for i in range(4)
    )
    leak = "<p>/*<![CDATA[*/ if(! window.com) { window.com = {}; } com.load(); /*]]>*/</p>"
    a = extractor.extract(page(f"<html><body><article>{prose}{leak}</article></body></html>".encode()))
    assert not any("window" in p or "CDATA" in p for p in a.body)


JA_BRIEF = (
    "東京都は十日、首都直下地震に備えた新しい防災計画を発表した。計画では、木造住宅が密集する地域の"
    "不燃化を二〇三〇年までに完了させるほか、避難所の収容人数を現在の一・五倍に増やす。",
    "小池百合子知事は記者会見で「いつ起きてもおかしくない地震に、都民の命を守る備えを急ぐ」と述べた。"
    "都は来年度予算に関連経費として約八百億円を計上する方針だ。",
    "新計画は、昨年の能登半島地震で明らかになった課題を踏まえ、高齢者や障害者の避難支援を強化する内容も"
    "盛り込んだ。区市町村と連携し、要支援者ごとの個別避難計画の作成を進める。",
    "専門家からは「計画の実効性を高めるには、住民参加の訓練を重ねることが欠かせない」との声が上がっている。",
)
ZH_BRIEF = (
    "国家统计局周一公布的数据显示，今年前三个季度全国居民人均可支配收入同比增长百分之五点二，"
    "扣除价格因素后实际增长百分之四点九。",
    "分析人士指出，消费支出的增长速度略高于收入，服务消费成为拉动内需的主要力量。",
    "统计局发言人表示，下一阶段将继续实施扩大内需的政策，稳定就业和居民收入预期。",
)
TH_BRIEF = (
    "กรุงเทพมหานครประกาศแผนรับมือน้ำท่วมฉบับใหม่เมื่อวันจันทร์ โดยจะขุดลอกคลองสายหลักกว่าสองร้อยสายให้แล้วเสร็จก่อนฤดูฝน",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า งบประมาณกว่าหนึ่งพันล้านบาทจะใช้ติดตั้งเครื่องสูบน้ำเพิ่มเติมในจุดเสี่ยงน้ำท่วมขัง",
    "นักวิชาการด้านผังเมืองเห็นว่า แผนดังกล่าวเป็นก้าวที่ดี แต่ต้องควบคู่กับการควบคุมการก่อสร้างในพื้นที่รับน้ำ",
)


def _news_page(lang: str, title: str, paragraphs: tuple[str, ...], extra_head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "<nav><ul><li><a href='/'>Top</a></li><li><a href='/news'>News</a></li></ul></nav>"
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
        f"<body>{nav}<article><h1>{title}</h1>{body}</article><footer>(c) 2024</footer></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("lang", "title", "paragraphs"),
    [
        ("ja", "都が新防災計画", JA_BRIEF),
        ("zh", "前三季度居民收入增长", ZH_BRIEF),
        ("th", "กทม.ประกาศแผนรับมือน้ำท่วม", TH_BRIEF),
    ],
)
def test_a_short_article_in_a_script_without_spaces_is_kept(lang: str, title: str, paragraphs: tuple[str, ...]) -> None:
    # Each brief has fewer than ten space-separated "words": a Latin word count would reject it.
    assert sum(len(p.split()) for p in paragraphs) < 10
    a = extractor.extract(page(_news_page(lang, title, paragraphs)))
    assert a.extractor == "html"
    assert "".join(a.body).replace(" ", "") == "".join(paragraphs).replace(" ", "")


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ja", "ページが見つかりませんでした。"), ("zh", "您访问的页面不存在。"), ("th", "ไม่พบหน้าที่คุณต้องการ")],
)
def test_an_empty_page_in_a_script_without_spaces_is_rejected(lang: str, message: str) -> None:
    html = _news_page(lang, "404", (message,))
    with pytest.raises(InputError, match="no article text found"):
        extractor.extract(page(html))


KO_BODY = "\n".join(
    [
        "서울시는 15일 내년부터 시내버스 전 노선에 저상버스를 단계적으로 도입한다고 밝혔다.",
        "시는 2027년까지 약 3천억 원을 투입해 노후 차량을 교체하고, 정류장 승강장 높이도 함께 조정할 계획이다.",
        "교통약자 단체들은 이번 발표를 환영하면서도 정류장 시설 개선과 운전기사 교육이 함께 이뤄져야 한다고 지적했다.",
        '시 관계자는 "휠체어 이용자와 고령자가 불편 없이 버스를 탈 수 있도록 하겠다"고 말했다.',
    ]
)


def _script_rendered_page(head: str) -> bytes:
    """A page whose article is drawn by script: the markup holds only navigation and metadata."""
    nav = "".join(f"<li><a href='/s{i}'>섹션 {i}</a></li>" for i in range(12))
    return (
        f"<html lang='ko'><head><meta charset='utf-8'><title>저상버스 전면 도입</title>{head}</head>"
        f"<body><nav><ul>{nav}</ul></nav><div id='app'></div><script src='/app.js'></script></body></html>"
    ).encode()


def test_an_article_only_in_json_ld_is_read_from_its_article_body() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": KO_BODY})
    a = extractor.extract(page(_script_rendered_page(f"<script type='application/ld+json'>{ld}</script>")))
    assert a.extractor == "html+jsonld"
    assert a.body == tuple(KO_BODY.split("\n"))
    assert a.notes == ()


def test_an_article_page_with_only_a_description_gets_it_as_a_marked_body() -> None:
    description = "서울시가 내년부터 시내버스 전 노선에 저상버스를 도입하고 2027년까지 노후 차량을 모두 교체한다."
    head = f"<meta property='og:type' content='article'><meta property='og:description' content='{description}'>"
    a = extractor.extract(page(_script_rendered_page(head)))
    assert a.extractor == "html+description"
    assert a.body == (description,)
    assert a.notes == (DESCRIPTION_NOTE,)


def test_a_description_alone_is_not_an_article_on_a_page_that_does_not_declare_one() -> None:
    description = "서울시 소식과 교통, 복지, 문화 행사 안내를 한곳에서 확인하세요. 시민 여러분의 의견을 기다립니다."
    html = _script_rendered_page(f"<meta name='description' content='{description}'>")
    with pytest.raises(InputError, match="no article text found"):
        extractor.extract(page(html))
