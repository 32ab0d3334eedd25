"""The index: the validated dataset in SQLite, file by file, and the checks that span files, in SQL.

The third step of the data layer (files -> loader -> index -> dataset -> query): it stores what the loader
parsed and answers the query layer; deciding when to re-parse is the dataset step's job.

Each data file has a row in `files`: its absolute path, what its stat was when it was read (size, mtime_ns,
ctime_ns, inode, device), when that was (`seen_ns`), the digest of its bytes and its `meta` block. Each record
is stored as JSON, with a checksum, under its file, with indexed columns (record list, id, date, kind) and side
tables of its countries, topics and the references it makes, so `agreements canada` reads Canada's outcomes
only, and an edit to one file replaces that file's rows only. Duplicate ids, references between records and the
one `meta` are checked in SQL, for the files that changed and for the records that point into them.

The package, by job (each module imports only those above it):
- `schema`: the tables, the version an index is read by, `Damaged`;
- `location`: where an index lives, and whether its folder can be trusted;
- `freshness`: git's rule, whether the index still holds the files as they are;
- `locking`: one writer at a time, SQLite's wait, SIGTERM while writing;
- `writing`: one file's records stored, a file's rows dropped, the summary;
- `checks`: the checks that span files, in SQL, and their problems located;
- `reading`: the records read back, checked and decoded (`IndexedDataset`).
"""

from __future__ import annotations

from summitcli.index.checks import TARGETS, DocPath, Where, cross_checks, locate_problems
from summitcli.index.freshness import (
    RACY_NS,
    FileRow,
    digest,
    recorded_files,
    set_order,
    settle,
    sort_files,
    touch,
    unchanged,
)
from summitcli.index.location import index_dir, index_name, owned_privately, private_dir
from summitcli.index.locking import BUSY_MS, connect, locked, terminated_cleanly
from summitcli.index.reading import IndexedDataset, checked, structs
from summitcli.index.schema import (
    INDEXES,
    LAYOUT,
    SCHEMA,
    SPACES,
    VERSION,
    Damaged,
    create,
    create_indexes,
    model_digest,
)
from summitcli.index.writing import FileWriter, drop_file, mark_lost, summarize

__all__ = [
    "BUSY_MS", "INDEXES", "LAYOUT", "RACY_NS", "SCHEMA", "SPACES", "TARGETS", "VERSION",
    "Damaged", "DocPath", "FileRow", "FileWriter", "IndexedDataset", "Where",
    "checked", "connect", "create", "create_indexes", "cross_checks", "digest", "drop_file", "index_dir",
    "index_name", "locate_problems", "locked", "mark_lost", "model_digest", "owned_privately", "private_dir",
    "recorded_files", "set_order", "settle", "sort_files", "structs", "summarize", "terminated_cleanly", "touch",
    "unchanged",
]  # fmt: skip
