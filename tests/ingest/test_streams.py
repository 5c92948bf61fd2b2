from __future__ import annotations

import gzip
import io
import random
import string

from newsweave.ingest.streams import CHUNK, GzipChecker


def _text(size: int, seed: int) -> bytes:
    rng = random.Random(seed)  # poorly compressible, so a member spans several reads of the inflater
    return "".join(rng.choices(string.ascii_letters + " ", k=size)).encode()


def test_a_member_longer_than_one_inflate_step_followed_by_another_is_read_to_the_end() -> None:
    # A member whose output exceeds one bounded inflate step ends in a call fed the previous
    # call's tail; the next member then sits in zlib's unused_data (a WARC.gz record by record).
    first, second = _text(3 * CHUNK, 1), _text(CHUNK // 2, 2)
    data = gzip.compress(first) + gzip.compress(second)
    checker = GzipChecker(io.BytesIO(data))
    assert checker.read() == data
    assert checker.bytes_out == len(first) + len(second)
    assert not checker.truncated


def test_a_cut_member_is_still_seen_as_truncated() -> None:
    data = gzip.compress(_text(3 * CHUNK, 3)) + gzip.compress(_text(CHUNK, 4))
    checker = GzipChecker(io.BytesIO(data[: len(data) - 100]))
    checker.read()
    assert checker.truncated
