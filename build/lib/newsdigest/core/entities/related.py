"""Related stories: for each story, the others sharing the most entities, newest first
on ties.

Counting shared entities story by story costs, for every story, the length of every
one of its entities' story lists: quadratic once an entity (a country, a government)
is in a good share of a large archive. Here each entity's stories are one bitset (a
Python int, bit i = the i-th newest story), and a story's shared-entity counts for all
others at once are a bit-sliced sum of its entities' bitsets: a few dozen big-integer
operations per story, each over n/64 machine words.
"""

from __future__ import annotations

from collections.abc import Sequence


def most_shared(entity_names: Sequence[Sequence[str]], limit: int) -> list[list[int]]:
    """For story i (stories ordered newest first), the indices of up to ``limit`` other
    stories sharing at least one entity: most shared entities first, then newest."""
    bitsets: dict[str, int] = {}
    for index, names in enumerate(entity_names):
        for name in set(names):
            bitsets[name] = bitsets.get(name, 0) | (1 << index)
    return [_best(index, set(names), bitsets, limit) for index, names in enumerate(entity_names)]


def _best(index: int, names: set[str], bitsets: dict[str, int], limit: int) -> list[int]:
    if not names or limit <= 0:
        return []
    planes: list[int] = []  # planes[b]: stories whose shared count has bit b set
    for name in names:
        carry = bitsets[name]
        for bit, plane in enumerate(planes):
            planes[bit], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    remaining = 0
    for plane in planes:
        remaining |= plane
    remaining &= ~(1 << index)
    chosen: list[int] = []
    while remaining and len(chosen) < limit:
        group = remaining  # narrowed to the stories with the highest count left
        for plane in reversed(planes):
            if group & plane:
                group &= plane
        remaining &= ~group
        while group and len(chosen) < limit:
            lowest = group & -group  # the newest story of the group
            chosen.append(lowest.bit_length() - 1)
            group ^= lowest
    return chosen
