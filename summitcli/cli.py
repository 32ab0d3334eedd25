"""The `summit` command line: a thin Typer layer over the command modules."""

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from summitcli import __version__
from summitcli.commands import Settings
from summitcli.completion_options import completion_option, shell_named
from summitcli.errors import EXIT_DATA, SummitError, UsageError
from summitcli.output import ColorMode, Display, Format
from summitcli.output.stream import quiet_exit


@contextmanager
def _as_the_command_line() -> Iterator[None]:
    """Summit's own errors become their one line on stderr and their exit code; a reader that went away while
    help or output was written ends the command with exit 0."""
    try:
        yield
    except BrokenPipeError:
        quiet_exit()
    except SummitError as error:
        error.show()
        raise typer.Exit(error.exit_code) from None


def whole_descriptions(group: Any, ctx: Any) -> None:
    """Each command's whole first paragraph as its line in `--help`, wrapped rather than cut with `…`."""
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and command.short_help is None and command.help:
            command.short_help = " ".join(command.help.split("\n\n")[0].split())


def command_name(info: Any) -> str:
    """The name a command is called by: as declared, else its function's name with dashes."""
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


class OnDemand(Mapping[str, Any]):
    """The Click command of each of `declared`'s commands and groups, by name, built when first asked for (Click's
    "lazily loading subcommands"). Typer builds every command, its signature and parameters, before a run starts:
    6 ms for summit's 17 and the export group, a tenth of a warm `summit brief`. A run asks for the command it
    names; `--help` and a mistyped name ask for them all. tests/test_startup.py holds the reason."""

    def __init__(self, declared: typer.Typer, root: typer.Typer) -> None:
        self._declared = {command_name(c): c for c in declared.registered_commands}
        self._groups = {g.name: g for g in declared.registered_groups if g.name}
        self._root = root  # whose settings each command is built with, as Typer builds the root's own
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            short, markup = self._root.pretty_exceptions_short, self._root.rich_markup_mode
            if name in self._declared:
                self._built[name] = typer.main.get_command_from_info(
                    self._declared[name], pretty_exceptions_short=short, rich_markup_mode=markup
                )
            elif name in self._groups:
                self._built[name] = typer.main.get_group_from_info(
                    self._groups[name],
                    pretty_exceptions_short=short,
                    rich_markup_mode=markup,
                    suggest_commands=self._root.suggest_commands,
                )
            else:
                raise KeyError(name)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._declared, *self._groups])

    def __len__(self) -> int:
        return len(self._declared) + len(self._groups)


class SummitGroup(TyperGroup):
    """The `summit` command group, through Typer's public API: both of its steps run as the command line. Its
    commands are declared on `commands` and built on demand (`OnDemand`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = OnDemand(commands, app)  # type: ignore[assignment]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        whole_descriptions(self, ctx)
        super().format_commands(ctx, formatter)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _as_the_command_line():  # `summit --help` is written here
            return super().make_context(*args, **kwargs)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, shell_named(args))

    def invoke(self, ctx: Any) -> Any:
        with _as_the_command_line():  # the command, its own help included
            return super().invoke(ctx)


app = typer.Typer(
    cls=SummitGroup,
    name="summit",
    help="Sourced briefings on summit diplomacy: meetings, outcomes, quotes and follow-ups.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,  # summit's own --show-completion [SHELL] and --install-completion [SHELL], in root()
)


class ExportGroup(TyperGroup):
    """`summit export`: its commands' descriptions whole in its help, as the root command's."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        whole_descriptions(self, ctx)
        super().format_commands(ctx, formatter)


commands = typer.Typer()  # every command and group under `summit`, built on demand by SummitGroup
export_app = typer.Typer(cls=ExportGroup, help="Export the dataset.", no_args_is_help=True)
commands.add_typer(export_app, name="export")


def _indexed() -> Any:
    """The dataset's index for completion, or None: completion never parses YAML, and offers nothing from the data
    until a command has run once on it (nor on any error: never a traceback in a shell). The data is $SUMMIT_DATA,
    else the bundled data: completion parses the command line without running the root callback."""
    try:
        from summitcli.datafiles import data_paths, find_files, read_files
        from summitcli.dataset import open_index

        return open_index(read_files(find_files(data_paths(None))))
    except Exception:
        return None


def values_in_data(list_name: str, field: str) -> Callable[[str], list[str]]:
    """A completion callback offering the values `field` takes in the records of `list_name` (from the index)."""

    def complete(incomplete: str) -> list[str]:
        indexed = _indexed()
        try:
            found = {str(getattr(r, field)) for r in getattr(indexed, list_name)} if indexed else set()
        except Exception:
            return []
        return sorted(v for v in found if v.startswith(incomplete))

    return complete


def complete_country(incomplete: str) -> list[tuple[str, str]]:
    """Country names for shell completion: the dataset's countries first, read from the index only (completion never
    parses YAML; with no index yet, ISO order), then its groupings, then every other ISO 3166 country. Never a
    traceback in a shell."""
    from summitcli.countries import _records, country_name, slug
    from summitcli.query import Query

    indexed = _indexed()
    query = Query(indexed) if indexed else None
    covered = {*query.countries, query.home} if query else set()
    prefix = incomplete.casefold()
    first: list[tuple[str, str]] = []
    groupings = [(g, query.parties.name(g)) for g in query.groupings_covered if g.startswith(prefix)] if query else []
    rest: list[tuple[str, str]] = []
    for record in _records():
        code = record["alpha_2"]
        name = slug(country_name(code))
        if name.startswith(prefix) or code.casefold().startswith(prefix):
            (first if code in covered else rest).append((name, country_name(code)))
    return first + groupings + rest  # the groupings that are parties (asean, apec) after the countries


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format; auto = table on a terminal, plain in a pipe.")
]
CountryArg = Annotated[
    str,
    typer.Argument(
        metavar="COUNTRY",
        help="Country: name in English or the home country's language, ISO code or slug (canada, CA, CAN, 캐나다).",
        autocompletion=complete_country,
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"summit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            "-d",
            metavar="<path>",
            help="Dataset file or directory (repeatable). Default: $SUMMIT_DATA, else the bundled data.",
            show_default=False,
        ),
    ] = None,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour in terminal output.")] = ColorMode.auto,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Parse the YAML; neither read nor write the index in the cache directory."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page. Else output taller than the terminal goes through $SUMMIT_PAGER, $PAGER or less -FRX.",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    install_completion: Annotated[
        str | None,
        completion_option(
            "--install-completion",
            "Install completion for SHELL (bash, zsh, fish, powershell, pwsh; default: the current shell).",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        completion_option(
            "--show-completion",
            "Print the completion script for SHELL (default: the current shell), to copy or customise.",
        ),
    ] = None,
) -> None:
    """Sourced briefings on summit diplomacy.

    Examples: summit brief canada · summit timeline --from 2025-10-30 · summit agreements nz --format json
    """
    if data is not None and "" in data:  # a script's unset variable: never the current directory
        raise UsageError("--data '': an empty path (expected a file or directory; leave --data out for the default)")
    paths = tuple(Path(p) for p in data or ())
    ctx.obj = Settings(data=paths, use_cache=not no_cache, display=Display(color=color, pager=not no_pager))


SourcesOpt = Annotated[
    bool, typer.Option("--sources", help="Print only the list of sources the rows cite (id and citation).")
]


complete_topic = values_in_data("topics", "id")


def fields_of(command: str, constant: str = "FIELDS") -> Callable[[str], list[str]]:
    """A completion callback offering a list command's record fields after the last comma of `--fields`."""

    def complete(incomplete: str) -> list[str]:
        from importlib import import_module

        names = getattr(import_module(f"summitcli.commands.{command}"), constant, [])
        done, _, last = incomplete.rpartition(",")
        prefix = f"{done}," if done else ""
        taken = set(done.split(","))
        return [prefix + name for name in names if name.startswith(last) and name not in taken]

    return complete


def fields_option(command: str, constant: str = "FIELDS") -> Any:
    return typer.Option(
        "--fields",
        metavar="A,B,...",
        help="Only these record fields, in this order, in every format (plain, tsv, csv, json, jsonl, table).",
        autocompletion=fields_of(command, constant),
        show_default=False,
    )


HeaderOpt = Annotated[bool, typer.Option("--header", help="Plain text starts with a header row of field names.")]
ListSourcesOpt = Annotated[
    bool, typer.Option("--sources", help="Instead of the rows, the sources they cite, whole (id and citation).")
]


def listed(ctx: typer.Context, fields: str | None, header: bool, sources: bool = False) -> Settings:
    """The root command's settings with a list command's --fields, --header and --sources."""
    from summitcli.output.selection import parse_fields

    settings: Settings = ctx.obj
    display = settings.display._replace(fields=parse_fields(fields), header=header)
    return settings._replace(display=display, sources_only=sources)


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The day that counts as today (default: the day it runs): what is overdue, and dates such as +30d. "
        "The data is not rewound: statuses are the latest recorded.",
    ),
]
DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, -7d, +30d or a weekday"
TopicOpt = Annotated[
    str | None, typer.Option("--topic", "-t", help="Only records on this topic.", autocompletion=complete_topic)
]
CountryFilter = Annotated[
    str | None,
    typer.Argument(
        metavar="[COUNTRY]",
        help="Only this country (default: all).",
        autocompletion=complete_country,
        show_default=False,
    ),
]


@commands.command()
def brief(
    ctx: typer.Context,
    country: CountryArg,
    fmt: FormatOpt = Format.auto,
    sources: SourcesOpt = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Every quote, fact and plan, not only those a reader needs first. "
            "Machine formats always have every record.",
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Say and mark what changed since this git revision or date (2025-11-10, -7d): see summit changes.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
) -> None:
    """Everything the dataset knows about one country: counterparts, meetings, outcomes, quotes, follow-ups, sources.

    COUNTRY may also be a grouping the data defines (ASEAN, APEC, the UN): its id, name or an alias. Outcomes with
    more parties than the two are listed apart, as multilateral.

    Example: summit brief canada; summit brief 뉴질랜드 --format json; summit brief nz --full; summit brief asean
    """
    from summitcli.commands import brief as command

    options = command.Options(country=country, full=full, as_of=as_of, since=since)
    command.brief(ctx.obj, options, fmt=fmt, show_sources=sources)


@commands.command()
def timeline(
    ctx: typer.Context,
    fmt: FormatOpt = Format.auto,
    date_from: Annotated[str | None, typer.Option("--from", help=f"First day: {DATE_FORMS}.")] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help=f"Last day: {DATE_FORMS} (a month or year: its last day).")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            help="Only events with this country.",
            autocompletion=complete_country,
        ),
    ] = None,
    topic: TopicOpt = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only this kind: bilateral, summit, dinner, ...",
            autocompletion=values_in_data("events", "kind"),
        ),
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Say under each event what its sources differ on.")] = False,
    fields: Annotated[str | None, fields_option("timeline", "FIELDS")] = None,
    header: HeaderOpt = False,
    sources: ListSourcesOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """Every meeting and event in date order, grouped by day.

    Example: summit timeline --from 2025-10-30 --to 2025-10-31 --kind bilateral
    """
    from summitcli.commands import timeline as command

    options = command.Options(
        start=date_from, end=date_to, country=country, topic=topic, kind=kind, full=full, as_of=as_of
    )
    command.timeline(listed(ctx, fields, header, sources), options, fmt=fmt)


@commands.command()
def agreements(
    ctx: typer.Context,
    country: CountryFilter = None,
    fmt: FormatOpt = Format.auto,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="signed, adopted, agreed, stalled, ...",
            autocompletion=values_in_data("outcomes", "status"),
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="mou, joint-statement, partnership, ...",
            autocompletion=values_in_data("outcomes", "kind"),
        ),
    ] = None,
    topic: TopicOpt = None,
    sources: SourcesOpt = False,
    fields: Annotated[str | None, fields_option("agreements", "FIELDS")] = None,
    header: HeaderOpt = False,
) -> None:
    """Outcomes per country: kind, status, date, parties and figures.

    Example: summit agreements nz; summit agreements --status signed --format csv
    """
    from summitcli.commands import agreements as command

    options = command.Options(country=country, status=status, kind=kind, topic=topic)
    command.agreements(listed(ctx, fields, header, sources), options, fmt=fmt, show_sources=sources)


@commands.command()
def countries(
    ctx: typer.Context,
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("countries")] = None,
    header: HeaderOpt = False,
) -> None:
    """Every country in the dataset with its counterparts, meeting dates and outcome count.

    Example: summit countries --format tsv
    """
    from summitcli.commands import countries as command

    command.countries(listed(ctx, fields, header, False), fmt=fmt)


@commands.command()
def home(ctx: typer.Context, fmt: FormatOpt = Format.auto, as_of: AsOfOpt = None) -> None:
    """The home country's own side: its events, outcomes, follow-ups, quotes, facts and plans that name no other
    country (what no brief shows).

    Example: summit home; summit home --format json
    """
    from summitcli.commands import home as command

    command.home(ctx.obj, fmt=fmt, as_of=as_of)


@commands.command()
def topics(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOPIC]", help="A topic id or name (default: list them all).", autocompletion=complete_topic
        ),
    ] = None,
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("topics", "LIST_FIELDS")] = None,
    header: HeaderOpt = False,
) -> None:
    """The topics with counts per record kind, or every meeting, outcome, follow-up, quote and fact under one.

    Example: summit topics; summit topics critical-minerals --format csv
    """
    from summitcli.commands import topics as command

    command.topics(listed(ctx, fields, header, False), command.Options(topic=topic), fmt=fmt)


@commands.command()
def followups(
    ctx: typer.Context,
    country: CountryFilter = None,
    fmt: FormatOpt = Format.auto,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="planned, in-progress, done, stalled or pending.",
            autocompletion=values_in_data("followups", "status"),
        ),
    ] = None,
    due_before: Annotated[
        str | None,
        typer.Option(
            "--due-before",
            help="Only commitments due before this date (2026-01-01, 2026-01, today, +30d, friday); "
            "a month counts as its whole month.",
        ),
    ] = None,
    fields: Annotated[str | None, fields_option("followups", "FIELDS")] = None,
    header: HeaderOpt = False,
    sources: ListSourcesOpt = False,
    due_within: Annotated[
        str | None,
        typer.Option("--due-within", help="Only commitments due from today to this many days ahead: 30d, 2w, 3m."),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only open commitments whose whole due period is past.")
    ] = False,
    as_of: AsOfOpt = None,
) -> None:
    """A tracker of commitments: what each came from, cadence, due date, status and the source of that status.

    Example: summit followups canada; summit followups --status stalled --format tsv
    """
    from summitcli.commands import followups as command

    options = command.Options(
        country=country, status=status, due_before=due_before, due_within=due_within, overdue=overdue, as_of=as_of
    )
    command.followups(listed(ctx, fields, header, sources), options, fmt=fmt)


@commands.command()
def quotes(
    ctx: typer.Context,
    country: CountryFilter = None,
    fmt: FormatOpt = Format.auto,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Part of the speaker's name, e.g. Albanese.")] = None,
    fields: Annotated[str | None, fields_option("quotes", "FIELDS")] = None,
    header: HeaderOpt = False,
    sources: ListSourcesOpt = False,
) -> None:
    """Attributed quotes with speaker, occasion, date and source.

    Example: summit quotes --speaker Albanese; summit quotes us --format jsonl
    """
    from summitcli.commands import quotes as command

    command.quotes(listed(ctx, fields, header, sources), command.Options(country=country, speaker=speaker), fmt=fmt)


@commands.command()
def people(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="Part of a name (default: everyone).", show_default=False)
    ] = None,
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("people", "FIELDS")] = None,
    header: HeaderOpt = False,
    sources: ListSourcesOpt = False,
) -> None:
    """Who's who: leaders, ministers and officials, their titles and the meetings they attended.

    Example: summit people; summit people carney --format json
    """
    from summitcli.commands import people as command

    command.people(listed(ctx, fields, header, sources), command.Options(name=name), fmt=fmt)


@commands.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        list[str], typer.Argument(metavar="TEXT...", help="Words to find; every word must occur in a record.")
    ],
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("search", "FIELDS")] = None,
    header: HeaderOpt = False,
    sources: ListSourcesOpt = False,
) -> None:
    """Full-text search over every text field, ranked; matches highlighted in a terminal. Open a hit with
    `summit show ID`.

    Example: summit search submarine; summit search rare earth --format tsv
    """
    from summitcli.commands import search as command

    command.search(listed(ctx, fields, header, sources), command.Options(text=tuple(text)), fmt=fmt)


@commands.command()
def sources(
    ctx: typer.Context,
    source_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="A source id: list every record that cites it.")
    ] = None,
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("sources", "FIELDS")] = None,
    header: HeaderOpt = False,
) -> None:
    """Every source with publication, date, address and confidence; with an id, the records citing it.

    Example: summit sources; summit sources asiae-post-summit
    """
    from summitcli.commands import sources as command

    command.sources(listed(ctx, fields, header, False), command.Options(source_id=source_id), fmt=fmt)


def complete_record_id(incomplete: str) -> list[str]:
    """Every record id the dataset's index has that starts with what was typed (never a traceback in a shell)."""
    indexed = _indexed()
    from summitcli.model import RECORD_LISTS

    try:
        found = {r.id for name in RECORD_LISTS for r in indexed.all(name)} if indexed else set()
    except Exception:
        return []
    return sorted(v for v in found if v.startswith(incomplete))


@commands.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A record's id, as `summit search` and the lists print it.",
            autocompletion=complete_record_id,
            show_default=False,
        ),
    ],
    fmt: FormatOpt = Format.auto,
) -> None:
    """Open any record by its id: an event, outcome, quote, fact, follow-up, plan, grouping, person or source.

    Example: summit search submarine; summit show trump-submarine-approval
    """
    from summitcli.commands import show as command

    command.show(ctx.obj, command.Options(record_id=record_id), fmt=fmt)


@commands.command()
def matrix(
    ctx: typer.Context,
    fmt: FormatOpt = Format.auto,
    fields: Annotated[str | None, fields_option("matrix")] = None,
    header: HeaderOpt = False,
) -> None:
    """A country-by-topic grid: how many records link each country to each topic.

    Example: summit matrix; summit matrix --format csv > matrix.csv
    """
    from summitcli.commands import matrix as command

    command.matrix(listed(ctx, fields, header, False), fmt=fmt)


@commands.command()
def changes(
    ctx: typer.Context,
    fmt: FormatOpt = Format.auto,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help=f"Compare with the dataset's files at this git revision (HEAD~3, a tag) or date ({DATE_FORMS}): "
            "the last commit on or before its last day.",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="REV", help="Compare with this revision or date instead of the files on disk."),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", metavar="PATH", help="Compare with another copy of a dataset (no git needed)."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", "-c", help="Only changes about this country.", autocompletion=complete_country),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only this record kind: outcome, followup, quote, fact, event, source, ..."),
    ] = None,
    fields: Annotated[str | None, fields_option("changes")] = None,
    header: HeaderOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """What changed between two versions of the dataset, record by record: added, removed, renamed, changed fields.

    Example: summit changes --since HEAD~3; summit changes --since -7d; summit changes --since 2025-11-10 -f jsonl
    """
    from summitcli.commands import changes as command
    from summitcli.dates import pinned_revision, read_day

    day = read_day(as_of, "--as-of")  # --since -7d counts from it
    since, until = pinned_revision(since, day), pinned_revision(until, day)
    options = command.Options(since=since, until=until, against=against, country=country, kind=kind)
    command.changes(listed(ctx, fields, header, False), options, fmt=fmt)


class ProblemFormat(str, Enum):
    """How `summit validate` reports problems (defined here: summitcli.problems loads only when there are some)."""

    text = "text"
    github = "github"
    json = "json"
    sarif = "sarif"
    junit = "junit"


@commands.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Files or directories (default: the data in use).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ProblemFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: problems on stderr, a summary when valid; github: Actions annotations; json: a list; "
            "sarif: a SARIF 2.1.0 log (code scanning); junit: JUnit XML (test reports).",
        ),
    ] = ProblemFormat.text,
) -> None:
    """Check a dataset and report every problem as FILE:LINE:COLUMN: FIELD: message.

    Example: summit validate my-summits/; summit validate --format sarif data/
    """
    from summitcli.commands import data as command

    command.validate(ctx.obj, command.ValidateOptions(paths=tuple(paths or ())), fmt=fmt.value)


@commands.command()
def schema() -> None:
    """Print the JSON Schema of a dataset file (for editors: yaml-language-server).

    Example: summit schema > summit-data.schema.json
    """
    from summitcli.commands.data import schema as run

    run()


def _not_the_data(ctx: typer.Context, output: Path | None) -> Path | None:
    """-o never names a file of the dataset being read, nor its index: refused as `cp` refuses the same file."""
    if output is not None:
        from summitcli.dataset import refuse_overwriting

        refuse_overwriting(output, ctx.obj.paths() if ctx.obj else None)
    return output


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="Write to PATH atomically (a temporary file renamed into place) instead of stdout.",
        show_default=False,
        callback=_not_the_data,
    ),
]
BookSince = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="REV",
        help="Each brief says and marks what changed since this git revision or date (2025-11-10, -7d, ...).",
    ),
]
BookCountries = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        help="Only this country (repeatable; default: every country).",
        autocompletion=complete_country,
        show_default=False,
    ),
]


@export_app.command("json")
def export_json(ctx: typer.Context, output: OutputOpt = None) -> None:
    """The whole dataset as one JSON document.

    Example: summit export json | jq '.events | length'
    """
    from summitcli.commands import data as command

    command.export_json(ctx.obj, output=output)


@export_app.command("ics")
def export_ics(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Option("--country", "-c", help="Only events with this country.", autocompletion=complete_country),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Every dated meeting and event as an RFC 5545 calendar; importing it again updates, never duplicates.

    Example: summit export ics --country canada -o canada.ics
    """
    from summitcli.commands import export as command

    command.ics(ctx.obj, command.IcsOptions(country=country), output=output)


@export_app.command("sqlite")
def export_sqlite(
    ctx: typer.Context,
    output: OutputOpt = None,
    metadata: Annotated[
        bool,
        typer.Option(
            "--metadata",
            help="Also write NAME.metadata.json beside the database (titles, descriptions, sources) for "
            "`datasette NAME.db --metadata NAME.metadata.json`; needs --output.",
        ),
    ] = False,
) -> None:
    """The dataset as SQLite tables with keys, indexes, full-text search and views, for SQL, Datasette and DuckDB.

    Example: summit export sqlite -o week.db && sqlite3 week.db 'SELECT id, status FROM outcomes'
    """
    from summitcli.commands import export_sqlite as command

    command.export_sqlite(ctx.obj, output=output, metadata=metadata)


@export_app.command("markdown")
def export_markdown(
    ctx: typer.Context,
    countries: BookCountries = None,
    output: OutputOpt = None,
    since: BookSince = None,
    as_of: AsOfOpt = None,
) -> None:
    """The briefing book in Markdown: contents, timeline, one section per country, agreements, follow-ups,
    the country-by-topic matrix and the sources.

    Example: summit export markdown -c canada -c nz -o book.md
    """
    from summitcli.commands import export as command

    options = command.BookOptions(countries=tuple(countries or ()), since=since, as_of=as_of)
    command.book(ctx.obj, options, fmt="markdown", output=output)


@export_app.command("html")
def export_html(
    ctx: typer.Context,
    countries: BookCountries = None,
    output: OutputOpt = None,
    since: BookSince = None,
    as_of: AsOfOpt = None,
) -> None:
    """The briefing book as one self-contained HTML file that reads well on screen and prints one country a page.

    Example: summit export html -o book.html
    """
    from summitcli.commands import export as command

    options = command.BookOptions(countries=tuple(countries or ()), since=since, as_of=as_of)
    command.book(ctx.obj, options, fmt="html", output=output)


@export_app.command("pdf")
def export_pdf(
    ctx: typer.Context, countries: BookCountries = None, output: OutputOpt = None, as_of: AsOfOpt = None
) -> None:
    """The briefing book as PDF, printed by headless Chromium: a contents page with page numbers, each country's
    brief followed by its own sources (needs Chromium; pdftotext from poppler-utils for the page numbers).

    Example: summit export pdf -o book.pdf
    """
    from summitcli.commands import export as command

    command.pdf(ctx.obj, command.BookOptions(countries=tuple(countries or ()), as_of=as_of), output=output)


def io_encoding_under_dash_e() -> None:
    """pipx starts `summit` as `python -E`, which ignores every PYTHON* variable: PYTHONIOENCODING
    (`encoding[:errors]`) is applied to stdout and stderr here as Python applies it at start-up, so that
    `PYTHONIOENCODING=ascii summit ...` means the same under pipx (README, Guarantees)."""
    import os

    value = os.environ.get("PYTHONIOENCODING") if sys.flags.ignore_environment else None
    if not value:
        return
    from contextlib import suppress

    encoding, _, errors = value.partition(":")
    for stream, stream_errors in ((sys.stdout, errors or "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(LookupError, ValueError, OSError):  # an encoding Python does not know: left as it was
                reconfigure(encoding=encoding or stream.encoding, errors=stream_errors)


def main() -> None:
    """Entry point. Typer prints usage errors (exit 2), SummitGroup summit's own (exit 1, 2, 3), entry.main
    handles Ctrl-C; a write that fails for any other reason than a closed pipe (a full disk) becomes one line
    and exit 1."""
    from summitcli.output.stream import escape_unencodable, fill_closed_descriptors

    fill_closed_descriptors()
    io_encoding_under_dash_e()
    escape_unencodable(sys.stdout)  # help text too: `PYTHONIOENCODING=ascii summit brief --help`
    try:
        app(prog_name="summit")
    except OSError as exc:
        print(f"summit: error: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(EXIT_DATA)
