"""Indexes built from registry packages, kept in the user cache directory between processes.

A reader that builds an index at start-up (the place gazetteer, ~30 s from GeoNames packages; the
entity recogniser's name index, a few seconds of folding and stemming; the calendar words of every
CLDR locale; USE's quantised ONNX graph, about a second) pays that once per machine
instead of once per process: the built object is pickled under a name that holds the versions of
the packages it was built from and the builder's own format version, so an upgrade of either
builds it anew. Loading a pickle of plain tuples and dicts takes a fraction of a second.

The cache holds only what newsweave wrote itself, in the user's own cache directory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from platformdirs import user_cache_dir

from newsweave.errors import ModelUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")


def default_cache_dir() -> Path:
    """Where built indexes are kept: the user cache directory."""
    return Path(user_cache_dir("newsweave", appauthor=False))


def source_versions(packages: Iterable[str]) -> str:
    """``name-version`` of each package, joined: the part of the cache key that follows upgrades.

    Raises:
        ModelUnavailable: a package is not installed.
    """
    versions = []
    for name in packages:
        try:
            versions.append(f"{name}-{metadata.version(name)}")
        except metadata.PackageNotFoundError as e:
            raise ModelUnavailable(f"the package {name} is not installed", hint="run uv sync") from e
    return "_".join(versions)


def source_digest(*files: str | Path) -> str:
    """The first 12 hex digits of the SHA-256 of these source files, read in turn: the ``code`` of
    ``cached_build`` for an index that a change to that code must rebuild."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes())
    return digest.hexdigest()[:12]


def cached_build(
    name: str,
    version: int,
    packages: Iterable[str],
    build: Callable[[], T],
    kind: type[T],
    cache_dir: Path | None = None,
    *,
    code: str = "",
) -> T:
    """The object ``build`` makes, from the cache when built before from the same sources.

    A build replaces the files its earlier versions left (other package versions, format
    versions or ``code``), so that upgrades do not pile up copies in the user's cache.

    Args:
        name: The index's name ("gazetteer"), the start of the file name.
        version: The builder's format version: bump it when ``build`` changes what it makes.
        packages: The registry packages the index is built from (their versions key the cache).
        build: Makes the object (slow).
        kind: Its type: a cached file holding anything else is rebuilt.
        cache_dir: Where to keep it (default: the user cache directory).
        code: A digest of the source that builds it, when a change there must rebuild it too.
    """
    folder = cache_dir or default_cache_dir()
    path = folder / f"{name}-{code + '-' if code else ''}v{version}-{source_versions(packages)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                loaded = pickle.load(f)
            if isinstance(loaded, kind):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as e:
            log.warning("rebuilding the cached %s %s: %s", name, path, e)
    log.info("building the %s (once) into %s", name, path)
    built = build()

    def dump(part: Path) -> None:
        with part.open("wb") as f:  # streamed: an index may be tens of MB
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        write_atomically(path, dump)
    except OSError as e:  # a read-only cache only costs the next process a rebuild
        log.warning("cannot cache the %s in %s: %s", name, folder, e)
        return built
    _forget_earlier(folder, name, path)
    return built


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """``write`` a file to a part file of this process's, then rename it to ``target``: processes
    may build the same file at once (two ingest workers), and a reader must never open a half-written
    one (a rename replaces atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        write(part)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


def _forget_earlier(folder: Path, name: str, kept: Path) -> None:
    """Delete the files earlier versions of index ``name`` left in ``folder``, not ``kept``."""
    for earlier in folder.glob(f"{name}-*.pickle"):
        rest = earlier.name[len(name) + 1 :]
        # "name-[code-]v<version>-...": not another index whose name starts with this one's
        if earlier != kept and re.match(r"(?:[0-9a-f]+-)?v\d+-", rest):
            earlier.unlink(missing_ok=True)
