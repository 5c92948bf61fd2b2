"""Page chrome: the lines of a captured page that belong to the site, not the article.

A multilingual lexicon of phrases sites put around articles (login, share, comment prompts,
copyright, "read also"). A line counts as chrome when it is short and a phrase makes up much of
it, so an article sentence that merely mentions "share" or "register" is never dropped.
"""

from __future__ import annotations

import re

_PHRASES = [
    # English
    "leave a comment", "leave comments", "to leave comments", "post a comment", "add a comment", "comments",
    "sign in", "sign up", "log in", "login", "register", "i have an account", "subscribe", "share", "tweet",
    "share this", "follow us", "read more", "read also", "related articles", "related", "advertisement",
    "all rights reserved", "privacy policy", "cookie", "newsletter", "reply", "dear reader", "print",
    # French
    "votre commentaire", "commentaires", "laisser un commentaire", "connexion", "s'inscrire", "partager",
    "abonnez-vous", "lire aussi", "à lire aussi", "publicité", "tous droits réservés", "répondre",
    # German
    "kommentare", "kommentar schreiben", "anmelden", "registrieren", "teilen", "abonnieren", "lesen sie auch",
    "anzeige", "alle rechte vorbehalten", "antworten",
    # Spanish / Italian / Portuguese
    "comentarios", "deja un comentario", "iniciar sesión", "compartir", "suscríbete", "lee también",
    "commenti", "lascia un commento", "accedi", "condividi", "iscriviti", "leggi anche", "comentários",
    # Russian / Ukrainian / Polish
    "комментарии", "комментарий", "оставить комментарий", "войти", "регистрация", "зарегистрироваться",
    "поделиться", "подписаться", "читайте также", "реклама", "все права защищены", "ответить", "коментарі",
    "komentarze", "zaloguj", "udostępnij", "czytaj także",
]  # fmt: skip
_PATTERN = re.compile("|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)), re.I)
_MAX_CHROME_CHARS = 160


def chrome_share(line: str) -> float:
    """Share of a short line's letters covered by chrome phrases (0 for long lines)."""
    text = line.strip()
    if not text or len(text) > _MAX_CHROME_CHARS:
        return 0.0
    covered = sum(len(m.group(0)) for m in _PATTERN.finditer(text))
    letters = sum(ch.isalpha() for ch in text) or 1
    return min(1.0, covered / letters)


def is_chrome(line: str) -> bool:
    """True for a line that is site furniture rather than article text."""
    text = line.strip()
    if not text:
        return False
    share = chrome_share(text)
    # A prompt ("Dear reader, to leave comments …, you must register") is chrome even when the
    # phrases cover only part of it, provided it is short and opens or closes with one.
    anchored = bool(_PATTERN.match(text)) or bool(_PATTERN.search(text[-30:]))
    return share >= 0.5 or (anchored and share >= 0.2 and len(text) < 120)
