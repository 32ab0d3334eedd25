"""Country names and codes from pycountry's ISO 3166 data, plus the few aliases no library has.

pycountry's data files are read directly: importing the package pulls in importlib.metadata (about 80 ms),
more than the whole start-up budget. Korean names come from pycountry's own `ko` translations.
"""

from __future__ import annotations

import difflib
import importlib.util
from functools import cache
from pathlib import Path

# Only names no ISO library carries: common short forms and Korean usage.
EXTRA_ALIASES: dict[str, str] = {
    "america": "US",
    "usa": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "prc": "CN",
    "uae": "AE",
    "emirates": "AE",
    "abu dhabi": "AE",
    "korea": "KR",
    "rok": "KR",
    "dprk": "KP",
    "north korea": "KP",
    "nz": "NZ",
    "한국": "KR",
    "남한": "KR",
    "북한": "KP",
    "호주": "AU",
    "아랍에미리트연합": "AE",
}


def _pycountry_dir() -> Path:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pycountry is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


_SEPARATORS = str.maketrans(dict.fromkeys("_-.,()'", " "))


def normalize(text: str) -> str:
    """Fold case, accents-preserving NFC, and treat hyphens/underscores as spaces: `New_Zealand` = `new-zealand`."""
    if not text.isascii():  # ASCII is NFC already, and unicodedata costs 1-2 ms to load
        import unicodedata

        text = unicodedata.normalize("NFC", text)
    return " ".join(text.casefold().translate(_SEPARATORS).split())


def slug(text: str) -> str:
    return normalize(text).replace(" ", "-")


@cache
def _records() -> list[dict[str, str]]:
    import msgspec  # decodes faster than json, and commands that need countries have imported it already

    data = msgspec.json.decode((_pycountry_dir() / "databases" / "iso3166-1.json").read_bytes())
    return list(data["3166-1"])


@cache
def _by_code() -> dict[str, dict[str, str]]:
    return {r["alpha_2"]: r for r in _records()}


def is_country_code(code: str) -> bool:
    return code in _by_code()


def country_name(code: str) -> str:
    record = _by_code().get(code)
    if record is None:
        return code
    return record.get("common_name") or record["name"]


@cache
def _korean_names() -> dict[str, str]:
    import gettext

    mo = _pycountry_dir() / "locales" / "ko" / "LC_MESSAGES" / "iso3166-1.mo"
    try:
        with mo.open("rb") as fh:
            translations = gettext.GNUTranslations(fh)
    except OSError:
        return {}
    names: dict[str, str] = {}
    for record in _records():
        for field in ("name", "common_name", "official_name"):
            english = record.get(field)
            if english and (korean := translations.gettext(english)) != english:
                names[normalize(korean)] = record["alpha_2"]
    return names


def korean_name(code: str) -> str | None:
    for name, found in _korean_names().items():
        if found == code:
            return name
    return None


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for record in _records():
        code = record["alpha_2"]
        for field in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            if value := record.get(field):
                table.setdefault(normalize(value), code)
    for alias, code in EXTRA_ALIASES.items():
        table[normalize(alias)] = code
    return table


def lookup(name: str) -> str | None:
    """The alpha-2 code a user's country name means, or None."""
    key = normalize(name)
    if not key:
        return None
    if key.isascii():
        return _aliases().get(key)
    return _korean_names().get(key) or _aliases().get(key)


def suggestions(name: str, prefer: set[str] | None = None, limit: int = 3) -> list[str]:
    """Names closest to `name`, for 'did you mean'; countries in `prefer` (the dataset's) win when any match."""
    key = normalize(name)
    table = _aliases() if key.isascii() else {**_aliases(), **_korean_names()}
    matches = difflib.get_close_matches(key, list(table), n=limit * 4, cutoff=0.6)
    if prefer and any(table[m] in prefer for m in matches):
        matches = [m for m in matches if table[m] in prefer]
    seen: list[str] = []
    for match in matches:
        label = slug(country_name(table[match])) if key.isascii() else match
        if label not in seen:
            seen.append(label)
    return seen[:limit]
