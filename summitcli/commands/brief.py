"""`summit brief COUNTRY`: everything the dataset knows about the home country and one other."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, cited_sources, clock, label

COLUMNS = [
    Column("section", "Section", no_wrap=True),
    Column("date", "Date", no_wrap=True),
    Column("time", "Time"),
    Column("title", "Item", 5),
    Column("status", "Status"),
    Column("detail", "Detail", 8),
    Column("id", "Id"),
    Column("sources", "Sources"),
]


def _join(*parts: tuple[str, object]) -> str:
    return "; ".join(f"{label}: {value if value not in (None, '', []) else 'not reported'}" for label, value in parts)


def rows_for(q: Query, code: str) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows: list[dict[str, Any]] = []

    def add(
        section: str,
        record: Any,
        title: str,
        *,
        date: Any = None,
        time: str | None = None,
        status: str | None = None,
        detail: str | None = None,
        sources: list[str] | None = None,
    ) -> None:
        rows.append(
            {
                "country": code,
                "section": section,
                "date": date.isoformat() if date else None,
                "time": time,
                "title": title,
                "status": status,
                "detail": detail,
                "id": record.id,
                "sources": list(sources if sources is not None else record.sources),
            }
        )

    for person in q.counterparts(code):
        add("counterpart", person, person.name, detail=_join(("title", person.title), ("country", country_name(code))))
    for event in q.country_events(code):
        length = f"{event.duration_minutes} minutes" if event.duration_minutes else event.duration_note
        detail = _join(
            ("venue", event.venue), ("city", event.city), ("length", length), ("atmosphere", event.atmosphere)
        )
        if event.summary:
            detail += f"; summary: {event.summary}"
        for dispute in event.disputes:
            detail += f"; sources differ on {dispute.field}: {dispute.note}"
        add("meeting", event, event.title, date=event.date, time=clock(event), status=event.kind, detail=detail)
    for outcome in sorted(q.with_country("outcomes", code), key=lambda o: (o.kind, o.id)):
        figures = "; ".join(f"{f.label}: {f.value}" for f in outcome.figures)
        detail = _join(("kind", outcome.kind), ("figures", figures or None))
        if outcome.summary:
            detail += f"; summary: {outcome.summary}"
        add("outcome", outcome, outcome.title, date=outcome.date, status=outcome.status, detail=detail)
    for quote in q.with_country("quotes", code):
        add("quote", quote, q.person_name(quote.speaker), date=quote.date, detail=f"“{quote.text}”")
    for fact in q.with_country("facts", code):
        add("context", fact, fact.text)
    for followup in q.with_country("followups", code):
        due = followup.due.isoformat() if followup.due else followup.due_note
        detail = _join(("cadence", followup.cadence), ("due", due), ("from", label(q.record(followup.origin))))
        add(
            "follow-up",
            followup,
            followup.title,
            date=followup.status_date,
            status=followup.status,
            detail=detail,
            sources=cited_sources(followup),
        )
    for plan in q.with_country("plans", code):
        add(
            "plan",
            plan,
            plan.planned,
            date=plan.planned_date,
            status="changed" if plan.changed else "as planned",
            detail=f"what happened: {plan.actual}",
            sources=cited_sources(plan),
        )
    cited = list(dict.fromkeys(ref for row in rows for ref in row["sources"]))
    for sid in cited:
        source = q.sources[sid]
        title = source.publication or "publication not reported"
        add(
            "source",
            source,
            title,
            date=source.date,
            status=source.confidence,
            detail=f"{source.title or 'title not reported'}; {source.url or source.file or 'no address'}",
            sources=[sid],
        )
    return rows


def brief(country: str, fmt: Format, show_sources: bool = False) -> None:
    from summitcli.countries import country_name

    q = load_query()
    code = q.resolve_country(country)
    rows = rows_for(q, code)
    if show_sources:
        from summitcli.commands.sources import emit_cited

        emit_cited(q, [r for r in rows if r["section"] != "source"], fmt)
        return
    leaders = ", ".join(f"{p.name} ({p.title or 'title not reported'})" for p in q.counterparts(code)) or "not reported"
    view = View(
        title=f"{country_name(q.home)} – {country_name(code)} briefing · counterparts: {leaders}",
        group_by="section",
        hidden=("country", "id", "sources"),
        sources=q.citations(),
    )
    emit(rows, [Column("country", "Country"), *COLUMNS], fmt, view)
