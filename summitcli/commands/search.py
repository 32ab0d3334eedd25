"""`summit search TEXT`: case-insensitive full-text search over every text field, ranked by where and how often
the words occur. Every word must occur somewhere in a record for it to match."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec

from summitcli.commands import Settings, show_listing
from summitcli.errors import UsageError
from summitcli.output import Column, Format, View
from summitcli.query import FACT_KINDS, Query, record_date
from summitcli.views import Listing

COLUMNS = [
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("title", "Record", 4, below="under"),
    Column("snippet", "Match", 7),
    Column("countries", "Codes"),
    Column("country_names", "Countries", 2),
    Column("date", "Date", no_wrap=True),
    Column("score", "Score"),
    Column("field", "Field"),
    Column("sources", "Sources"),
]
FIELDS = ["kind", "id", "title", "snippet", "countries", "country_names", "date", "score", "field", "sources"]
WEIGHTS = {"title": 3, "name": 3, "text": 3, "planned": 3, "publication": 2}
CONTEXT = 60


@cache
def _text_fields() -> dict[type, list[tuple[str, bool]]]:
    """Per model type, the fields search reads: (field, whether it holds nested records). From the model: every
    field of prose (`str`, or a list of it), never an id, a code or a fixed value (`modelinfo.Field.text`)."""
    from summitcli import modelinfo

    return {
        struct: [(f.name, f.nested) for f in modelinfo.fields_of(struct) if f.text or f.nested]
        for struct in modelinfo.struct_types().values()
    }


def text_fields(record: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) for every text field of a record, nested figures and disputes included."""
    for name, nested in _text_fields()[type(record)]:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if nested:
                yield from text_fields(item, f"{prefix}{name}.")
            elif isinstance(item, str):
                yield prefix + name, item


def snippet(text: str, word: str) -> str:
    """The text around the first occurrence of `word`, on one line."""
    flat = " ".join(text.split())
    at = flat.casefold().find(word)
    if at < 0 or len(flat) <= 2 * CONTEXT:
        return flat
    start, end = max(0, at - CONTEXT), min(len(flat), at + len(word) + CONTEXT)
    if start:  # from a word's start to a word's end
        start = flat.find(" ", start, at) + 1 or start
    if end < len(flat):
        end = flat.rfind(" ", at + len(word), end) if " " in flat[at + len(word) : end] else end
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def searchable(q: Query) -> Iterator[tuple[str, Any]]:
    yield from q.fact_records()
    groupings = list(q.parties.groupings.values())
    for kind, records in (
        ("person", q.data.people),
        ("source", q.data.sources),
        ("topic", q.data.topics),
        ("grouping", groupings),
    ):
        for record in records:
            yield kind, record


def match(record: Any, words: list[str]) -> tuple[int, str, str] | None:
    """(score, field, text) of a record that holds every word: the score over all its text fields (a title or a
    name counts more, `WEIGHTS`), the field and text where the words weigh most; None if a word is missing."""
    score = 0
    best: tuple[int, str, str] | None = None
    found: set[str] = set()
    for field, text in text_fields(record):
        folded = text.casefold()
        hits = {w: folded.count(w) for w in words}
        weight = WEIGHTS.get(field, 1) * sum(hits.values())
        if weight:
            found.update(w for w, n in hits.items() if n)
            score += weight
            if best is None or weight > best[0]:
                best = (weight, field, text)
    if best is None or len(found) < len(words):
        return None
    return score, best[1], best[2]


def _said_in(text: str, title: str) -> bool:
    """Whether the matched text is the title (a title cut with `…` included): no snippet then."""
    flat = " ".join(text.split())
    return flat in title or (title.endswith("…") and flat.startswith(title[:-1].rstrip()))


def rows_for(q: Query, words: list[str]) -> list[dict[str, Any]]:
    """A record per hit, best first: its kind and id, its title (a quote: its speaker), the text around the match
    where the match is not the title itself (else null), the countries, date and sources."""
    order = {kind: i for i, kind in enumerate([k for _, k in FACT_KINDS] + ["person", "source", "topic", "grouping"])}
    rows = []
    for kind, record in searchable(q):
        matched = match(record, words)
        if matched is None:
            continue
        score, field, text = matched
        first = next(w for w in words if w in text.casefold())
        title = q.person_name(record.speaker) if kind == "quote" else q.title_of(record)
        codes = q.countries_of(record)
        rows.append(
            {
                "kind": kind,
                "id": record.id,
                "title": title,
                "snippet": None if _said_in(text, title) else snippet(text, first),  # the title: said once
                "countries": codes,
                "country_names": [q.parties.name(c) for c in codes],  # a party may be a grouping
                "date": record_date(record),
                "score": score,
                "field": field,
                "sources": list(getattr(record, "sources", None) or ([record.id] if kind == "source" else [])),
            }
        )
    rows.sort(key=lambda r: (-r["score"], order[r["kind"]], r["id"]))
    return rows


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit search` and `Dataset.search` look for: the text as given, one or more words in each part."""

    text: tuple[str, ...] = ()

    def words(self) -> list[str]:
        """The words to find, case-folded, each once, in their order."""
        return list(dict.fromkeys(w.casefold() for part in self.text for w in part.split()))


def search(settings: Settings, options: Options, *, fmt: Format) -> None:
    words = options.words()
    if not words:
        raise UsageError("nothing to search for (expected one or more words, e.g. summit search submarine)")
    q = settings.query()
    records = rows_for(q, words)
    rows = [
        {
            **r,
            "under": [v for v in (r["snippet"] and f"“{r['snippet']}”", r["id"]) if v],  # in a terminal
        }
        for r in records
    ]
    view = View(
        title=f"{q.data.meta.title} · search: {' '.join(words)}",
        hidden=("id", "snippet", "countries", "sources", "score", "field"),
        sources=q.citations(),
        drop=("country_names",),
        empty=f"nothing in the dataset mentions {' '.join(words)}",
        highlight=tuple(words),
    )
    show_listing(settings, Listing(records, FIELDS, rows, COLUMNS, view), fmt)
