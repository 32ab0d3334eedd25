"""Country names and codes: pycountry's ISO 3166 data first, CLDR's everyday names when that misses.

pycountry's data files are read directly: importing the package pulls in importlib.metadata (about 80 ms),
more than the whole start-up budget. Besides English, a user may type names in the home country's language (its
first official language in CLDR: Korean for KR, Japanese for JP; none where that is English), from pycountry's own
translations and CLDR's everyday names. Everyday names that ISO lacks (Russia, Brunei, 러시아, 대만, 韓国) come from
CLDR through babel, loaded only when the English table misses: importing babel and loading two locales costs about
35 ms, which a name typed as ISO or pycountry spells it never pays. Without a home country (`lookup(name)`), Korean
names are accepted from pycountry's table alone, as before homes other than Korea were read.
"""

from __future__ import annotations

import difflib
import importlib.util
import unicodedata
from functools import cache
from pathlib import Path

# Only names neither pycountry nor babel's CLDR data carries: short forms and Korean usage.
EXTRA_ALIASES: dict[str, str] = {
    "america": "US",
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
    # CLDR has "Turkey" as an alt="variant" name, which babel's data leaves out.
    "turkey": "TR",
    "한국": "KR",
    "남한": "KR",
    "호주": "AU",
    "아랍에미리트연합": "AE",
}


def _pycountry_dir() -> Path:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pycountry is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 currency codes (USD, KRW, JPY), from pycountry's data."""
    import msgspec

    data = msgspec.json.decode((_pycountry_dir() / "databases" / "iso4217.json").read_bytes())
    return frozenset(c["alpha_3"] for c in data["4217"])


_SEPARATORS = str.maketrans(dict.fromkeys("_-.,()'’", " "))


def normalize(text: str) -> str:
    """Fold case, accents-preserving NFC, and treat hyphens/underscores as spaces: `New_Zealand` = `new-zealand`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(_SEPARATORS).split())


def slug(text: str) -> str:
    return normalize(text).replace(" ", "-")


@cache
def _records() -> list[dict[str, str]]:
    import msgspec  # the model's decoder, loaded anyway: json would add a module to every run

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
def _translated_names(language: str) -> dict[str, str]:
    """Normalized name -> code from pycountry's translations into `language` (a CLDR code: `ko`, `ja`,
    `zh_Hant`); empty where pycountry has none."""
    import gettext

    locales = _pycountry_dir() / "locales"
    head = language.split("_")[0]
    candidates = [language, {"zh_Hant": "zh_TW", "zh_Hans": "zh_CN", "zh": "zh_CN"}.get(language, head)]
    for name in candidates:
        try:
            with (locales / name / "LC_MESSAGES" / "iso3166-1.mo").open("rb") as fh:
                translations = gettext.GNUTranslations(fh)
            break
        except OSError:
            continue
    else:
        return {}
    names: dict[str, str] = {}
    for record in _records():
        for field in ("common_name", "name", "official_name"):
            english = record.get(field)
            if english and (local := translations.gettext(english)) != english:
                names[normalize(local)] = record["alpha_2"]
    return names


@cache
def home_language(home: str) -> str | None:
    """The home country's language, as CLDR gives its first official one (`ja` for JP, `ko` for KR), or None
    where that is English (US, GB, CA, AU): the language of the names a user may type besides English and of
    the name column of `summit countries`."""
    from babel.languages import get_official_languages

    languages = get_official_languages(home, de_facto=True)
    return languages[0] if languages and languages[0] != "en" else None


def language_name(language: str) -> str:
    """A language as English names it: `Japanese`, `Korean`, `Traditional Chinese`."""
    from babel.core import Locale

    return str(Locale("en").languages.get(language, language))


@cache
def _cldr_territories(language: str) -> dict[str, str]:
    from babel.core import Locale

    return {code: name for code, name in Locale.parse(language).territories.items() if code in _by_code()}


def local_name(code: str, language: str) -> str | None:
    """The everyday name of a country in `language` (CLDR: `韓国` for KR in Japanese), or None."""
    return _cldr_territories(language).get(code)


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


def _fold(text: str) -> str:
    """`text` without accents: `turkiye` for `türkiye`, `cote d ivoire` for `côte d ivoire`; Hangul is kept."""
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


def _cldr_keys(name: str) -> list[str]:
    """The keys one CLDR name is found under: as written, without a bracketed part or with it alone
    (`Myanmar (Burma)`, `홍콩(중국 특별행정구)`), `&` as `and`, and without accents."""
    head, _, rest = name.partition("(")
    names = [name, head] if rest else [name]
    if rest and rest.isascii():  # `Burma`; the Korean brackets say `Chinese SAR`, no name of the place
        names.append(rest.rstrip(")"))
    keys = [normalize(n) for n in names]
    keys += [k.replace(" & ", " and ") for k in keys if " & " in k]
    return [*keys, *(_fold(k) for k in keys)]


def _cldr_english() -> dict[str, str]:
    return _cldr_territories("en")


def _languages(home: str | None) -> tuple[str, ...]:
    """The languages besides English whose names resolve: the home country's, or Korean without a home."""
    if home is None:
        return ("ko",)
    language = home_language(home)
    return (language,) if language else ()


@cache
def _local_names(languages: tuple[str, ...]) -> dict[str, str]:
    """pycountry's translations into `languages`: the names a user may type besides English."""
    return {key: code for language in languages for key, code in _translated_names(language).items()}


@cache
def _cldr_names(languages: tuple[str, ...] = ("ko",)) -> dict[str, str]:
    """Everyday names in English and `languages` from CLDR, and every pycountry name without accents: the table a
    name is looked up in when pycountry's own misses."""
    table: dict[str, str] = {}
    for names in (_cldr_english(), *(_cldr_territories(language) for language in languages)):
        for code, name in names.items():
            for key in _cldr_keys(name):
                table.setdefault(key, code)
    for key, code in (*_aliases().items(), *_local_names(languages).items()):
        table.setdefault(_fold(key), code)
    return table


def lookup(name: str, home: str | None = None) -> str | None:
    """The alpha-2 code a user's country name means, or None: English, or the language of `home` (Korean when no
    home is given)."""
    key = normalize(name)
    if not key:
        return None
    code = _aliases().get(key) if key.isascii() else (_local_names(_languages(home)).get(key) or _aliases().get(key))
    if code is None:
        names = _cldr_names(_languages(home))
        code = names.get(key) or names.get(_fold(key))
    return code


def _label(code: str) -> str:
    """The name to suggest for `code`: the shorter of pycountry's and CLDR's (`russia`, `brunei`, `hong-kong`)."""
    names = [slug(country_name(code))]
    if cldr := _cldr_english().get(code):
        names.append(slug(cldr).replace("-&-", "-and-"))
    return min(names, key=len)


def suggestions(name: str, prefer: set[str] | None = None, limit: int = 3, home: str | None = None) -> list[str]:
    """Names closest to `name` (English, or the language of `home`), for 'did you mean'; countries in `prefer`
    (the dataset's) win when any match."""
    key = normalize(name)
    languages = _languages(home)
    table = {**_cldr_names(languages), **_aliases(), **_local_names(languages)}
    if key.isascii():
        table = {k: v for k, v in table.items() if k.isascii()}
    matches = difflib.get_close_matches(key, list(table), n=limit * 4, cutoff=0.6)
    if prefer and any(table[m] in prefer for m in matches):
        matches = [m for m in matches if table[m] in prefer]
    seen: list[str] = []
    for match in matches:
        label = _label(table[match]) if key.isascii() else match
        if label not in seen:
            seen.append(label)
    return seen[:limit]
