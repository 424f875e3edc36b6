"""Generate N synthetic raw wire stories (about 600 words each) for benchmarks.

Every story is written here from templates and word lists — datelines, people,
organizations, places, quotations, figures and junk trailers — so no text is copied.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = [
    "Anna",
    "Lars",
    "Mei",
    "Omar",
    "Priya",
    "Jonas",
    "Sofia",
    "Kwame",
    "Elena",
    "Tomas",
    "Ines",
    "Hugo",
    "Leila",
    "Marek",
    "Aino",
]
LAST = [
    "Lindqvist",
    "Okafor",
    "Tanaka",
    "Haddad",
    "Novak",
    "Ferreira",
    "Brandt",
    "Mensah",
    "Kowalski",
    "Ricci",
    "Dubois",
    "Halvorsen",
    "Nair",
    "Moreau",
    "Petrov",
]
ORGS = [
    "Nordic Rail Authority",
    "Coastal Energy Board",
    "Harbour Workers Union",
    "Institute for Water Studies",
    "Regional Health Agency",
    "Alpine Transport Council",
    "Baltic Fisheries Commission",
    "National Grid Operator",
    "City Housing Trust",
]
PLACES = [
    ("OSLO", "Norway"),
    ("LISBON", "Portugal"),
    ("TALLINN", "Estonia"),
    ("ACCRA", "Ghana"),
    ("LIMA", "Peru"),
    ("HANOI", "Vietnam"),
    ("NAIROBI", "Kenya"),
    ("QUITO", "Ecuador"),
    ("KRAKOW", "Poland"),
    ("PORTO", "Portugal"),
    ("GDANSK", "Poland"),
]
SECTIONS = ["world", "business", "science", "climate", "culture"]
TOPICS = [
    "a new tram line",
    "the harbour expansion",
    "a drought plan",
    "the wind farm",
    "a hospital merger",
    "the rail tunnel",
    "a fishing quota",
    "the school reform",
]
NUMBERS = [
    "about 500",
    "more than 3,000",
    "nearly 2 million",
    "29",
    "three",
    "12 million euros",
    "4.5%",
    "up to 800",
    "some 9 million",
    "a couple of hundred",
    "41",
    "210 million euros",
]
NOUNS = [
    "workers",
    "homes",
    "ships",
    "schools",
    "families",
    "stations",
    "trains",
    "farms",
    "member countries",
    "hectares",
    "jobs",
    "passengers",
]
VERBS = ["approved", "rejected", "delayed", "announced", "defended", "questioned", "expanded"]
QUOTES = [
    "We have waited long enough, and the people who live here deserve an answer.",
    "This is not the end of the debate, but it is the end of the delay.",
    "Nobody is against progress. We are against a plan that forgets the people.",
    "The numbers are clear, and we cannot pretend otherwise any longer.",
    "Every year we wait, the cost goes up and the trust goes down.",
    "We will keep working with everyone who wants this to succeed.",
]
JUNK = [
    "In Other News",
    "Load More",
    "Advertisement",
    "Share this article",
    "Read more",
    "Sign up for our daily newsletter",
    "___",
    "Copyright 2026 Example Wire. All rights reserved.",
]


def story(rng: random.Random, number: int) -> tuple[str, str]:
    city, country = rng.choice(PLACES)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org, org2 = rng.sample(ORGS, 2)
    topic = rng.choice(TOPICS)
    section = SECTIONS[number % len(SECTIONS)]
    day = 1 + number % 28
    paragraphs = [
        f"{city}, {country} (AP) — The {org} {rng.choice(VERBS)} {topic} on Monday, "
        f"{person}, the agency's director, said, after months of debate in {country.title()}.",
    ]
    for k in range(16):
        figure, noun = rng.choice(NUMBERS), rng.choice(NOUNS)
        kind = k % 4
        if kind == 0:
            paragraphs.append(
                f"“{rng.choice(QUOTES)}” {person.split()[-1]} told reporters in "
                f"{city.title()}. “{rng.choice(QUOTES)}”"
            )
        elif kind == 1:
            paragraphs.append(
                f"The plan covers {figure} {noun} across the region, according to "
                f"figures published by the {org2}, which has followed {topic} "
                f"since {2000 + rng.randint(0, 25)}."
            )
        elif kind == 2:
            paragraphs.append(
                f"{other}, who leads the {org2}, said the {org} had not shown how "
                f"{figure} {noun} would be affected. “{rng.choice(QUOTES)}” "
                f"{other.split()[-1]} said."
            )
        else:
            paragraphs.append(
                f"Officials in {city.title()} said the first phase would start in "
                f"{rng.choice(['spring', 'autumn', 'March', 'June'])} and that "
                f"{figure} {noun} were expected to benefit by the end of the "
                f"decade, although critics in {country} remain unconvinced and "
                f"plan to raise the matter again at the next council meeting."
            )
    body = "\n\n".join(paragraphs) + "\n\n" + "\n".join(rng.sample(JUNK, 3)) + "\n"
    return f"{section}/story-{number:05d}.txt", f"Date: 2026-11-{day:02d}\n\n{body}"


def generate(target: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` stories under ``target``; return the number of words written."""
    rng = random.Random(seed)
    words = 0
    for number in range(count):
        relative, text = story(rng, number)
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    words = generate(args.target, args.stories, args.seed)
    print(f"wrote {args.stories} stories ({words:,} words) to {args.target}")


if __name__ == "__main__":
    main()
