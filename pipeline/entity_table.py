"""The entity table of one article: mentions grouped into entities, named and titled.

Works on plain `Mention`s made from the corrected entity spans, so the grouping rules can be
read (and tested) without the model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from .entity_titles import find_titles, title_head
from .lexicon import given_name_key
from .read import Article
from .span_index import SpanIndex

#: Labels whose short forms join a longer name ("Kirby" → "John Kirby"). Not places: "Korea"
#: may be the peninsula, North or South.
SHORT_FORM_LABELS = frozenset({"PERSON", "NORP", "ORG"})
TITLED_LABELS = frozenset({"PERSON", "ORG"})
#: Labels of places. The model also gives them to companies it does not know, so a one-word
#: "place" may still be a company's short name (`merge_into_organisation`).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions whose object is a place when it is a name ("in Meravin", "near Kursk"); not
#: "at", which as often names an employer ("a manager at Parvel").
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across"})
ACRONYM = re.compile(r"(?:[A-Z0-9]\.?){2,8}")
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des"})
POSSESSIVE = re.compile(r"[’']s?$")
PLACE_SUFFIXES = ("region", "oblast", "province")
#: Lower-case words inside a place's name in title case ("Rio de Janeiro", "Frankfurt am Main").
PLACE_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "el", "of", "am"})
#: The shortest place in capitals written in title case: "ROME" is Rome, "UAE" an acronym.
MIN_CAPS_PLACE = 4
#: How many words of four letters or more a first sentence needs before its capitals make it
#: a headline in title case rather than a short line of names.
TITLE_CASE_WORDS = 4
#: The most words a first line has to be read as a headline.
HEADLINE_WORDS = 25
#: The last characters of a line that ends a sentence rather than a headline, before any
#: closing quotation mark (a headline may end in a quoted word: "… side were ‘robbed’").
SENTENCE_END = frozenset(".!?:;")
CLOSING_MARKS = "\"”’'"
#: Endings that make a people of a country's name ("Ostrel" → "Ostrelian").
DEMONYM_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish")


@dataclass(frozen=True)
class TableRules:
    """The lexicons the table needs (a part of the stage's `EntityRules`)."""

    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    #: Common first names, lower case, for `is_person_name`.
    first_names: frozenset[str] = frozenset()
    #: Lower-case English words (the model's lemmatizer tables), for `is_person_name`.
    english_words: frozenset[str] = frozenset()
    #: Last words of organisations' names (`models/organisation_heads.txt`).
    organisation_heads: frozenset[str] = frozenset()
    #: Last words of companies' names that no place's name is short for
    #: (`models/company_suffixes.txt`).
    company_suffixes: frozenset[str] = frozenset()
    #: Last words of natural places' names (`models/place_heads.txt`).
    place_heads: frozenset[str] = frozenset()
    #: Head words of a person's titles (`entity_titles.txt`, `person_roles.txt`) and of an
    #: organisation's (`organisation_roles.tsv`), which settle a label the model got wrong.
    person_roles: frozenset[str] = frozenset()
    organisation_roles: frozenset[str] = frozenset()


@dataclass
class Mention:
    text: str
    start: int
    end: int
    label: str
    span: Span | None = None
    titles: list[str] = field(default_factory=list)
    #: In a title-case headline: it neither votes on the label nor comes first in the story.
    headline: bool = False
    #: In a headline on a line of its own: it does not come first in the story.
    on_headline_line: bool = False
    #: The place of a dateline ("MERAVIN, Valdenia (Reuters) -").
    dateline: bool = False

    @property
    def key(self) -> str:
        return name_key(self.text)


def name_key(text: str) -> str:
    """Comparison form of a name: case, periods, apostrophes and spacing ignored."""
    text = text.replace("’", "'").replace(".", "")
    return " ".join(text.casefold().split())


def make_mention(span: Span, rules: TableRules) -> Mention | None:
    """The proper-name part of an entity span: no leading role word or honorific, no
    possessive ending. A role word ("General") becomes a title; an honorific ("Mr.") does not."""
    label = span.label_  # a slice of a span has no label
    if label != "PERSON" and is_titled_person(span, rules):
        label = "PERSON"
    titles = []
    while (
        label == "PERSON"
        and len(span) > 1
        and (span[0].lower_ in rules.titles or span[0].lower_ in rules.honorifics)
    ):
        if span[0].lower_ in rules.titles:
            titles.append(span[0].text)
        span = span[1:]
    if label == "PERSON":
        span = span[first_name_index(span, rules) :]
    text, start = span.text, span.start_char
    possessive = POSSESSIVE.search(text)
    if possessive and len(text) > len(possessive.group()):
        text = text[: possessive.start()]
    if not text.strip():
        return None
    alias = rules.aliases.get(name_key(text))
    return Mention(text, start, start + len(text), alias[1] if alias else label, span, titles)


def is_titled_person(span: Span, rules: TableRules) -> bool:
    """ "Cllr Priya Varma", "Gov. Ana Ruiz" tagged as an organisation: a title or honorific
    before a person's name (a common first name and a surname that is no English word)."""
    first = span[0].lower_
    return (
        len(span) > 2
        and (first in rules.titles or first in rules.honorifics)
        and is_person_name(span[1:].text, rules)
    )


def first_name_index(span: Span, rules: TableRules) -> int:
    """Where a person's name starts after English words the model took in ("former Miss
    Universe Alicia Vale" → "Alicia Vale"): at a common first name followed by a surname,
    after words that are all English words; else at the start."""
    if len(span) > 1 and is_opening_gerund(span[0], rules):
        return 1  # "Injecting Vale's troubles into …": tagged a name, read as one
    for index, token in enumerate(span[:-1]):
        if token.lower_ in rules.first_names:
            return index  # "Martin Luther King" keeps "Martin"
        if not (token.is_alpha and is_english_word(token.lower_, rules.english_words)):
            return 0
    return 0


def is_opening_gerund(token: Token, rules: TableRules) -> bool:
    """A capitalised "-ing" form of an English verb that opens its sentence."""
    stem = token.lower_.removesuffix("ing")
    return (
        token.is_sent_start
        and stem != token.lower_
        and any(form in rules.english_words for form in (stem, stem + "e"))
    )


def cluster_mentions(
    mentions: list[Mention], rules: TableRules, acronyms: dict[str, str] | None = None
) -> list[list[Mention]]:
    """Group mentions into entities, ordered by first mention.

    `acronyms` maps an acronym's key to the key of the name it was defined for in the text
    ("World Health Organization (WHO)").
    """
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(cluster_key(mention, rules), []).append(mention)
    merge_defined_acronyms(groups, acronyms or {})
    label_by_last_word(groups, rules)
    label_people(groups, rules)
    merge_plurals(groups)
    merge_short_forms(groups, rules)
    merge_acronyms(groups)
    label_people(groups, rules)
    label_countries(groups)
    clusters = [sorted(group, key=lambda m: m.start) for group in groups.values()]
    return sorted(clusters, key=lambda cluster: cluster[0].start)


def cluster_key(mention: Mention, rules: TableRules) -> str:
    """The key that identical names share: the alias's canonical name, and a place without
    its "region"/"oblast"/"province" ("Kursk region" and "Kursk")."""
    alias = rules.aliases.get(mention.key)
    if alias:
        return name_key(alias[0])
    if mention.label in {"GPE", "LOC"}:
        *words, last = mention.key.split()
        if words and last in PLACE_SUFFIXES:
            return " ".join(words)
    return mention.key


def cluster_label(cluster: list[Mention]) -> str:
    """The most frequent label; a tie goes to the label of the longest name. A headline's
    mentions vote only when there are no others."""
    cluster = [m for m in cluster if not m.headline] or cluster
    counts = Counter(m.label for m in cluster)
    longest = max(cluster, key=lambda m: len(m.text)).label
    return max(counts, key=lambda label: (counts[label], label == longest))


def label_by_last_word(groups: dict[str, list[Mention]], rules: TableRules) -> None:
    """Every mention of a name that ends with an organisation's capitalised word ("Harwick
    Gazette", "Tarnow City Council") is an ORG, and one that ends with a natural place's
    ("Ostrava Gorge", "Pell Creek") a LOC: the model may label such a name a person, a
    building, an event or a work. Places keep their label ("Soviet Union"), as does a name
    whose last word follows a function word ("State of the Union"); `label_people` runs
    after, so "Emily Post" stays a person."""
    for mentions in groups.values():
        if cluster_label(mentions) in {"GPE", "LOC"}:
            continue
        *words, last = max(mentions, key=lambda m: len(m.text)).text.split()
        if not words or not last[0].isupper() or words[-1].lower() in FUNCTION_WORDS:
            continue
        if last.lower() in rules.organisation_heads:
            label = "ORG"
        elif last.lower() in rules.place_heads and cluster_label(mentions) != "FAC":
            label = "LOC"
        else:
            continue
        for mention in mentions:
            mention.label = label


def label_people(groups: dict[str, list[Mention]], rules: TableRules) -> None:
    """Every mention of a name that `is_person_name` reads as a person's is a PERSON: the
    model may label "Ava Okonkwo" or a surname alone ("Okonkwo" after "Jon Okonkwo") as an
    organisation or a place."""
    for mentions in groups.values():
        if is_person_name(max(mentions, key=lambda m: len(m.text)).text, rules):
            for mention in mentions:
                mention.label = "PERSON"


def label_countries(groups: dict[str, list[Mention]]) -> None:
    """A one-word name (of four letters or more) whose people the article names is a
    country, whatever the model called it: "Ostrel" beside "Ostrelian", "Tervania" beside
    "Tervanian"."""
    peoples = {key for key, mentions in groups.items() if cluster_label(mentions) == "NORP"}
    for key, mentions in groups.items():
        if " " in key or len(key) < 4 or cluster_label(mentions) in {"GPE", "NORP"}:
            continue
        if any(is_demonym(people, key) for people in peoples):
            for mention in mentions:
                mention.label = "GPE"


def is_demonym(people: str, place: str) -> bool:
    """ "ostrelian" of "ostrel", "tervanian" of "tervania", "qarsani" of "qarsan"."""
    stems = (place, place[:-1]) if place[-1] in "aeiouy" else (place,)
    return any(people == stem + suffix for stem in stems for suffix in DEMONYM_SUFFIXES)


def is_person_name(name: str, rules: TableRules) -> bool:
    """A common first name and one or two capitalised words that are no English word ("Jon
    Okonkwo", not "Grace Church", "Rose Garden" or "Victoria Station")."""
    first, *rest = name.split()
    return (
        bool(rules.english_words)
        and 1 <= len(rest) <= 2
        and given_name_key(first) in rules.first_names
        and all(word.isalpha() and word[0].isupper() for word in (first, *rest))
        and not any(is_english_word(word.lower(), rules.english_words) for word in rest)
    )


def is_english_word(word: str, words: frozenset[str]) -> bool:
    """The word or its singular ("springs", "resources") is in `words`."""
    return any(form in words for form in (word, word.removesuffix("s"), word.removesuffix("es")))


def merge_into(groups: dict[str, list[Mention]], source: str, target: str) -> None:
    groups[target].extend(groups.pop(source))


def merge_defined_acronyms(groups: dict[str, list[Mention]], acronyms: dict[str, str]) -> None:
    for acronym, name in acronyms.items():
        if acronym in groups and name in groups and acronym != name:
            merge_into(groups, acronym, name)


def merge_plurals(groups: dict[str, list[Mention]]) -> None:
    """ "North Koreans" and "North Korean" are one NORP entity."""
    for key in sorted(groups):
        if key in groups and cluster_label(groups[key]) == "NORP":
            singular = key.removesuffix("s")
            if singular != key and singular in groups:
                merge_into(groups, singular, key)


def merge_short_forms(groups: dict[str, list[Mention]], rules: TableRules) -> None:
    """A name that starts or ends exactly one longer name of its kind joins it ("Kirby").

    The surname of a person joins whatever label the model gave it ("Haverford" tagged GPE
    after "Tom Haverford"), when it comes after the full name. When the full name starts with
    a common first name the surname is a PERSON from then on: a surname the model mislabelled
    often would otherwise outvote the full name ("Trump" as an ORG). A one-word "person" or
    "place" with no such name may be an organisation's short name (`merge_into_organisation`).
    """
    extensions = names_by_ends(groups)
    for key in sorted(groups, key=len):
        if key not in groups:
            continue
        label = cluster_label(groups[key])
        in_story = [m for m in groups[key] if not (m.headline or m.on_headline_line)]
        first = min(m.start for m in in_story or groups[key])
        candidates = [o for o in extensions.get(tuple(key.split()), []) if o in groups]
        longer = [
            other
            for other in candidates
            if is_short_form(key, other)
            and (
                (label in SHORT_FORM_LABELS and cluster_label(groups[other]) == label)
                or (
                    cluster_label(groups[other]) == "PERSON"
                    and min(m.start for m in groups[other]) < first
                )
            )
        ]
        if len(longer) > 1 and label == "PERSON":
            longer = [  # the surname of a person named in full before it
                other
                for other in longer
                if other.endswith(" " + key) and min(m.start for m in groups[other]) < first
            ]
        if len(longer) == 1:
            first_name = longer[0].split()[0]
            if cluster_label(groups[longer[0]]) == "PERSON" and first_name in rules.first_names:
                for mention in groups[key]:
                    mention.label = "PERSON"
            merge_into(groups, key, longer[0])
        elif not longer and label in {"PERSON", *PLACE_LABELS} and len(candidates) == 1:
            merge_into_organisation(groups, key, candidates[0], rules)


def merge_into_organisation(
    groups: dict[str, list[Mention]], word: str, name: str, rules: TableRules
) -> None:
    """One word the model took for a person that starts the one longer name, an
    organisation's, is that organisation ("Stellic" for "Stellic Systems", "Fox" for "Fox
    News"), and so are more words that it ends with organisation words ("Harlow Civil" for
    "Harlow Civil Ltd"); so is one it took for a place when the rest of the name is a
    company's suffix ("Parvel" for "Parvel Systems"). Not when the text uses it as a place
    ("Meravin" of "Meravin General Hospital", where a dateline names the town and the
    fighting is "in Meravin")."""
    if not name.startswith(word + " ") or cluster_label(groups[name]) != "ORG":
        return
    rest = set(name[len(word) :].split())
    if " " in word and not rest <= rules.organisation_heads:
        return
    if cluster_label(groups[word]) in PLACE_LABELS and not rest <= rules.company_suffixes:
        return  # "Washington" is not short for "Washington Post"
    if any(is_used_as_place(mention) for mention in groups[word]):
        return
    for mention in groups[word]:
        mention.label = "ORG"
    merge_into(groups, word, name)


def is_used_as_place(mention: Mention) -> bool:
    """A dateline's place, or the object of "in", "near" or the like ("fighting in
    Meravin"). The model's place label is no evidence: it gives one to many a company it
    does not know ("Parvel said")."""
    if mention.dateline:
        return True
    root = mention.span.root if mention.span is not None else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def names_by_ends(groups: dict[str, list[Mention]]) -> dict[tuple[str, ...], list[str]]:
    """Each name under every run of its words that starts or ends it ("Matthew", "Miller",
    "Matthew Miller" for "Matthew Miller"): the longer names a short form may stand for,
    found without comparing every name with every other."""
    by_ends: dict[tuple[str, ...], list[str]] = {}
    for key in groups:
        words = tuple(key.split())
        ends = {words[:n] for n in range(1, len(words))} | {words[n:] for n in range(1, len(words))}
        for end in ends:
            by_ends.setdefault(end, []).append(key)
    return by_ends


def is_short_form(short: str, long: str) -> bool:
    words, long_words = short.split(), long.split()
    if len(long_words) <= len(words):
        return False
    return long_words[: len(words)] == words or long_words[-len(words) :] == words


def merge_acronyms(groups: dict[str, list[Mention]]) -> None:
    """An upper-case acronym joins the one ORG or GPE name whose initials it spells ("NIS")."""
    for key in list(groups):
        if not all(ACRONYM.fullmatch(m.text) for m in groups[key]):
            continue
        letters = key.replace(" ", "")
        expansions = [
            other
            for other in groups
            if other != key
            and cluster_label(groups[other]) in {"ORG", "GPE"}
            and initials(other) == letters
        ]
        if len(expansions) == 1:
            merge_into(groups, key, expansions[0])


def initials(key: str) -> str:
    words = key.replace("-", " ").split()
    return "".join(word[0] for word in words if word not in FUNCTION_WORDS)


def surname_mentions(
    clusters: list[list[Mention]], doc: Doc, text: str, covered: list[tuple[int, int]]
) -> list[Mention]:
    """Bare surnames the model did not tag ("Raman said"), for people whose surname no other
    person in the article shares."""
    surnames: dict[str, list[list[Mention]]] = {}
    for cluster in clusters:
        name = max(cluster, key=lambda m: len(m.text)).text.split()
        if cluster_label(cluster) == "PERSON" and len(name) > 1:
            surnames.setdefault(name[-1], []).append(cluster)
    owner_of = {surname: owners[0] for surname, owners in surnames.items() if len(owners) == 1}
    if not owner_of:
        return []
    found = []
    taken = SpanIndex((start, end, None) for start, end in covered)
    alternatives = "|".join(re.escape(surname) for surname in owner_of)
    for match in re.finditer(rf"\b(?:{alternatives})\b", text):
        start, end = match.span()
        span = doc.char_span(start, end, label="PERSON")
        if span is not None and not taken.overlapping(start, end):
            found.append(Mention(match.group(), start, end, "PERSON", span))
            owner_of[match.group()].append(found[-1])
    for cluster in clusters:
        cluster.sort(key=lambda m: m.start)
    return found


def repeated_names(
    clusters: list[list[Mention]], doc: Doc, text: str, covered: list[tuple[int, int]], after: int
) -> list[Mention]:
    """Names the model tagged once and missed elsewhere ("Politifact did a fact-check …
    Politifact then pointed out …"): another occurrence of a mention's exact words, after
    `after` (the headline), is a mention too, where the words stand alone as proper nouns
    (`stands_alone`) and the name belongs to one entity only."""
    owners: dict[str, list[list[Mention]]] = {}
    for cluster in clusters:
        for name in {m.text for m in cluster}:
            owners.setdefault(name, []).append(cluster)
    tagged = Counter(m.text for cluster in clusters for m in cluster)
    owner_of = {
        name: found[0]
        for name, found in owners.items()
        if len(found) == 1 and text.count(name) > tagged[name]  # else no occurrence is new
    }
    if not owner_of:
        return []
    taken = SpanIndex(
        [(start, end, None) for start, end in covered]
        + [(m.start, m.end, None) for cluster in clusters for m in cluster]
    )
    found: list[Mention] = []
    for name in sorted(owner_of, key=len, reverse=True):  # a longer name first
        for start, end in word_occurrences(text, name, after):
            if taken.overlapping(start, end) or any(m.start < end and start < m.end for m in found):
                continue
            span = doc.char_span(start, end)
            if span is not None and stands_alone(span):
                cluster = owner_of[name]
                found.append(Mention(name, start, end, cluster_label(cluster), span))
                cluster.append(found[-1])
    for cluster in clusters:
        cluster.sort(key=lambda m: m.start)
    return found


def stands_alone(span: Span) -> bool:
    """Whether the tagger read the words as proper nouns, and no proper noun runs on
    before or after them ("Trump" in an untagged "Ivanka Trump")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return all(t.pos_ == "PROPN" for t in span) and not any(
        t is not None and t.pos_ == "PROPN" for t in (before, after)
    )


def word_occurrences(text: str, words: str, after: int) -> Iterator[tuple[int, int]]:
    """Where `words` stand in `text` from `after` on, not inside a longer word. (Plain
    searches: a regular expression of each article's names costs its compilation.)"""
    start = text.find(words, after)
    while start >= 0:
        end = start + len(words)
        if not (is_word_char(text, start - 1) or is_word_char(text, end)):
            yield start, end
        start = text.find(words, start + 1)


def is_word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def canonical_name(cluster: list[Mention], rules: TableRules) -> str:
    """The longest name, the alias's canonical name for an alias; of names of equal length
    the one not in capitals ("Nairobi" of a dateline's "NAIROBI"), else the earliest. A
    place named only in capitals, as a dateline names it, is written in title case."""
    names = [rules.aliases[m.key][0] if m.key in rules.aliases else m.text for m in cluster]
    name = max(names, key=lambda n: (len(n), not n.isupper()))  # max keeps the earliest
    if is_place_in_capitals(name) and cluster_label(cluster) in {"GPE", "LOC"}:
        return place_in_title_case(name)
    return name


def is_place_in_capitals(name: str) -> bool:
    """ "NAIROBI", "SÃO PAULO", not an abbreviation ("D.C.", "N.Y.") or an acronym ("UAE")."""
    words = name.replace("-", " ").split()
    return name.isupper() and len(name) >= MIN_CAPS_PLACE and all(word.isalpha() for word in words)


def place_in_title_case(name: str) -> str:
    """ "SÃO PAULO" → "São Paulo", "RIO DE JANEIRO" → "Rio de Janeiro"."""
    words = name.lower().split(" ")
    return " ".join(
        word if n and word in PLACE_PARTICLES else "-".join(p.capitalize() for p in word.split("-"))
        for n, word in enumerate(words)
    )


def trim_headline_mentions(
    mentions: list[Mention], headline_end: int, rules: TableRules
) -> list[Mention]:
    """The mentions, with those of a title-case headline (before `headline_end`) cut to
    the name inside them (`headline_name`)."""
    if not headline_end:
        return mentions
    body = {m.text.lower() for m in mentions if m.start >= headline_end}
    return [headline_name(m, body, rules) if m.start < headline_end else m for m in mentions]


def headline_name(mention: Mention, body: set[str], rules: TableRules) -> Mention:
    """ "Vale Water Tax Rules Face Big Test" → "Vale": in a title-case headline the model
    runs other words into a name, so a mention keeps the longest run of its words that the
    story names (`body`) or that are first names and words that are no English words
    ("Hillary Vance Goes …" → "Hillary Vance"). A mention with no such run, or with a
    hyphen, stays whole ("Visa Program", "African-American Museum")."""
    span = mention.span
    if span is None or any(t.text == "-" for t in span):
        return replace(mention, headline=True)
    name_words = [
        t.lower_ in rules.first_names
        or (t.is_alpha and not t.is_stop and not is_english_word(t.lower_, rules.english_words))
        for t in span
    ]
    best = None
    for first in range(len(span)):
        for last in range(first + 1, len(span) + 1):
            named = span[first:last].text.lower() in body or all(name_words[first:last])
            if named and (best is None or last - first > best[1] - best[0]):
                best = (first, last)
    if best is None or best == (0, len(span)):
        return replace(mention, headline=True)
    name = span[best[0] : best[1]]
    return Mention(
        name.text,
        name.start_char,
        name.end_char,
        mention.label,
        name,
        mention.titles,
        headline=True,
    )


def headline_line_end(text: str) -> int:
    """Where a headline on a line of its own ends ("Rellick and Quenby trade attacks over
    taxes" before a blank line), else 0: a first line of at most `HEADLINE_WORDS` words
    that does not end as a sentence does."""
    line, newline, _ = text.partition("\n")
    words = line.rstrip().rstrip(CLOSING_MARKS)
    if not newline or not words or words[-1] in SENTENCE_END:
        return 0
    return len(line.rstrip()) if len(words.split()) <= HEADLINE_WORDS else 0


def mark_headline_mentions(mentions: list[Mention], headline_end: int) -> list[Mention]:
    """The mentions, those in the headline marked so: a headline names people by surname
    before the story gives their full names, which the surname still joins."""
    return [replace(m, on_headline_line=True) if m.start < headline_end else m for m in mentions]


def title_case_headline_end(doc: Doc) -> int:
    """Where the first sentence ends if it capitalises all of its longer words, as a
    headline in title case does; else 0."""
    first = next(doc.sents, None)
    if first is None:
        return 0
    words = [t for t in first if t.is_alpha and len(t) > 3]
    title_case = len(words) >= TITLE_CASE_WORDS and all(t.is_title for t in words)
    return first.end_char if title_case else 0


def label_by_titles(label: str, name: str, titles: list[str], rules: TableRules) -> str:
    """A person's or an organisation's title settles a label the model got wrong: "Hana
    Brisk, the opposition councillor" tagged ORG, "Fenwater, the company that runs the
    plant" tagged PERSON; a person's title a name tagged as a place ("epidemiologist Niamh
    Halloran", "The engineer, Ines Park"). Titles of both kinds leave the label as it is.
    `name` is the entity's canonical name."""
    if label not in TITLED_LABELS | PLACE_LABELS:
        return label
    kinds = {kind for title in titles if (kind := title_kind(title, rules)) is not None}
    if label in PLACE_LABELS and kinds != {"PERSON"}:
        return label  # "Ohio, the state": a place's title
    if len(kinds) != 1 or (kinds == {"PERSON"} and names_organisation(name, rules)):
        return label  # an organisation's name outweighs a title hung on it by mistake
    return kinds.pop()


def names_organisation(name: str, rules: TableRules) -> bool:
    """Whether a name ends with an organisation's word ("… Caucus PAC", "… Union")."""
    return name.split()[-1].lower() in rules.organisation_heads


def title_kind(title: str, rules: TableRules) -> str | None:
    head = title_head(title).lower()
    if head in rules.person_roles:
        return "PERSON"
    return "ORG" if head in rules.organisation_roles else None


def entity_record(
    article: Article,
    entity_id: str,
    cluster: list[Mention],
    rules: TableRules,
    datelines: frozenset[int] = frozenset(),
) -> dict[str, Any]:
    """The entities.jsonl record of a cluster; its mentions quote the article itself, whose
    no-break spaces the mentions' own text has as plain ones. A mention that starts at one
    of `datelines` (characters) gets no title: the model reads "CALDER FALLS — A former
    finance chief …" as the place with the chief in apposition."""
    label = cluster_label(cluster)
    titles: list[str] = []
    for mention in cluster:
        found = list(mention.titles)
        if (
            label in TITLED_LABELS | PLACE_LABELS
            and mention.span is not None
            and mention.start not in datelines  # the parse of a dateline is no guide
        ):
            found += find_titles(mention.span, rules.honorifics, rules.title_modifiers)
        titles.extend(title for title in found if title not in titles)
    name = canonical_name(cluster, rules)
    label = label_by_titles(label, name, titles, rules)
    return {
        "doc_id": article.doc_id,
        "entity_id": entity_id,
        "name": name,
        "label": label,
        "mentions": [
            {"text": article.text[m.start : m.end], "start": m.start, "end": m.end} for m in cluster
        ],
        "titles": titles if label in TITLED_LABELS else [],
    }
