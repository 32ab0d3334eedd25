"""Write a synthetic summit dataset of N meetings, valid under the schema, for benchmarks.

    python tests/benchmarks/make_dataset.py N OUT [--seed S]

Ten years of one government's diplomacy with about 200 countries, split as a user would keep it: one file per
year (its meetings, outcomes, quotes, facts, follow-ups and the sources they cite) and a file of people and
topics. Per meeting, on average: 1 outcome, 0.5 quotes, 0.3 follow-ups, 0.2 facts, 0.6 new sources; a quarter of
the meetings have a reported time. Deterministic for a given N and seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from summitcli.countries import _records

HOME = "KR"
YEARS = range(2016, 2026)
TOPICS = [
    "critical-minerals", "defence", "shipbuilding", "nuclear", "trade", "investment", "energy", "ai",
    "transnational-crime", "culture", "finance", "north-korea", "demographics", "economic-security",
    "agriculture", "digital", "diplomacy",
]  # fmt: skip
KINDS = ["bilateral"] * 6 + ["summit", "ministerial", "dinner", "business"]
OUTCOME_KINDS = ["joint-statement", "agreement", "partnership", "mou", "initiative", "commitment", "announcement"]
OUTCOME_STATUS = ["signed", "adopted", "agreed", "established", "announced", "under-negotiation", "stalled"]
FOLLOWUP_STATUS = ["planned", "in-progress", "done", "stalled", "pending"]
CITIES = ["Seoul", "Busan", "Gyeongju", "Incheon", "Jeju", "Washington", "Tokyo", "Beijing", "Jakarta", "Canberra"]
ZONES = ["Asia/Seoul", "Asia/Tokyo", "Asia/Jakarta", "Europe/Paris", "America/New_York", "Australia/Sydney"]
WORDS = str.split(
    "cooperation partnership security supply chains minerals energy transition trade investment shipbuilding "
    "semiconductors culture exchange students visas climate finance currency swap infrastructure ports railways "
    "fisheries agriculture health vaccines cyber space maritime defence industry technology innovation"
)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of meetings")
    parser.add_argument("out", type=Path, help="directory to write (created)")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    countries = [r["alpha_2"] for r in _records() if r["alpha_2"] not in (HOME, "KP")][:200]
    args.out.mkdir(parents=True, exist_ok=True)

    leaders = {c: f"leader-{c.lower()}" for c in countries}
    with (args.out / "people.yaml").open("w", encoding="utf-8") as fh:
        fh.write(f"meta: {{title: {q(f'Synthetic diplomacy, {args.n} meetings')}, home: {HOME}}}\n")
        fh.write("sources:\n  - {id: registry, publication: Synthetic registry, confidence: H}\n")
        fh.write("topics:\n" + "".join(f"  - {{id: {t}, name: {q(t.replace('-', ' ').title())}}}\n" for t in TOPICS))
        fh.write("people:\n  - {id: home-leader, name: Home Leader, title: President, country: KR, ")
        fh.write("sources: [registry], confidence: H}\n")
        for code, pid in leaders.items():
            fh.write(f"  - {{id: {pid}, name: {q('Leader of ' + code)}, title: Head of government, country: {code}, ")
            fh.write("sources: [registry], confidence: H}\n")

    per_year = [args.n // len(YEARS) + (1 if i < args.n % len(YEARS) else 0) for i in range(len(YEARS))]
    serial = 0
    for year, count in zip(YEARS, per_year, strict=True):
        lines: dict[str, list[str]] = {k: [] for k in ("sources", "events", "outcomes", "quotes", "facts", "followups")}
        source_ids: list[str] = []
        for _ in range(count):
            serial += 1
            code = rng.choice(countries)
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            if not source_ids or rng.random() < 0.6:
                sid = f"src-{serial}"
                source_ids.append(sid)
                url = f"https://news.example/{year}/{serial}"
                lines["sources"].append(
                    f"  - {{id: {sid}, publication: {q(rng.choice(WORDS).title() + ' Daily')}, "
                    f"title: {q(sentence(rng, 6))}, date: {day}, url: {q(url)}, confidence: {rng.choice('HHM')}}}"
                )
            refs = "[" + ", ".join(sorted({rng.choice(source_ids[-50:]) for _ in range(rng.randint(1, 2))})) + "]"
            topics = "[" + ", ".join(sorted(set(rng.sample(TOPICS, rng.randint(1, 3))))) + "]"
            eid = f"m{serial}"
            timed = ""
            if rng.random() < 0.25:
                timed = f', start: "{rng.randint(8, 19):02d}:{rng.choice(["00", "30"])}", tz: {rng.choice(ZONES)}'
            lines["events"].append(
                f"  - {{id: {eid}, kind: {rng.choice(KINDS)}, title: {q(f'Korea-{code} meeting {serial}')}, "
                f"date: {day}{timed}, city: {rng.choice(CITIES)}, parties: [{HOME}, {code}], "
                f"participants: [home-leader, {leaders[code]}], topics: {topics}, "
                f"summary: {q(sentence(rng, 14))}, sources: {refs}, confidence: H}}"
            )
            for k in range(rng.choice((0, 1, 1, 2))):
                oid = f"o{serial}-{k}"
                figure = ""
                if rng.random() < 0.3:
                    amount = rng.randint(1, 500) * 10**8
                    figure = f", figures: [{{label: Value, value: {q(f'${amount:,}')}, amount: {amount}, unit: USD}}]"
                lines["outcomes"].append(
                    f"  - {{id: {oid}, kind: {rng.choice(OUTCOME_KINDS)}, title: {q(sentence(rng, 5))}, "
                    f"status: {rng.choice(OUTCOME_STATUS)}, date: {day}, event: {eid}, parties: [{HOME}, {code}], "
                    f"topics: {topics}{figure}, sources: {refs}, confidence: H}}"
                )
                if rng.random() < 0.3:
                    due = f", due: {day + dt.timedelta(days=rng.randrange(30, 700))}" if rng.random() < 0.5 else ""
                    lines["followups"].append(
                        f"  - {{id: f{oid}, title: {q(sentence(rng, 5))}, origin: {oid}, parties: [{HOME}, {code}], "
                        f"cadence: {rng.choice(['once', 'annual', 'biennial'])}{due}, "
                        f"status: {rng.choice(FOLLOWUP_STATUS)}, topics: {topics}, sources: {refs}, confidence: M}}"
                    )
            if rng.random() < 0.5:
                speaker = rng.choice(["home-leader", leaders[code]])
                lines["quotes"].append(
                    f"  - {{id: q{serial}, speaker: {speaker}, text: {q(sentence(rng, 12))}, date: {day}, "
                    f"event: {eid}, countries: [{code}], topics: {topics}, sources: {refs}, confidence: H}}"
                )
            if rng.random() < 0.2:
                lines["facts"].append(
                    f"  - {{id: c{serial}, text: {q(sentence(rng, 10))}, countries: [{code}], topics: {topics}, "
                    f"sources: {refs}, confidence: M}}"
                )
        with (args.out / f"{year}.yaml").open("w", encoding="utf-8") as fh:
            for key, items in lines.items():
                if items:
                    fh.write(f"{key}:\n" + "\n".join(items) + "\n")
    size = sum(p.stat().st_size for p in args.out.glob("*.yaml"))
    print(f"{args.n} meetings in {len(YEARS) + 1} files, {size / 1e6:.1f} MB: {args.out}")


if __name__ == "__main__":
    main()
