"""Related stories: the bitset count equals counting shared entities story by story."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.core.entities.related import most_shared

NAMES = st.sampled_from(["Oslo", "Nordic Council", "Kadri Välja", "Bergen", "UN", "Riga"])
STORIES = st.lists(st.lists(NAMES, max_size=5), max_size=40)


def by_counting(entity_names, limit):
    """The definition: most shared entities first, then the newest (lowest index)."""
    result = []
    for index, names in enumerate(entity_names):
        shared = [
            (len(set(names) & set(other)), n)
            for n, other in enumerate(entity_names)
            if n != index and set(names) & set(other)
        ]
        result.append([n for _, n in sorted(shared, key=lambda c: (-c[0], c[1]))[:limit]])
    return result


@settings(max_examples=300, deadline=None)
@given(STORIES, st.integers(min_value=0, max_value=5))
def test_matches_counting(entity_names, limit):
    assert most_shared(entity_names, limit) == by_counting(entity_names, limit)


def test_an_example():
    stories = [["Oslo", "UN"], ["Riga"], ["Oslo", "UN", "Bergen"], ["Oslo"], ["UN", "Oslo"]]
    assert most_shared(stories, 2) == [[2, 4], [], [0, 4], [0, 2], [0, 2]]
