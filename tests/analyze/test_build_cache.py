"""Built indexes kept between processes: loaded when their sources are the same, rebuilt otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.analyze.build_cache import cached_build, source_digest, source_versions
from newsweave.errors import ModelUnavailable


def test_built_once_then_loaded(tmp_path: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    first = cached_build("index", 1, ["platformdirs"], build, dict, tmp_path)
    again = cached_build("index", 1, ["platformdirs"], build, dict, tmp_path)
    assert first == again == {"built": 1} and len(calls) == 1


def test_a_new_format_version_or_a_foreign_file_is_rebuilt(tmp_path: Path) -> None:
    cached_build("index", 1, ["platformdirs"], lambda: {"v": 1}, dict, tmp_path)
    assert cached_build("index", 2, ["platformdirs"], lambda: {"v": 2}, dict, tmp_path) == {"v": 2}
    path = tmp_path / f"index-v3-{source_versions(['platformdirs'])}.pickle"
    path.write_bytes(b"not a pickle")
    assert cached_build("index", 3, ["platformdirs"], lambda: {"v": 3}, dict, tmp_path) == {"v": 3}
    path.write_bytes(b"\x80\x05K\x07.")  # a pickle of the int 7, not the dict asked for
    assert cached_build("index", 3, ["platformdirs"], lambda: {"v": 4}, dict, tmp_path) == {"v": 4}


def test_a_missing_source_package_is_said(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable):
        cached_build("index", 1, ["no-such-package-here"], dict, dict, tmp_path)


def test_a_build_replaces_the_files_its_earlier_versions_left(tmp_path: Path) -> None:
    cached_build("index", 1, ["platformdirs"], lambda: {"v": 1}, dict, tmp_path, code="ab12")
    cached_build("index-words", 1, ["platformdirs"], lambda: {"w": 1}, dict, tmp_path)  # another index
    cached_build("index", 1, ["platformdirs"], lambda: {"v": 2}, dict, tmp_path, code="cd34")  # its code changed
    cached_build("index", 2, ["platformdirs"], lambda: {"v": 3}, dict, tmp_path, code="cd34")
    versions = source_versions(["platformdirs"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"index-cd34-v2-{versions}.pickle",
        f"index-words-v1-{versions}.pickle",
    ]


def test_the_code_digest_follows_every_source_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("y = 2\n")
    before = source_digest(a, b)
    assert len(before) == 12 and before == source_digest(str(a), str(b))
    b.write_text("y = 3\n")
    assert source_digest(a, b) != before


def test_a_write_that_fails_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    from newsweave.analyze.build_cache import write_atomically

    target = tmp_path / "sub" / "index.bin"
    write_atomically(target, lambda part: part.write_bytes(b"first"))

    def broken(part: Path) -> None:
        part.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, broken)
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in target.parent.iterdir()) == ["index.bin"]
