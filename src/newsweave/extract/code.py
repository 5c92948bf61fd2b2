"""Program text (JavaScript, CSS, template code) that leaked into page text.

Old templates put inline scripts inside the blocks extractors read (``/*<![CDATA[*/ if(!
window.com) …``), and some pages print JSON or CSS as text. Such a line is recognised by what
prose never has: statement syntax (``;`` and braces), calls on dotted names, CDATA and comment
markers, and a high share of punctuation among its characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The markers, in the order the search tries them, each with what it cannot match without: a
# group of strings of which the text must hold one, for every group. Only the markers whose
# strings a text holds are searched for in it, in the same order, so the matches are the same:
# a marker that cannot match anywhere changes no match. Those that begin with a word begin at a
# word's start: every marker ends on a non-word character, so the search never resumes inside a
# word, and a match from inside one would have been found from its start. (A long paragraph of
# prose was tried against every marker at every letter: 350 us for 3,200 characters.)
_MARKER_NEEDS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    (r"<!\[CDATA\[", (("<![CDATA[",),)),
    (r"\]\]>", (("]]>",),)),
    (r"/\*", (("/*",),)),
    (r"\*/", (("*/",),)),
    (r"^\s*//", (("//",),)),
    (r"\bfunction\s*\(", (("function",), ("(",))),
    (r"=>", (("=>",),)),
    (r"\bvar\s+\w+\s*=", (("var",), ("=",))),
    (r"\b(let|const)\s+\w+\s*=", (("let", "const"), ("=",))),
    (r"\b(window|document|jQuery|googletag|console)\s*[.\[(]",
     (("window", "document", "jQuery", "googletag", "console"), (".", "[", "("))),
    (r"\$\(", (("$(",),)),
    (r"(?<!\w)\w+\.\w+\s*\([^()]*\)\s*;", ((".",), ("(",), (")",), (";",))),
    (r"\bif\s*\(\s*!?\s*[\w.]+\s*[)&|=!<>]", (("if",), ("(",))),
    (r"[{};]\s*$", (("{", "}", ";"),)),
    (r"^\s*[{}]", (("{", "}"),)),
    (r"(?<!\w)\w+\s*:\s*[\w\"'#.-]+\s*;", ((":",), (";",))),
)  # fmt: skip
_SYNTAX = "{}();=<>[]$\\"
_LETTER = re.compile(r"[^\W\d_]")
# Every marker above needs one of these characters, or a call on one of these names: prose
# without them is let through at once. (Two searches: a character class alone is quick, and the
# names need a ".", "[" or "(" after them.)
_TELLTALE = re.compile(r"[{};=<>$\\/*]")
_TELLTALE_CALL = re.compile(r"\b(window|document|jQuery|googletag|console|if)\s*[.\[(]")


def looks_like_code(line: str) -> bool:
    """True for a line of program text rather than prose.

    Example:
        >>> looks_like_code("/*<![CDATA[*/ if(! window.com) { window.com = {}; } /*]]>*/")
        True
        >>> looks_like_code("The mayor (a former judge) resigned; aides said so.")
        False
    """
    text = line.strip()
    if not text or not (_TELLTALE.search(text) or (_calls_possible(text) and _TELLTALE_CALL.search(text))):
        return False
    markers = _count_markers(text)
    syntax = sum(map(text.count, _SYNTAX)) / len(text)
    if markers >= 2 or (markers and syntax > 0.04):
        return True
    return syntax > 0.12 and len(_LETTER.findall(text)) / len(text) < 0.6


def _calls_possible(text: str) -> bool:
    return "(" in text or "." in text or "[" in text


def _count_markers(text: str) -> int:
    possible = tuple(all(any(needed in text for needed in group) for group in needs) for _, needs in _MARKER_NEEDS)
    pattern = _markers(possible)
    return len(pattern.findall(text)) if pattern is not None else 0


@lru_cache(maxsize=1024)  # a pattern per subset of the markers a text can hold: 429 on 241,756 texts
def _markers(possible: tuple[bool, ...]) -> re.Pattern[str] | None:
    alternatives = [marker for (marker, _), keep in zip(_MARKER_NEEDS, possible, strict=True) if keep]
    return re.compile("|".join(alternatives)) if alternatives else None
