"""Parties: a country (an ISO code) or a grouping (ASEAN, APEC, the UN: an id in `groupings`).

A record whose party is a grouping counts for each of the grouping's members; a grouping may count another
grouping among its members (ASEAN+3: ASEAN and three countries), and its members are those the sources name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summitcli import model

CODE = re.compile(r"[A-Z]{2}")
GROUPING_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def is_code(party: str) -> bool:
    """An ISO country code (capitals), as opposed to a grouping's id or a member's name."""
    return CODE.fullmatch(party) is not None


def is_grouping_id(party: str) -> bool:
    return GROUPING_ID.fullmatch(party) is not None


class Parties:
    """The dataset's groupings, and what a party stands for."""

    def __init__(self, groupings: Iterable[model.Grouping]) -> None:
        self.groupings = {g.id: g for g in groupings}

    def __bool__(self) -> bool:
        return bool(self.groupings)

    def members(self, gid: str, seen: frozenset[str] = frozenset()) -> list[str]:
        """Every member of the grouping `gid`, nested groupings expanded (a cycle is followed once): ISO codes
        and the names of members that are no country, in the data's order."""
        grouping = self.groupings.get(gid)
        if grouping is None or gid in seen:
            return []
        found: list[str] = []
        for member in grouping.members:
            inner = self.members(member, seen | {gid}) if member in self.groupings else [member]
            found += [m for m in inner if m not in found]
        return found

    def containing(self, party: str) -> list[str]:
        """The groupings that count `party` (a country or a grouping) among their members, nested ones too."""
        return [gid for gid in self.groupings if gid != party and party in self._all_members(gid)]

    def _all_members(self, gid: str, seen: frozenset[str] = frozenset()) -> set[str]:
        """The members of `gid` with the nested groupings themselves."""
        grouping = self.groupings.get(gid)
        if grouping is None or gid in seen:
            return set()
        found = set(grouping.members)
        for member in grouping.members:
            found |= self._all_members(member, seen | {gid})
        return found

    def expand(self, parties: Iterable[str]) -> set[str]:
        """The countries (and named members) a list of parties stands for: each grouping as its members."""
        found: set[str] = set()
        for party in parties:
            found |= set(self.members(party)) if party in self.groupings else {party}
        return found

    def involves(self, parties: Iterable[str], party: str) -> bool:
        """`party` is among `parties`, itself or as a member of one of them."""
        parties = list(parties)
        return party in parties or any(gid in parties for gid in self.containing(party))

    def resolve(self, name: str) -> str | None:
        """The grouping a user means by `name`: its id, name or an alias (case and spacing aside); None if none."""
        key = " ".join(name.casefold().replace("-", " ").split())
        for grouping in self.groupings.values():
            names = (grouping.id, grouping.name, *grouping.aliases)
            if key in {" ".join(n.casefold().replace("-", " ").split()) for n in names}:
                return grouping.id
        return None

    def name(self, party: str) -> str:
        """A party as a reader knows it: a grouping's name, else a country's."""
        from summitcli.countries import country_name

        grouping = self.groupings.get(party)
        return grouping.name if grouping else country_name(party)

    def own_name(self, party: str) -> str:
        """A party as the dataset names it: a member as a grouping of the dataset names it (APEC's `Hong Kong,
        China`, the first grouping that does), else `name` (a grouping's name, a country's ISO name)."""
        for grouping in self.groupings.values():
            if named := grouping.member_names.get(party):
                return named
        return self.name(party)

    def label(self, party: str) -> str:
        """A party where codes are shown (`CA`): a country's code, a grouping's name (`APEC`)."""
        grouping = self.groupings.get(party)
        return grouping.name if grouping else party

    def described(self, parties: list[str]) -> str:
        """Who a multilateral record binds, in a few words: `APEC (21 members)`, or `3 parties: …`."""
        groupings = [self.groupings[p] for p in parties if p in self.groupings]
        if len(parties) == 1 and groupings:
            count = groupings[0].member_count
            return groupings[0].name + (f" ({count} members)" if count else "")
        names = [self.name(p) for p in parties]
        return f"{len(parties)} parties: {', '.join(names)}"
