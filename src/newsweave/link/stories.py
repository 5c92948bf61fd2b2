"""Online story clustering: each new article joins the story of its best same-story match, or opens one.

One pass, in publication order. A story is cold once its last article is older than ``window``
(default 7 days) before the new one, and cold stories take no new articles. The decision uses
the same learned score and threshold as the ``same_story`` relation, so a story is exactly a
group held together by same-story (or stronger) links. User edits are respected: a story merged
by hand stays merged, and an article split out of a story never joins it again by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(slots=True)
class StoryState:
    """What the clusterer keeps of a story."""

    id: int
    members: list[str] = field(default_factory=list)
    last_seen: datetime | None = None


class StoryClusterer:
    """Assigns articles to stories as they stream in.

    Example:
        >>> c = StoryClusterer()
        >>> c.assign("a", None, [])
        1
        >>> c.assign("b", None, [("a", 0.9)])  # b matches a well enough: same story
        1
        >>> c.assign("c", None, [("a", 0.2)])  # too weak: a new story
        2
    """

    def __init__(self, *, threshold: float = 2 / 3, window: timedelta = timedelta(days=7)) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.window = window
        self.story_of: dict[str, int] = {}
        self.stories: dict[int, StoryState] = {}
        self.cannot_join: dict[str, set[int]] = {}
        self._next_id = 1

    def assign(self, article_id: str, when: datetime | None, matches: list[tuple[str, float]]) -> int:
        """Put an article in the story of its best hot match at or above the threshold, or a new one.

        Args:
            article_id: the new article.
            when: its publication date, if known (undated articles never make a story cold).
            matches: (earlier article id, same-story score) for the candidates scored.

        Returns:
            The story id it joined or opened.
        """
        for other, score in sorted(matches, key=lambda m: -m[1]):
            story_id = self.story_of.get(other)
            if score < self.threshold or story_id is None:
                continue
            if story_id in self.cannot_join.get(article_id, set()) or not self.is_hot(story_id, when):
                continue
            self._add(story_id, article_id, when)
            return story_id
        return self._add(self._new_story(), article_id, when)

    def is_hot(self, story_id: int, when: datetime | None) -> bool:
        """True when the story still takes articles dated ``when``."""
        last = self.stories[story_id].last_seen
        return when is None or last is None or when - last <= self.window

    def place(self, article_id: str, story_id: int, when: datetime | None) -> None:
        """Restore a stored membership (used when loading the clusterer's state)."""
        self._next_id = max(self._next_id, story_id + 1)
        self.stories.setdefault(story_id, StoryState(story_id))
        self._add(story_id, article_id, when)

    def merge(self, keep: int, absorb: int) -> list[str]:
        """Move every article of story ``absorb`` into ``keep``; return the moved ids."""
        moved = list(self.stories[absorb].members)
        for article_id in moved:
            self._add(keep, article_id, None)
        self.stories[keep].last_seen = _latest(self.stories[keep].last_seen, self.stories[absorb].last_seen)
        del self.stories[absorb]
        return moved

    def split(self, story_id: int, article_ids: list[str]) -> int:
        """Move ``article_ids`` out of a story into a new one; they will not rejoin it by themselves."""
        new_id = self._new_story()
        for article_id in article_ids:
            self._add(new_id, article_id, None)
            self.cannot_join.setdefault(article_id, set()).add(story_id)
        return new_id

    def _new_story(self) -> int:
        story_id = self._next_id
        self._next_id += 1
        self.stories[story_id] = StoryState(story_id)
        return story_id

    def _add(self, story_id: int, article_id: str, when: datetime | None) -> int:
        previous = self.story_of.get(article_id)
        if previous is not None and previous != story_id and previous in self.stories:
            self.stories[previous].members.remove(article_id)
        self.story_of[article_id] = story_id
        state = self.stories[story_id]
        if article_id not in state.members:
            state.members.append(article_id)
        state.last_seen = _latest(state.last_seen, when)
        return story_id


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max(x for x in (a, b) if x is not None) if a is not None or b is not None else None
