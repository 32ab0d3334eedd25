"""The index's tables and version (an index is read only by the tool and model that wrote it), and the error
raised when an index does not hold what it was written with."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from summitcli import __version__, model

LAYOUT = "7"  # bump when the tables change


def model_digest(text: bytes) -> str:
    """A checksum of model.py that changes with any edit (CRC-32: what tells two versions apart, read on every
    run, without the 2 ms import of hashlib)."""
    return f"{zlib.crc32(text):08x}"


# An index is read only by the model it was written with: its records are the model's structs encoded by msgspec,
# so a field added to or removed from summitcli/model.py must rebuild the index, in any version.
VERSION = f"{__version__}/{LAYOUT}/{model_digest((Path(__file__).parents[1] / 'model.py').read_bytes())}"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE files (id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, path BLOB NOT NULL UNIQUE,
                    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
                    ino INTEGER NOT NULL, dev INTEGER NOT NULL, seen_ns INTEGER NOT NULL, digest BLOB NOT NULL,
                    meta BLOB, lo INTEGER NOT NULL, hi INTEGER NOT NULL);
CREATE TABLE records (seq INTEGER PRIMARY KEY, file INTEGER NOT NULL, list TEXT NOT NULL, pos INTEGER NOT NULL,
                      space TEXT NOT NULL, id TEXT NOT NULL, date TEXT, kind TEXT, speaker TEXT,
                      crc INTEGER NOT NULL, json BLOB NOT NULL);
CREATE TABLE record_countries (seq INTEGER NOT NULL, list TEXT NOT NULL, country TEXT NOT NULL,
                               PRIMARY KEY (seq, country)) WITHOUT ROWID;
CREATE TABLE record_topics (seq INTEGER NOT NULL, list TEXT NOT NULL, topic TEXT NOT NULL,
                            PRIMARY KEY (seq, topic)) WITHOUT ROWID;
CREATE TABLE refs (seq INTEGER NOT NULL, n INTEGER NOT NULL, space TEXT NOT NULL, ref TEXT NOT NULL,
                   sub BLOB NOT NULL, PRIMARY KEY (seq, n)) WITHOUT ROWID;
CREATE TABLE file_countries (file INTEGER NOT NULL, list TEXT NOT NULL, country TEXT NOT NULL,
                             PRIMARY KEY (file, list, country)) WITHOUT ROWID;
CREATE TABLE countries (country TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# A file's records have consecutive seqs (files.lo to files.hi), and every side table is keyed by seq first, so
# a file's rows go by ranges, without an index by file.
INDEXES = {
    # what the checks that span files need
    "check": "CREATE INDEX IF NOT EXISTS records_by_id ON records (space, id);",
    # what queries need
    "query": """
CREATE INDEX IF NOT EXISTS records_by_list ON records (list, file);
CREATE INDEX IF NOT EXISTS records_by_speaker ON records (speaker) WHERE speaker IS NOT NULL;
CREATE INDEX IF NOT EXISTS countries_by_country ON record_countries (country, list, seq);
CREATE INDEX IF NOT EXISTS topics_by_topic ON record_topics (topic, list, seq);
""",
}
# The id namespace of each record list: a reference names a source, topic, person, event or any other record.
SPACES = {name: model.KINDS[name] for name in model.OWN_ID_SPACES}


class Damaged(Exception):
    """The index does not hold what it was written with (a record fails its checksum, a table is missing)."""


def create(conn: sqlite3.Connection) -> None:
    """The tables of an empty index (secondary indexes come once the rows are in: `create_indexes`)."""
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))


def create_indexes(conn: sqlite3.Connection, uses: tuple[str, ...]) -> None:
    """The secondary indexes for `uses` ("check", "query"), once the rows are in."""
    conn.executescript("".join(INDEXES[use] for use in uses))
