"""Abbreviated state and province names as news writes them ("Springfield, Ill.", "W.Va.", "Alta.").

AP style and the postal forms with periods, keyed by the abbreviation as written, valued by the
GeoNames admin1 key. Most of them are also words or names ("Ill.", "Mass.", "Ind.", "Pa."), so
the spotter takes one only with its period, and only after a comma (a qualifier) unless the
form has two periods ("N.Y.", "D.C."), which nothing else is written as.
"""

from __future__ import annotations

_US = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR",
    "Pa.": "PA", "Penn.": "PA", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA",
    "Wis.": "WI", "Wisc.": "WI", "Wyo.": "WY", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "W.Va.": "WV", "D.C.": "DC",
}  # fmt: skip
_CANADA = {
    "Alta.": "01", "B.C.": "02", "Man.": "03", "N.B.": "04", "Nfld.": "05", "N.L.": "05", "N.S.": "07",
    "Ont.": "08", "P.E.I.": "09", "Que.": "10", "Sask.": "11", "N.W.T.": "13",
}  # fmt: skip

ADMIN1_ABBREVIATIONS = {abbr: f"US.{code}" for abbr, code in _US.items()} | {
    abbr: f"CA.{code}" for abbr, code in _CANADA.items()
}


def admin1_code(written: str) -> str | None:
    """The GeoNames admin1 key an abbreviation stands for ("Ill." -> "US.IL"), spaces ignored."""
    return ADMIN1_ABBREVIATIONS.get(written.replace(" ", ""))


def unambiguous(written: str) -> bool:
    """True for forms with two or more periods ("N.Y.", "W.Va."), which are never ordinary words."""
    return written.count(".") >= 2
