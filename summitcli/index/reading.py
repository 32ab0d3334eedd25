"""Reading the index: records checked against their checksums, decoded into the model's structs, and answered
again from a rebuilt index when one turns out damaged."""

from __future__ import annotations

import contextlib
import sqlite3
import weakref
import zlib
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from summitcli import model
from summitcli.datafiles import SourceFile
from summitcli.index.freshness import holds, recorded_file
from summitcli.index.locking import patiently
from summitcli.index.schema import SPACES, Damaged

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

T = TypeVar("T")

# The datasets of this process that may be in a read transaction, for `end_reads`.
_OPEN: weakref.WeakSet[IndexedDataset] = weakref.WeakSet()


def end_reads() -> None:
    """End every read transaction of this process on an index (`IndexedDataset.end_read`): called before output
    starts, since output may wait on its reader (a pager, a full pipe), and a writer would wait on the snapshot."""
    for dataset in list(_OPEN):
        dataset.end_read()


def checked(name: str, rows: list[Any]) -> list[Any]:
    """`rows` (crc, json), each record's bytes checked against its checksum (Damaged where one fails)."""
    try:
        if all(zlib.crc32(text) == crc for crc, text in rows):
            return rows
    except TypeError:  # a value that is not bytes: written by something else than the index
        pass
    raise Damaged(f"a {name} record fails its checksum")


def structs(name: str, rows: list[Any]) -> list[Any]:
    """The records of the list `name` (or the `meta`) in `rows` (crc, json) decoded by msgspec as the model's."""
    item = model.Meta if name == "meta" else model.RECORD_TYPES[name]
    try:
        return msgspec.json.decode(b"[" + b",".join(r[1] for r in rows) + b"]", type=list[item])  # type: ignore[valid-type]
    except (TypeError, ValueError, msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise Damaged(str(exc)) from None


COUNTED = {"followups": "follow-ups"}  # how `validate` names a list where its name is no word


class IndexedDataset:
    """The dataset as the query layer reads it, each record list decoded from the index on first use.

    Every record read is checked against its checksum; a damaged index (a record that fails it, a table
    missing, a column of the wrong type) is handed to `recover`, which rebuilds it, and the question is
    answered again from the rebuilt one."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        files: list[str],
        recover: Callable[[], IndexedDataset] | None = None,
    ) -> None:
        self._conn = conn
        # A connection is freed only by the cycle collector (its statement cache refers to it): close it, and end
        # its read transaction, as soon as the dataset is no longer used.
        weakref.finalize(self, conn.close)
        self.files = files
        self._recover = recover
        self._rebuilt: IndexedDataset | None = None
        row = self._query("SELECT meta FROM files WHERE meta IS NOT NULL ORDER BY ord LIMIT 1")
        try:
            self._meta_json: bytes = row[0][0]
        except IndexError as exc:
            raise Damaged(str(exc)) from None
        self.meta: model.Meta = structs("meta", [(0, self._meta_json)])[0]
        _OPEN.add(self)

    def end_read(self) -> None:
        """End the read transaction, so that another process may update the index: what was read so far came
        from one snapshot; a later read sees the index as it is then."""
        with contextlib.suppress(sqlite3.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        try:
            # outside a read transaction (`end_read`), a read may wait for a writer's commit
            return patiently(lambda: self._conn.execute(sql, tuple(params)).fetchall())
        except sqlite3.Error as exc:
            raise Damaged(str(exc)) from None

    def _answer(self, ask: Callable[[IndexedDataset], T]) -> T:
        """`ask` this index; if it turns out damaged, the rebuilt one."""
        if self._rebuilt is None:
            try:
                return ask(self)
            except Damaged:
                if self._recover is None:
                    raise
                self._conn.close()
                self._rebuilt = self._recover()
        return ask(self._rebuilt)

    def _decode(self, name: str, rows: list[Any]) -> list[Any]:
        """The records of the list `name` in `rows` (crc, json), each checked against its checksum."""
        return structs(name, checked(name, rows))

    def _rows(self, name: str) -> list[Any]:
        """The stored (crc, json) of every record of the list `name`, in the order of the files and of each file."""
        return self._query(
            "SELECT r.crc, r.json FROM records r JOIN files f ON f.id = r.file WHERE r.list = ? ORDER BY f.ord, r.seq",
            (name,),
        )

    def _all(self, name: str) -> list[Any]:
        return self._decode(name, self._rows(name))

    def all(self, name: str) -> list[Any]:
        """Every record of the list `name`, in the order of the files and of each file."""
        return self._answer(lambda index: index._all(name))

    def _with_country(self, name: str, codes: tuple[str, ...]) -> list[Any]:
        # driven by the country index: only the rows of `codes` are read, however large the list
        marks = ", ".join("?" * len(codes))
        chosen = f"SELECT DISTINCT seq FROM record_countries WHERE country IN ({marks}) AND list = ?"
        params: list[Any] = [*codes, name]
        if name == "quotes":  # a quote also involves its speaker's country
            chosen += (
                " UNION SELECT q.seq FROM records q WHERE q.list = 'quotes' AND q.speaker IN (SELECT p.id FROM "
                "record_countries c JOIN records p ON p.seq = c.seq "
                f"WHERE c.country IN ({marks}) AND c.list = 'people')"
            )
            params.extend(codes)
        rows = self._query(
            f"SELECT r.crc, r.json FROM ({chosen}) s CROSS JOIN records r ON r.seq = s.seq "
            "JOIN files f ON f.id = r.file ORDER BY f.ord, r.seq",
            params,
        )
        return self._decode(name, rows)

    def with_country(self, name: str, *codes: str) -> list[Any]:
        """Records of one list that involve any of `codes`, once each, in the data's order, read through the
        country index."""
        return self._answer(lambda index: index._with_country(name, codes))

    def _record(self, list_names: tuple[str, ...], rid: str) -> Any:
        spaces = sorted({SPACES.get(name, "record") for name in list_names})
        rows = self._query(
            f"SELECT list, crc, json FROM records WHERE space IN ({', '.join('?' * len(spaces))}) AND id = ? "
            f"AND list IN ({', '.join('?' * len(list_names))})",
            (*spaces, rid, *list_names),
        )
        return self._decode(rows[0][0], [rows[0][1:]])[0] if rows else None

    def record(self, list_names: tuple[str, ...], rid: str) -> Any:
        """The record with id `rid` in one of the lists named, read through the id index; None if there is none."""
        return self._answer(lambda index: index._record(list_names, rid))

    def _file_records(self, source: SourceFile) -> list[tuple[str, Any]] | None:
        try:
            row = recorded_file(self._conn, source)
        except sqlite3.Error as exc:
            raise Damaged(str(exc)) from None
        if row is None or not holds(row, source):
            return None
        rows = self._query(
            "SELECT list, crc, json FROM records WHERE seq BETWEEN ? AND ? ORDER BY seq", (row.lo, row.hi)
        )
        by_list: dict[str, list[Any]] = {}
        for name, crc, text in rows:
            by_list.setdefault(name, []).append((crc, text))
        decoded = {name: iter(self._decode(name, pairs)) for name, pairs in by_list.items()}
        return [(name, next(decoded[name])) for name, _, _ in rows]

    def file_records(self, source: SourceFile) -> list[tuple[str, Any]] | None:
        """The records of one data file as the index holds them, each (record list, record), in the file's order;
        None if the index does not hold that file as it is now (not indexed, or its stat or bytes differ since):
        then parse it. What `changes` reads for the current version of a changed file."""
        return self._answer(lambda index: index._file_records(source))

    def _country_codes(self) -> set[str]:
        rows = self._query("SELECT country FROM countries")
        return {r[0] for r in rows}

    def country_codes(self) -> set[str]:
        return self._answer(lambda index: index._country_codes())

    def _counts(self) -> dict[str, int]:
        rows = self._query("SELECT list, count(*) FROM records GROUP BY list")
        return dict.fromkeys(model.RECORD_LISTS, 0) | dict(rows)

    def counts(self) -> dict[str, int]:
        """The number of records in each list."""
        return self._answer(lambda index: index._counts())

    def summary(self) -> dict[str, int]:
        """What `summit validate` prints: the countries other than home, as `summit countries` lists them (a party
        to an event, outcome, follow-up, fact or plan, itself and not only as a member of a grouping), meetings,
        other events, and the number of records of every other list."""
        (countries,) = self._query(
            "SELECT count(*) FROM countries WHERE country <> ? AND country GLOB '[A-Z][A-Z]'",  # apec is no country
            (self.meta.home,),
        )[0]
        kinds = ", ".join("?" * len(model.MEETING_KINDS))
        (meetings, events) = self._query(
            f"SELECT coalesce(sum(kind IN ({kinds})), 0), coalesce(sum(kind NOT IN ({kinds})), 0) FROM records "
            "WHERE list = 'events'",
            (*model.MEETING_KINDS, *model.MEETING_KINDS),
        )[0]
        n = self.counts()
        # every other list: those of facts in the model's order, then groupings, people, topics and sources
        lists = [name for name in model.RECORD_LISTS if name not in model.OWN_ID_SPACES and name != "events"]
        lists += reversed(model.OWN_ID_SPACES)
        counts = {"countries": countries, "meetings": meetings, "events": events}
        return counts | {COUNTED.get(name, name): n[name] for name in lists}

    @cached_property
    def sources(self) -> list[model.Source]:
        return self.all("sources")

    @cached_property
    def topics(self) -> list[model.Topic]:
        return self.all("topics")

    @cached_property
    def people(self) -> list[model.Person]:
        return self.all("people")

    @cached_property
    def events(self) -> list[model.Event]:
        return self.all("events")

    @cached_property
    def outcomes(self) -> list[model.Outcome]:
        return self.all("outcomes")

    @cached_property
    def quotes(self) -> list[model.Quote]:
        return self.all("quotes")

    @cached_property
    def facts(self) -> list[model.Fact]:
        return self.all("facts")

    @cached_property
    def followups(self) -> list[model.Followup]:
        return self.all("followups")

    @cached_property
    def plans(self) -> list[model.Plan]:
        return self.all("plans")

    def _materialize(self) -> model.Dataset:
        lists: dict[str, Any] = {}
        for name in model.RECORD_LISTS:
            lists[name] = structs(name, checked(name, self._rows(name)))
        meta = structs("meta", [(0, self._meta_json)])[0]
        return model.Dataset(meta=meta, files=self.files, **lists)

    def materialize(self) -> model.Dataset:
        """Every list decoded into the model's structs: the whole model, as parsing the YAML would give it."""
        return self._answer(lambda index: index._materialize())
