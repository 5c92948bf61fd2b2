"""Program text (JavaScript, CSS, template code) that leaked into page text.

Old templates put inline scripts inside the blocks extractors read (``/*<![CDATA[*/ if(!
window.com) …``), and some pages print JSON or CSS as text. Such a line is recognised by what
prose never has: statement syntax (``;`` and braces), calls on dotted names, CDATA and comment
markers, and a high share of punctuation among its characters.
"""

from __future__ import annotations

import re

# Each marker is one alternative; those that end a statement need its ";", so prose without
# one (most of what reaches them) is searched with the others only, for the same matches. Those
# that begin with a word begin at a word's start: every marker ends on a non-word character, so
# the search never resumes inside a word, and a match from inside one would have been found from
# its start (the same matches, without trying every letter of a long paragraph).
_WITHOUT_SEMICOLON = (
    r"<!\[CDATA\[|\]\]>|/\*|\*/|^\s*//|\bfunction\s*\(|=>|\bvar\s+\w+\s*=|\b(let|const)\s+\w+\s*=|"
    r"\b(window|document|jQuery|googletag|console)\s*[.\[(]|\$\(|"
)
_MARKERS = re.compile(
    _WITHOUT_SEMICOLON + r"(?<!\w)\w+\.\w+\s*\([^()]*\)\s*;|"
    r"\bif\s*\(\s*!?\s*[\w.]+\s*[)&|=!<>]|[{};]\s*$|^\s*[{}]|(?<!\w)\w+\s*:\s*[\w\"'#.-]+\s*;",
)
_MARKERS_WITHOUT_SEMICOLON = re.compile(_WITHOUT_SEMICOLON + r"\bif\s*\(\s*!?\s*[\w.]+\s*[)&|=!<>]|[{};]\s*$|^\s*[{}]")
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
    markers = len((_MARKERS if ";" in text else _MARKERS_WITHOUT_SEMICOLON).findall(text))
    syntax = sum(map(text.count, _SYNTAX)) / len(text)
    if markers >= 2 or (markers and syntax > 0.04):
        return True
    return syntax > 0.12 and len(_LETTER.findall(text)) / len(text) < 0.6


def _calls_possible(text: str) -> bool:
    return "(" in text or "." in text or "[" in text
