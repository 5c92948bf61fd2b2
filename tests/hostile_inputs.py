"""A corpus of hostile ingest inputs, one builder per kind, shared by the test suite and the bench.

Each builder writes its files under a folder and returns a ``Case``: the inputs to name on the
command line and what must become of them. Bombs are sized relative to ``bomb`` (decompressed
bytes), so the tests use small bombs with a lowered page limit and the bench full-size ones.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

ARTICLE = (
    "Flooding closes the river road\n\n"
    "The river road between the two towns was closed on Tuesday after heavy rain flooded it, the regional "
    "council said. Police asked drivers to use the motorway instead.\n\n"
    "Engineers expect the water to fall within two days, a council spokesman told reporters."
)
JAPANESE = (
    "東京都内で大雨、交通に乱れ\n\n"
    "気象庁によると、東京都内では二十日未明から激しい雨が降り、午前六時までの一時間に五十ミリを超える雨量を観測した。"
    "この影響で、ＪＲ山手線や京浜東北線の一部区間で運転を見合わせ、通勤客ら約三万人に影響が出た。\n\n"
    "都の防災担当者は「低い土地の浸水や土砂災害に十分注意してほしい」と話している。"
    "気象庁は、雨は昼ごろまで続く見込みだとして、引き続き警戒を呼びかけている。"
)
CHINESE = (
    "北京市发布暴雨预警 多条道路临时封闭\n\n"
    "据北京市气象台消息，受强降雨影响，北京市二十日凌晨发布暴雨蓝色预警信号，部分地区一小时降雨量超过五十毫米。"
    "市交通部门表示，已有十二条道路临时封闭，地铁部分线路减速运行，请市民尽量减少外出。\n\n"
    "防汛部门提醒，低洼地区居民要注意防范积水和山洪，气象台预计降雨将持续到明天上午。"
)
TRADITIONAL = (
    "臺北市發布豪雨特報 多條道路封閉\n\n"
    "據中央氣象局表示，受到鋒面影響，臺北市二十日清晨降下豪雨，部分地區一小時雨量超過五十毫米。"
    "市政府交通局指出，已有十二條道路暫時封閉，捷運部分路線減速行駛，呼籲民眾盡量減少外出。\n\n"
    "消防單位提醒，低窪地區居民應注意積水與土石流，氣象局預計降雨將持續到明天上午。"
)
KOREAN = (
    "서울에 폭우, 도로 통제\n\n"
    "기상청에 따르면 서울 지역에는 20일 새벽부터 강한 비가 내려 시간당 50밀리미터가 넘는 강수량을 기록했다. "
    "이 때문에 일부 도로가 통제되고 출근길 교통이 크게 혼잡했다.\n\n"
    "서울시는 저지대 침수와 산사태에 각별히 주의해 달라고 당부했다."
)
# Over 64 KiB: damage past the first read of a gzip must still be caught.
LONG = (
    ARTICLE
    + "\n\n"
    + "".join(
        f"Paragraph {i}: the council listed road number {i} among those under water, and crews were sent.\n\n"
        for i in range(900)
    )
)
NOT_STORED = "rejected"


@dataclass
class Case:
    """One kind of hostile input: the inputs to name, and the outcome each must reach."""

    kind: str
    args: list[str]
    expect: str = NOT_STORED  # "rejected": no article; "stored": at least `stored` articles
    stored: int = 0  # valid articles inside the input that must survive the bad parts
    texts: tuple[str, ...] = ()  # substrings the stored articles must contain (decoding checks)
    stdin: bytes | None = None
    needs_unprivileged: bool = False  # permission cases mean nothing when run as root
    named: list[str] = field(default_factory=list)  # names the output must mention (default: args)


Builder = Callable[[Path, int], Case]
BUILDERS: dict[str, Builder] = {}


def builder(kind: str) -> Callable[[Callable[[Path, int], Case]], Builder]:
    def register(fn: Callable[[Path, int], Case]) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return register


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def _line(**obj: object) -> bytes:
    return json.dumps(obj).encode() + b"\n"


def _valid_line(n: int) -> bytes:
    return _line(title=f"Valid report {n}", text=ARTICLE.replace("two towns", f"towns number {n}"))


def gzip_bomb(path: Path, prefix: bytes, total: int, suffix: bytes = b"", block: bytes = b"a" * (1 << 20)) -> None:
    """A valid gzip of ``prefix``, ``block`` repeated to ``total`` bytes, then ``suffix``: made in well under a second.

    After a full flush the compressor starts afresh, so every repeat of the block compresses to the
    same bytes: they are compressed once and written many times.
    """
    count = max(1, total // len(block))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, size = zlib.crc32(prefix), len(prefix) + count * len(block) + len(suffix)
    with open(path, "wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        out.write(packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH))
        out.write(packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH))
        repeat = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
        for _ in range(count - 1):
            out.write(repeat)
        for _ in range(count):
            crc = zlib.crc32(block, crc)
        out.write(packer.compress(suffix) + packer.flush())
        out.write(struct.pack("<II", zlib.crc32(suffix, crc), size & 0xFFFFFFFF))


def _repeat(byte: bytes, total: int, step: int = 1 << 20) -> Iterator[bytes]:
    block = byte * step
    for start in range(0, total, step):
        yield block[: min(step, total - start)]


# -- gzip damage --------------------------------------------------------------------------------


@builder("gzip truncated after 64 KiB of output")
def _gz_truncated(folder: Path, bomb: int) -> Case:
    data = gzip.compress((LONG * 3).encode())
    # Cut where the first 64 KiB of output are whole but the rest is not.
    return Case("gzip truncated after 64 KiB of output", [_write(folder, "cut.txt.gz", data[: len(data) // 2])])


@builder("gzip CRC mismatch")
def _gz_crc(folder: Path, bomb: int) -> Case:
    data = bytearray(gzip.compress(LONG.encode()))
    data[-8] ^= 0xFF
    return Case("gzip CRC mismatch", [_write(folder, "crc.txt.gz", bytes(data))])


@builder("gzip wrong length")
def _gz_length(folder: Path, bomb: int) -> Case:
    data = bytearray(gzip.compress(LONG.encode()))
    data[-4:] = struct.pack("<I", 12345)
    return Case("gzip wrong length", [_write(folder, "length.txt.gz", bytes(data))])


@builder("gzip invalid distance too far back")
def _gz_distance(folder: Path, bomb: int) -> Case:
    # Deflate data made with a preset dictionary refers back into it; without it the inflater fails.
    text = LONG.encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=text[-30000:])
    raw = packer.compress(text) + packer.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", zlib.crc32(text), len(text))
    return Case("gzip invalid distance too far back", [_write(folder, "distance.txt.gz", header + raw + trailer)])


@builder("gzip magic then garbage")
def _gz_garbage(folder: Path, bomb: int) -> Case:
    return Case(
        "gzip magic then garbage", [_write(folder, "garbage.gz", b"\x1f\x8b" + random.Random(1).randbytes(500))]
    )


@builder("gzip of nothing")
def _gz_empty(folder: Path, bomb: int) -> Case:
    return Case("gzip of nothing", [_write(folder, "nothing.txt.gz", gzip.compress(b""))])


@builder("gzip inside gzip")
def _gz_nested(folder: Path, bomb: int) -> Case:
    return Case("gzip inside gzip", [_write(folder, "twice.txt.gz", gzip.compress(gzip.compress(ARTICLE.encode())))])


@builder("JSONL gzip truncated keeps the lines before")
def _gz_jsonl_cut(folder: Path, bomb: int) -> Case:
    lines = b"".join(_valid_line(i) for i in range(3)) + b"".join(
        _line(title=f"Filler {i}", text=f"Filler paragraph {i} " * 50) for i in range(2000)
    )
    data = gzip.compress(lines)
    return Case(
        "JSONL gzip truncated keeps the lines before",
        [_write(folder, "cut.jsonl.gz", data[: len(data) * 3 // 4])],
        expect="stored",
        stored=3,
    )


# -- deep nesting -------------------------------------------------------------------------------


@builder("JSON array nested 100,000 deep")
def _deep_array(folder: Path, bomb: int) -> Case:
    return Case("JSON array nested 100,000 deep", [_write(folder, "deep.json", b"[" * 100_000)])


@builder("JSON object nested 100,000 deep")
def _deep_object(folder: Path, bomb: int) -> Case:
    return Case("JSON object nested 100,000 deep", [_write(folder, "deep_obj.json", b'{"a":' * 100_000)])


@builder("JSONL line nested 100,000 deep between valid lines")
def _deep_line(folder: Path, bomb: int) -> Case:
    data = _valid_line(1) + b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n" + _valid_line(2)
    return Case(
        "JSONL line nested 100,000 deep between valid lines",
        [_write(folder, "deep.jsonl", data)],
        expect="stored",
        stored=2,
    )


# -- names and encodings of values --------------------------------------------------------------


@builder("file name not UTF-8 (Latin-1)")
def _latin1_name(folder: Path, bomb: int) -> Case:
    raw = os.fsencode(str(folder)) + b"/caf\xe9-report.txt"
    with open(raw, "wb") as out:
        out.write(ARTICLE.encode())
    shown = f"{folder}/caf\\xe9-report.txt"  # how newsweave names it: the byte that is not UTF-8 escaped
    return Case("file name not UTF-8 (Latin-1)", [os.fsdecode(raw)], expect="stored", stored=1, named=[shown])


@builder("JSONL lone surrogate in a title")
def _surrogate_title(folder: Path, bomb: int) -> Case:
    data = b'{"title": "Bad \\udc00 title", "text": "' + ARTICLE.replace("\n", "\\n").encode() + b'"}\n'
    return Case(
        "JSONL lone surrogate in a title",
        [_write(folder, "surrogate_title.jsonl", data + _valid_line(1))],
        expect="stored",
        stored=2,
    )


@builder("JSONL lone surrogate in a body, valid lines after")
def _surrogate_body(folder: Path, bomb: int) -> Case:
    data = _valid_line(1) + b'{"title": "T", "text": "Body \\udc00 here"}\n' + _valid_line(2) + _valid_line(3)
    return Case(
        "JSONL lone surrogate in a body, valid lines after",
        [_write(folder, "surrogate_body.jsonl", data)],
        expect="stored",
        stored=3,
    )


@builder("JSONL values of the wrong type")
def _wrong_types(folder: Path, bomb: int) -> Case:
    body = ARTICLE
    lines = [
        _line(title="Boolean body", text=True),
        _line(title="Number body", text=12345),
        _line(title=[["nested", "title"]], text=body.replace("river", "canal")),
        _line(title="Fractional date", text=body.replace("river", "lake"), date=1.5),
        _line(title="Huge date string", text=body.replace("river", "sea"), date="1e308"),
        _line(title="Huge date number", text=body.replace("river", "bay"), date=1e308),
        _line(title="Object date", text=body.replace("river", "port"), date={"y": 2020}),
    ]
    return Case("JSONL values of the wrong type", [_write(folder, "types.jsonl", b"".join(lines))])


@builder("JSONL epoch dates (plausible) are kept")
def _epoch_dates(folder: Path, bomb: int) -> Case:
    lines = [
        _line(title="Seconds", text=ARTICLE.replace("river", "mountain"), date=1_700_000_000),
        _line(title="Milliseconds", text=ARTICLE.replace("river", "valley"), date=1_700_000_000_000),
    ]
    return Case(
        "JSONL epoch dates (plausible) are kept",
        [_write(folder, "epochs.jsonl", b"".join(lines))],
        expect="stored",
        stored=2,
    )


@builder("JSONL invalid UTF-8 and NUL bytes in a line")
def _bad_bytes_line(folder: Path, bomb: int) -> Case:
    data = _valid_line(1) + b'{"title": "x\xff\xfe", "text": "\x00\x00\x00"}\n' + _valid_line(2)
    return Case(
        "JSONL invalid UTF-8 and NUL bytes in a line",
        [_write(folder, "bytes.jsonl", data)],
        expect="stored",
        stored=2,
    )


# -- stdin and special files --------------------------------------------------------------------


@builder("stdin named twice")
def _stdin_twice(folder: Path, bomb: int) -> Case:
    return Case("stdin named twice", ["-", "-"], expect="stored", stored=1, stdin=ARTICLE.encode(), named=["<stdin>"])


@builder("named pipe in a folder")
def _fifo(folder: Path, bomb: int) -> Case:
    sub = folder / "with_fifo"
    sub.mkdir()
    os.mkfifo(sub / "pipe.txt")
    (sub / "ok.txt").write_text(ARTICLE.replace("river", "forest"), encoding="utf-8")
    return Case("named pipe in a folder", [str(sub)], expect="stored", stored=1, named=[str(sub / "pipe.txt")])


@builder("unreadable folder")
def _unreadable(folder: Path, bomb: int) -> Case:
    sub = folder / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    sub.chmod(0)
    return Case("unreadable folder", [str(sub)], needs_unprivileged=True)


@builder("glob that matches nothing")
def _glob(folder: Path, bomb: int) -> Case:
    return Case("glob that matches nothing", [str(folder / "nomatch-*.txt")])


@builder("empty folder")
def _empty_folder(folder: Path, bomb: int) -> Case:
    sub = folder / "empty"
    sub.mkdir()
    return Case("empty folder", [str(sub)])


@builder("missing file")
def _missing(folder: Path, bomb: int) -> Case:
    return Case("missing file", [str(folder / "missing.txt")])


@builder("dangling symlink")
def _dangling(folder: Path, bomb: int) -> Case:
    link = folder / "dangling.txt"
    link.symlink_to(folder / "nowhere.txt")
    return Case("dangling symlink", [str(link)])


# -- bombs --------------------------------------------------------------------------------------


@builder("gzip bomb: one JSONL line")
def _bomb_jsonl(folder: Path, bomb: int) -> Case:
    path = folder / "bomb.jsonl.gz"
    gzip_bomb(path, b'{"title": "Bomb", "text": "', bomb, b'"}\n')
    return Case("gzip bomb: one JSONL line", [str(path)])


@builder("gzip bomb: JSON array")
def _bomb_array(folder: Path, bomb: int) -> Case:
    path = folder / "bomb.json.gz"
    gzip_bomb(path, b'[{"title": "Bomb", "text": "', bomb, b'"}]')
    return Case("gzip bomb: JSON array", [str(path)])


@builder("gzip bomb: many JSONL lines")
def _bomb_lines(folder: Path, bomb: int) -> Case:
    path = folder / "bomb_lines.jsonl.gz"
    line = _valid_line(0)
    gzip_bomb(path, b"", bomb, block=line * (2**20 // len(line)))
    return Case("gzip bomb: many JSONL lines", [str(path)], expect="stored", stored=1)


@builder("gzip bomb: WARC record")
def _bomb_warc(folder: Path, bomb: int) -> Case:
    path = folder / "bomb.warc.gz"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\n"
        f"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + bomb}\r\n\r\n"
    ).encode()
    gzip_bomb(path, head + http + b"<html><body><p>", bomb - 15, b"\r\n\r\n")
    return Case("gzip bomb: WARC record", [str(path)])


@builder("gzip bomb: WARC header line")
def _bomb_warc_header(folder: Path, bomb: int) -> Case:
    path = folder / "bomb_header.warc.gz"
    gzip_bomb(path, b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ", bomb, b"\r\n\r\n")
    return Case("gzip bomb: WARC header line", [str(path)])


@builder("gzip bomb: RSS item")
def _bomb_rss(folder: Path, bomb: int) -> Case:
    path = folder / "bomb.rss.gz"
    start = b'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title><item><title>Bomb</title><description>'
    gzip_bomb(path, start, bomb, b"</description></item></channel></rss>")
    return Case("gzip bomb: RSS item", [str(path)])


@builder("gzip bomb: HTML page")
def _bomb_html(folder: Path, bomb: int) -> Case:
    path = folder / "bomb.html.gz"
    gzip_bomb(path, b"<html><body><p>", bomb)
    return Case("gzip bomb: HTML page", [str(path)])


@builder("plain JSONL line over the page limit")
def _long_line(folder: Path, bomb: int) -> Case:
    path = folder / "long.jsonl"
    with open(path, "wb") as out:
        out.write(_valid_line(1))
        out.write(b'{"title": "Long", "text": "')
        for chunk in _repeat(b"b", bomb // 8):
            out.write(chunk)
        out.write(b'"}\n')
        out.write(_valid_line(2))
    return Case("plain JSONL line over the page limit", [str(path)], expect="stored", stored=2)


@builder("XML entity expansion (billion laughs) feed")
def _laughs(folder: Path, bomb: int) -> Case:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i else "&lol;" * 10}">' for i in range(9)
    )
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss version="2.0"><channel><title>L</title>'
        "<item><title>Laughs</title><description>&lol8;</description></item></channel></rss>"
    )
    return Case("XML entity expansion (billion laughs) feed", [_write(folder, "laughs.rss", doc.encode())])


# -- containers that hold nothing ---------------------------------------------------------------


def _warc_record(kind: str, url: str, http: bytes, body: bytes) -> bytes:
    block = http + body
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


@builder("WARC cut inside the first record header")
def _warc_cut_header(folder: Path, bomb: int) -> Case:
    data = _warc_record(
        "response", "https://e.org/a", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", b"<p>x</p>"
    )
    return Case(
        "WARC cut inside the first record header",
        [_write(folder, "cut_header.warc", data[:40]), _write(folder, "cut_header.warc.gz", gzip.compress(data)[:30])],
    )


@builder("WARC with a bad header")
def _warc_bad_header(folder: Path, bomb: int) -> Case:
    data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n<html><body>x</body></html>\r\n\r\n"
    return Case("WARC with a bad header", [_write(folder, "bad_header.warc", data)])


@builder("WARC with no HTML response")
def _warc_no_html(folder: Path, bomb: int) -> Case:
    data = _warc_record("request", "https://e.org/a", b"GET / HTTP/1.1\r\nHost: e.org\r\n\r\n", b"") + _warc_record(
        "response", "https://e.org/x.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n", b"\x89PNG" + bytes(20)
    )
    return Case("WARC with no HTML response", [_write(folder, "no_html.warc", data)])


@builder("JSON empty array")
def _empty_array(folder: Path, bomb: int) -> Case:
    return Case("JSON empty array", [_write(folder, "empty.json", b"[]")])


@builder("JSON array with a malformed element")
def _array_malformed(folder: Path, bomb: int) -> Case:
    good = json.dumps({"title": "Good", "text": ARTICLE.replace("river", "harbour")}).encode()
    return Case(
        "JSON array with a malformed element",
        [_write(folder, "broken_array.json", b"[" + good + b", {not json}, " + good + b"]")],
        expect="stored",
        stored=1,
    )


@builder("RSS feed with no items")
def _feed_empty(folder: Path, bomb: int) -> Case:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>'
    return Case("RSS feed with no items", [_write(folder, "empty.rss", data)])


@builder("Atom feed with no entries")
def _atom_empty(folder: Path, bomb: int) -> Case:
    data = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing</title></feed>'
    return Case("Atom feed with no entries", [_write(folder, "empty.atom", data)])


# -- text encodings -----------------------------------------------------------------------------

_BOMS = {
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}


def _bom_case(codec: str) -> Builder:
    def build(folder: Path, bomb: int) -> Case:
        text = ARTICLE.replace("river", "Zürich") + "\n\n" + JAPANESE.split("\n\n")[1]
        data = _BOMS[codec] + text.encode(codec)
        return Case(
            f"{codec} with a BOM", [_write(folder, f"bom-{codec}.txt", data)], "stored", 1, ("Zürich", "気象庁")
        )

    return build


for _codec in _BOMS:
    builder(f"{_codec} with a BOM")(_bom_case(_codec))


def _cjk_case(codec: str, text: str, probe: str) -> Builder:
    def build(folder: Path, bomb: int) -> Case:
        data = text.encode(codec)
        return Case(f"{codec} text, no declaration", [_write(folder, f"cjk-{codec}.txt", data)], "stored", 1, (probe,))

    return build


for _codec, _text, _probe in [
    ("shift_jis", JAPANESE, "気象庁"),
    ("euc-jp", JAPANESE, "気象庁"),
    ("gb2312", CHINESE, "气象台"),
    ("gb18030", CHINESE, "气象台"),
    ("big5", TRADITIONAL, "氣象局"),
    ("euc-kr", KOREAN, "기상청"),
]:
    builder(f"{_codec} text, no declaration")(_cjk_case(_codec, _text, _probe))


# -- junk that is not an article ----------------------------------------------------------------


@builder("1-7 random bytes")
def _random_bytes(folder: Path, bomb: int) -> Case:
    rng = random.Random(7)
    paths = [_write(folder, f"random{n}.txt", rng.randbytes(n)) for n in range(1, 8)]
    return Case("1-7 random bytes", paths)


@builder("punctuation and digits")
def _punct(folder: Path, bomb: int) -> Case:
    return Case(
        "punctuation and digits",
        [
            _write(folder, "punct1.txt", b"!!! ??? ... --- *** 12345 67890 ;;; ,,,"),
            _write(folder, "punct2.txt", b"1.\n2.\n3.\n4.\n(5) [6] {7} <8>\n2017-11-24 12:00"),
        ],
    )


@builder("U+FEFF only")
def _bom_only(folder: Path, bomb: int) -> Case:
    return Case("U+FEFF only", [_write(folder, "feff.txt", "\ufeff\ufeff\ufeff".encode())])


@builder("a single letter")
def _single_x(folder: Path, bomb: int) -> Case:
    return Case("a single letter", [_write(folder, "x.txt", b"x")])


@builder("JSON [null]")
def _null(folder: Path, bomb: int) -> Case:
    return Case("JSON [null]", [_write(folder, "null.json", b"[null]")])


@builder("a few words only")
def _few_words(folder: Path, bomb: int) -> Case:
    return Case("a few words only", [_write(folder, "few.txt", b"Click here\n\nOK")])


@builder("short real CJK brief is kept")
def _cjk_brief(folder: Path, bomb: int) -> Case:
    brief = JAPANESE.split("\n\n")[1][:60]  # one sentence of a brief, about 60 characters
    return Case("short real CJK brief is kept", [_write(folder, "brief-ja.txt", brief.encode())], "stored", 1)


@builder("binary file")
def _png(folder: Path, bomb: int) -> Case:
    return Case("binary file", [_write(folder, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))])


@builder("empty and whitespace files")
def _empties(folder: Path, bomb: int) -> Case:
    return Case(
        "empty and whitespace files", [_write(folder, "zero.txt", b""), _write(folder, "blank.txt", b" \n\t\n")]
    )


def valid_inputs(folder: Path) -> Case:
    """Valid inputs of each format, to run beside the hostile ones: all must be stored."""
    texts = [ARTICLE.replace("river", word) for word in ("northern", "eastern", "western", "southern")]
    paragraphs = "".join(f"<p>{p}</p>" for p in texts[1].split("\n\n")[1:] + LONG.split("\n\n")[:4])
    page = f"<html><head><title>Storm</title></head><body><article><h1>Storm</h1>{paragraphs}</article></body></html>"
    story = "".join(f"<p>{p}</p>" for p in texts[2].split("\n\n")[1:] + LONG.split("\n\n")[5:9])
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Wire story</title>'
        f"<description>{escape(story)}</description></item></channel></rss>"
    )
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as gz:
        gz.write(_line(title="Gz", text=texts[3]))
    paths = [
        _write(folder, "valid.txt", texts[0].encode()),
        _write(folder, "valid.html", page.encode()),
        _write(folder, "valid.rss", rss.encode()),
        _write(folder, "valid.jsonl.gz", out.getvalue()),
    ]
    return Case("valid inputs", paths, expect="stored", stored=4)
