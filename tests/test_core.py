"""The facade's own rules: which folder it may create."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsweave.core
from newsweave import Newsweave, Settings
from newsweave.errors import StoreError


def test_only_the_default_data_folder_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "user-data" / "newsweave"
    monkeypatch.setattr(newsweave.core, "default_data_dir", lambda: data)
    with Newsweave(Settings(db_path=data / "newsweave.sqlite")) as nw:
        assert nw.count_articles() == 0
    assert (data / "newsweave.sqlite").is_file()
    with pytest.raises(StoreError, match="does not exist"):
        Newsweave(Settings(db_path=tmp_path / "elsewhere" / "s.sqlite"))
    assert not (tmp_path / "elsewhere").exists()
