"""Entities stage: spaCy NER, corrected by project patterns, clustered into a table per article.

Each entity is one referent in one article: all its proper-name mentions ("John Kirby",
"Kirby"), a canonical name (the longest proper name, or the canonical form of a known alias:
"S. Korea" → "South Korea"), its label, and the titles the article gives it ("spokesman",
"top White House official"). Numeric and temporal labels (DATE, CARDINAL, …) belong to the
quantity and date stages and are left out here.

This module corrects the model's entity spans; `entity_table` groups them into entities and
`entity_titles` reads the titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span, Token

from .datelines import DATELINE, is_spaced_hyphen
from .entity_table import (
    PLACE_SUFFIXES,
    TableRules,
    cluster_mentions,
    entity_record,
    headline_line_end,
    is_english_word,
    is_person_name,
    make_mention,
    mark_headline_mentions,
    name_key,
    repeated_names,
    surname_mentions,
    title_case_headline_end,
    trim_headline_mentions,
)
from .lexicon import MODELS_DIR, first_names, read_lines, read_patterns, read_table
from .read import Article

NAMED_LABELS = frozenset(
    [
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    ]
)
DASHES = frozenset({"—", "–", "--"})
#: Words that may stand between two parts of one organisation's name that the model split.
ORG_CONNECTORS = frozenset({"of", "for", "on", "the"})
#: An acronym defined in parentheses right after a name: "World Health Organization (WHO)".
DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
#: A US politician's party and state after the name: "(R-Ky.)", "(D-Ore.)", "(I-Vt.)".
PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z]")


@dataclass(frozen=True)
class EntityRules(TableRules):
    """The lexicons in `models/` that correct and cluster the model's entities."""

    not_entities: frozenset[str] = frozenset()
    post_nominals: frozenset[str] = frozenset()
    patterns: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path = MODELS_DIR) -> EntityRules:
        def words(name: str) -> frozenset[str]:
            return frozenset(word.lower() for word in read_lines(folder / name))

        aliases = {
            name_key(alias): (canonical, label)
            for alias, canonical, label in read_table(folder / "entity_aliases.tsv")
        }
        patterns = read_patterns(folder / "entity_patterns.jsonl")
        patterns += demonym_patterns(read_lines(folder / "demonyms.txt"))
        patterns += place_patterns(read_lines(folder / "places.txt"))
        return cls(
            aliases=aliases,
            titles=words("entity_titles.txt"),
            honorifics=words("honorifics.txt"),
            title_modifiers=words("title_modifiers.txt"),
            organisation_heads=words("organisation_heads.txt"),
            company_suffixes=words("company_suffixes.txt"),
            place_heads=words("place_heads.txt"),
            person_roles=words("entity_titles.txt")
            | words("person_roles.txt")
            | words("occupations.txt"),
            organisation_roles=frozenset(
                row[0] for row in read_table(folder / "organisation_roles.tsv")
            ),
            not_entities=frozenset(read_lines(folder / "not_entities.txt")),
            post_nominals=words("post_nominals.txt"),
            patterns=patterns,
            first_names=frozenset(first_names(folder)),
        )


def demonym_patterns(demonyms: list[str]) -> list[dict[str, Any]]:
    """Phrase patterns (matched on lower-case text): the demonym and its plural."""
    return [
        {"label": "NORP", "pattern": phrase}
        for demonym in demonyms
        for phrase in (demonym.lower(), demonym.lower() + "s")
    ]


def place_patterns(places: list[str]) -> list[dict[str, Any]]:
    """Phrase patterns (matched on lower-case text): the place, alone or with a suffix."""
    return [
        {"label": "GPE", "pattern": phrase}
        for place in places
        for phrase in (place.lower(), *(f"{place.lower()} {s}" for s in PLACE_SUFFIXES))
    ]


def keep_enclosing_entities(entities: list[Span], matches: list[Span]) -> list[Span]:
    """A correction replaces the entities it overlaps, unless a longer entity encloses it.

    So "North Koreans" relabels the model's LOC "North Koreans", but the NORP pattern
    "Russian" leaves the model's "pro-Russian" whole.
    """
    kept: list[Span] = list(entities)
    taken: set[int] = set()
    for match in sorted(matches, key=lambda span: (span.start - span.end, span.start)):
        if taken.intersection(range(match.start, match.end)):
            continue
        if any(e.start <= match.start and match.end <= e.end and len(e) > len(match) for e in kept):
            continue
        kept = [e for e in kept if e.end <= match.start or e.start >= match.end]
        kept.append(match)
        taken.update(range(match.start, match.end))
    return sorted(kept)


class EntityStage:
    """Callable stage: `stage(doc, article) -> list of entities.jsonl records`."""

    name = "entities"

    def __init__(self, nlp: Language, rules: EntityRules | None = None) -> None:
        self.rules = rules or EntityRules.load()
        self.ruler = SpanRuler(
            nlp,
            name="entity_fixes",
            phrase_matcher_attr="LOWER",  # word lists are phrases: cheaper than token patterns
            spans_key=None,
            annotate_ents=True,
            ents_filter=keep_enclosing_entities,
        )
        self.ruler.add_patterns(self.rules.patterns)
        if not self.rules.english_words:
            self.rules = replace(self.rules, english_words=english_words(nlp))
        self.title_words = self.rules.titles | self.rules.honorifics

    def __call__(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        text = doc.text  # the article's, with plain spaces where the model read them
        self.correct_entities(doc, text)
        spans = [span for span in doc.ents if self.is_name(span)]
        mentions = [m for span in spans if (m := make_mention(span, self.rules)) is not None]
        headline_end = title_case_headline_end(doc)
        mentions = trim_headline_mentions(mentions, headline_end, self.rules)
        mentions = mark_headline_mentions(mentions, headline_line_end(text))
        datelines = frozenset(match.start("place") for match in DATELINE.finditer(text))
        for mention in mentions:
            mention.dateline = mention.start in datelines
        clusters = cluster_mentions(mentions, self.rules, defined_acronyms(spans, text))
        covered = [(span.start_char, span.end_char) for span in doc.ents]
        surnames = surname_mentions(clusters, doc, text, covered)
        if repeated_names(clusters, doc, text, covered, headline_end) or surnames:
            clusters.sort(key=lambda cluster: cluster[0].start)
        return [
            entity_record(article, f"E{number}", cluster, self.rules, datelines)
            for number, cluster in enumerate(clusters, start=1)
        ]

    def is_name(self, span: Span) -> bool:
        """A named entity with a capital letter in it (not "ministry"), not a word of
        `not_entities.txt` nor an abbreviated title or honorific alone (the model tags "Sens."
        in "Sens. Ada Vale and Tom Reyes" as a place; "King" may be a surname)."""
        return (
            span.label_ in NAMED_LABELS
            and any(c.isupper() for c in span.text)  # "ministry" is no name
            and span.text not in self.rules.not_entities
            and not (span.text.endswith(".") and span.text.lower() in self.title_words)
        )

    def correct_entities(self, doc: Doc, text: str) -> None:
        """Fix the model's entity spans in place, most general fix first. `text` is
        `doc.text`, which spaCy rebuilds on every access."""
        post_nominals = self.rules.post_nominals
        doc.ents = [
            part
            for span in doc.ents
            for part in (
                split_entity(span, post_nominals) if span.label_ in NAMED_LABELS else [span]
            )
        ]  # numbers and dates are their stages' ("1%" keeps its "%")
        self.ruler(doc)
        runs = list(untagged_runs(doc))
        extra = (
            names_before_post_nominals(doc, post_nominals)
            + dateline_spans(doc, text)
            + acronym_spans(doc, text)
            + place_suffix_spans(doc)
            + joined_organisations(doc)
            + coordinated_organisations(doc, self.rules.organisation_heads)
            + titled_names(doc, self.title_words, self.rules.english_words)
            + untagged_people(runs, self.rules)
            + untagged_organisations(
                runs,
                self.rules.organisation_heads,
                self.rules.english_words,
                title_case_headline_end(doc),
            )
            + organisations_by_apposition(runs, self.rules.organisation_roles)
        )
        doc.ents = keep_enclosing_entities(list(doc.ents), extra)
        doc.ents = split_off_surnames(list(doc.ents), self.rules.first_names)
        doc.ents = [self.with_surname(self.with_given_name(span)) for span in doc.ents]
        heads = self.rules.organisation_heads
        doc.ents = [
            person_by_honorific(
                person_by_age(organisation_by_article(organisation_by_which(span), heads)),
                self.rules.honorifics,
            )
            for span in doc.ents
        ]

    def with_given_name(self, span: Span) -> Span:
        """ "Amelize Joseph loves …", "Ashby Fenwick Trustees, the pension company, …": the
        model may leave out a first word it does not know. A one-word person's name, or a
        longer name the word is a compound of in the parse, takes the capitalised word before
        it when that is no English word, title or honorific, nor part of another entity."""
        if span.label_ not in NAMED_LABELS or span.start == 0:
            return span
        given = span.doc[span.start - 1]
        if len(span) == 1:
            if span.label_ != "PERSON":
                return span
        elif not (given.dep_ == "compound" and span.start <= given.head.i < span.end):
            return span
        word = given.lower_
        if not (given.is_alpha and given.is_title and given.pos_ == "PROPN") or given.ent_type_:
            return span
        if is_english_word(word, self.rules.english_words) or word in self.title_words:
            return span
        return Span(span.doc, span.start - 1, span.end, label=span.label_)

    def with_surname(self, span: Span) -> Span:
        """ "The union's regional organiser, Gail Pendry, said …": the model may tag a first
        name alone. A common first name tagged as a person takes the capitalised word after
        it when that is no English word and no other entity's."""
        end = span.end
        if span.label_ != "PERSON" or len(span) != 1 or end == len(span.doc):
            return span
        surname = span.doc[end]
        if not is_name_word(surname) or surname.ent_type_:
            return span
        if not is_person_name(f"{span.text} {surname.text}", self.rules):
            return span
        return Span(span.doc, span.start, end + 1, label="PERSON")


def person_by_honorific(span: Span, honorifics: frozenset[str]) -> Span:
    """ "Mrs Brooke assured …": a name after an honorific is a person's, whatever the model
    took it for (it calls some without their period an organisation)."""
    if span.label_ in NAMED_LABELS and len(span) > 1 and span[0].lower_ in honorifics:
        return Span(span.doc, span.start, span.end, label="PERSON")
    return span


def names_before_post_nominals(doc: Doc, post_nominals: frozenset[str]) -> list[Span]:
    """ "Alison Treece KC told jurors": capitalised words right before letters after a name
    (`models/post_nominals.txt`) are a person's name, which the model may cut up or leave
    out ("Alison" a person, "KC" an organisation)."""
    spans = []
    for token in doc:
        if not (token.is_upper and token.lower_ in post_nominals):
            continue
        start = token.i
        while start > max(token.i - 4, 0) and is_name_word(doc[start - 1]):
            start -= 1
        if token.i - start >= 2:
            spans.append(Span(doc, start, token.i, label="PERSON"))
    return spans


def is_name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ == "PROPN"


def person_by_age(span: Span) -> Span:
    """ "Aisha, 34, said …": a name with an age set off by commas after it is a person's,
    whatever the model took it for."""
    if span.label_ == "PERSON" or span.label_ not in NAMED_LABELS or not has_age_after(span):
        return span
    return Span(span.doc, span.start, span.end, label="PERSON")


def has_age_after(span: Span) -> bool:
    """Whether an age set off by commas follows the span (", 34,")."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc):
        return False
    age = doc[end + 1]
    return (
        doc[end].text == ","
        and doc[end + 2].text == ","
        and age.is_digit
        and 0 < int(age.text) < 120
    )


def organisation_by_which(span: Span) -> Span:
    """ "Ridgeway Coal, which owns the mine, said …": a name the model took for a person's
    is an organisation's when "which" refers back to it."""
    doc, end = span.doc, span.end
    if span.label_ != "PERSON" or end + 1 >= len(doc):
        return span
    if doc[end].text == "," and doc[end + 1].lower_ == "which":
        return Span(doc, span.start, end, label="ORG")
    return span


def organisation_by_article(span: Span, heads: frozenset[str]) -> Span:
    """ "records reviewed by the Herald": one capitalised organisation's word
    (`models/organisation_heads.txt`) after "the" is an organisation, not a person."""
    if span.label_ != "PERSON" or len(span) != 1 or span.start == 0:
        return span
    if span[0].lower_ in heads and span.doc[span.start - 1].lower_ == "the":
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


def split_off_surnames(spans: list[Span], first_names: frozenset[str]) -> list[Span]:
    """ "the editors of the Daily Ledger Trump said …": the model ran a name into
    the surname after it. An organisation or title of three words or more that ends with the
    surname of a person named in full in the article (a common first name and a surname) is
    split in two, the surname a PERSON, unless it looks like a person's name itself ("Ella
    Mae Scott") or its last two words do ("Fort Sam Houston")."""
    people = [span for span in spans if span.label_ == "PERSON"]
    names = [span[:-1] if span[-1].tag_ == "POS" else span for span in people]  # "Trump’s"
    surnames = {name[-1].text for name in names if len(name) > 1 and name[0].lower_ in first_names}
    result = []
    for span in spans:
        if (
            span.label_ in {"ORG", "WORK_OF_ART"}
            and len(span) >= 3
            and span[-1].text in surnames
            and span[-2].pos_ == "PROPN"
            and not {span[0].lower_, span[-2].lower_} & first_names
        ):
            result.append(Span(span.doc, span.start, span.end - 1, label=span.label_))
            result.append(Span(span.doc, span.end - 1, span.end, label="PERSON"))
        else:
            result.append(span)
    return result


def english_words(nlp: Language) -> frozenset[str]:
    """The lower-case words of the lemmatizer's tables; none if the pipeline has no rule
    lemmatizer (then `entity_table.is_person_name` relabels no name)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        if lookups.has_table(table):
            for entries in lookups.get_table(table).values():
                words.update(entries)
    return frozenset(words)


def split_entity(span: Span, post_nominals: frozenset[str] = frozenset()) -> list[Span]:
    """Cut a dateline ("BERLIN — Voltaris AG", "DUNHAVEN, Norvessa - Vantris") or a
    parenthesised acronym ("World Health Organization (WHO") off an entity span, and trim
    determiners, punctuation, a leading verb that opens the sentence, leading lower-case
    adjectives and letters after a name ("Richard Moyle KC")."""
    return [
        Span(span.doc, start, end, label=span.label_)
        for start, end in split_bounds(span.doc, span.start, span.end, post_nominals)
    ]


def split_bounds(
    doc: Doc, start: int, end: int, post_nominals: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    for i in range(start, end):
        if doc[i].text in DASHES or doc[i].text == "(" or is_spaced_hyphen(doc[i]):
            return split_bounds(doc, start, i, post_nominals) + split_bounds(
                doc, i + 1, end, post_nominals
            )
    while end > start and doc[end - 1].is_upper and doc[end - 1].lower_ in post_nominals:
        end -= 1
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_punct
        or doc[start].tag_ in {"VBG", "VBD", "VBZ"}  # "Injecting Clinton’s …", "Said Ellis: “…”"
        or is_lower_adjective(doc[start])  # "federal Reserve Board"
    ):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or is_trailing_function_word(doc[end - 1])
    ):
        end -= 1
    return [(start, end)] if start < end else []


def is_trailing_function_word(token: Token) -> bool:
    """A lower-case preposition, article or conjunction the model ran a name into ("the
    ministry on Friday" tagged "the ministry on")."""
    return token.is_lower and token.tag_ in {"IN", "DT", "CC", "TO"}


def is_lower_adjective(token: Token) -> bool:
    """A lower-case adjective word, not the prefix of a hyphenated one ("pro-Clinton")."""
    return token.tag_ == "JJ" and token.is_alpha and token.is_lower and bool(token.whitespace_)


def dateline_spans(doc: Doc, text: str) -> list[Span]:
    """ "SÃO PAULO — …" at the start of a paragraph names a place."""
    spans = []
    for match in DATELINE.finditer(text):
        span = doc.char_span(*match.span("place"), label="GPE", alignment_mode="contract")
        if span is not None:
            spans.append(span)
    return spans


def defined_acronyms(spans: list[Span], text: str) -> dict[str, str]:
    """Acronym key → key of the name it is defined for: "Crown Prosecution Service (CPS)"."""
    found = {}
    for span in spans:
        if acronym := acronym_after(span, text):
            found[name_key(acronym)] = name_key(span.text)
    return found


def acronym_after(span: Span, text: str) -> str | None:
    """The acronym defined in brackets right after a name ("World Health Organization
    (WHO)", "Workers' Party (PT)"), but not the agency of a dateline ("SYDNEY (Reuters) -")
    nor a politician's party and state ("Mitch McConnell (R-Ky.)")."""
    match = DEFINED_ACRONYM.match(text, span.end_char)
    if match is None or PARTY_AND_STATE.match(match.group(1)):
        return None
    dateline = DATELINE.match(text, text.rfind("\n", 0, span.start_char) + 1)
    if dateline is not None and dateline.end() > span.end_char:
        return None
    return match.group(1)


def acronym_spans(doc: Doc, text: str) -> list[Span]:
    """Every use of an acronym defined in the text, with its name's label."""
    spans = []
    for span in doc.ents:
        if not (acronym := acronym_after(span, text)):
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
        for use in pattern.finditer(text):
            acronym = doc.char_span(*use.span(), label=span.label_, alignment_mode="expand")
            if acronym is not None:
                spans.append(acronym)
    return spans


def place_suffix_spans(doc: Doc) -> list[Span]:
    """A place followed by "region", "oblast" or "province" takes the word in."""
    return [
        Span(doc, span.start, span.end + 1, label=span.label_)
        for span in doc.ents
        if span.label_ in {"GPE", "LOC"}
        and span.end < len(doc)
        and doc[span.end].lower_ in PLACE_SUFFIXES
    ]


def titled_names(doc: Doc, titles: frozenset[str], english: frozenset[str]) -> list[Span]:
    """ "Fire Chief Renata Solis told …", "Detective Sergeant Ivo Renshaw": the model misses
    some names after a capitalised title. Two capitalised words that no entity holds, after
    a title word and starting with one that is no English word, are a person's name (the
    title before it is taken as the name's premodifier, as for any name)."""
    spans = []
    for i in range(len(doc) - 2):
        title, first, last = doc[i], doc[i + 1], doc[i + 2]
        if not (title.is_title and title.lower_ in titles):
            continue
        words = (first, last)
        if any(t.ent_type_ or not (t.is_title and t.is_alpha and t.pos_ == "PROPN") for t in words):
            continue
        if is_english_word(first.lower_, english) or first.lower_ in titles:
            continue
        spans.append(Span(doc, i + 1, i + 3, label="PERSON"))
    return spans


def untagged_runs(doc: Doc) -> Iterator[Span]:
    """The longest runs of capitalised words (`is_name_word`) that no entity holds."""
    start = 0
    while start < len(doc):
        end = start
        while end < len(doc) and is_name_word(doc[end]) and not doc[end].ent_type_:
            end += 1
        if end > start:
            yield doc[start:end]
        start = max(end, start + 1)


def untagged_people(runs: list[Span], rules: TableRules) -> list[Span]:
    """ "Tomás Ruiz, who runs a hardware store, said …": the model may miss a name
    altogether. A run of capitalised words that no entity holds (`untagged_runs`) and that
    reads as a person's name (`entity_table.is_person_name`: not "Grace Church" nor "Juniper
    Lane") is one, and so is a run of two or three words with an age after it ("Curtis
    Ambler, 61, …", though "ambler" is an English word)."""
    return [
        Span(run.doc, run.start, run.end, label="PERSON")
        for run in runs
        if is_person_name(run.text, rules) or (2 <= len(run) <= 3 and has_age_after(run))
    ]


def untagged_organisations(
    runs: list[Span], heads: frozenset[str], english: frozenset[str], headline_end: int
) -> list[Span]:
    """ "Quillon Holdings, the online payments company, said …": a run of two to four
    capitalised words that no entity holds and that ends with an organisation's word
    (`models/organisation_heads.txt`) is an organisation's name. Not in a title-case
    headline, where every word is capitalised, nor with an English word that is capitalised
    only because it opens the sentence ("Senior Unity Party figures suggest …")."""
    spans = []
    for run in runs:
        if run.start_char < headline_end or run[-1].lower_ not in heads:
            continue
        if run[0].is_sent_start and is_english_word(run[0].lower_, english):
            run = run[1:]
        if 2 <= len(run) <= 4:
            spans.append(Span(run.doc, run.start, run.end, label="ORG"))
    return spans


def organisations_by_apposition(runs: list[Span], roles: frozenset[str]) -> list[Span]:
    """ "Granite Mutual, the region's largest home insurer, put …": a run of one to four
    capitalised words that no entity holds, set beside a kind of organisation
    (`organisation_roles.tsv`) in apposition, is that organisation's name."""
    return [
        Span(run.doc, run.start, run.end, label="ORG")
        for run in runs
        if len(run) <= 4 and any(is_organisation_role(t, roles) for t in appositions_of(run))
    ]


def appositions_of(run: Span) -> list[Token]:
    """The nouns in apposition to `run`: after it ("X, the company") or before ("the
    company, X"), by the parse."""
    root = run.root
    after = [child for child in root.children if child.dep_ == "appos" and child.i >= run.end]
    before = [root.head] if root.dep_ == "appos" and root.head.i < run.start else []
    return after + before


def is_organisation_role(token: Token, roles: frozenset[str]) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in roles


def coordinated_organisations(doc: Doc, heads: frozenset[str]) -> list[Span]:
    """ "the Association of County and Borough Councils", "The Bakers’ and Allied Trades
    Union": the model tags only the end of a name that holds "and", or its two halves. An
    entity ending in an organisation's word (`models/organisation_heads.txt`) takes the
    capitalised words before it that no other entity holds, across one "and", an "of"
    between capitalised words and possessive marks, and across the "and" an organisation
    whose name does not end in such a word ("Association of County"), when the name it
    makes holds an "and"."""
    spans = []
    for entity in doc.ents:
        if entity.label_ not in NAMED_LABELS or not is_organisation_word(entity[-1], heads):
            continue
        start = coordinated_name_start(doc, entity.start, heads)
        if start < entity.start and any(t.lower_ == "and" for t in doc[start : entity.end]):
            spans.append(Span(doc, start, entity.end, label="ORG"))
    return spans


def coordinated_name_start(doc: Doc, start: int, heads: frozenset[str]) -> int:
    """Where the name that ends with the entity at `start` begins (`coordinated_organisations`)."""
    joined = False
    i = start
    while i > 0 and not doc[i - 1].ent_type_:
        word = doc[i - 1]
        if is_capitalised_word(word):
            i -= 1
            continue
        if i < 2:
            break
        before = doc[i - 2]
        joins = word.lower_ == "and" and not joined
        if before.ent_type_:
            half = first_half(before, heads) if joins else None
            return i if half is None else half.start
        links = word.lower_ in {"of", "for"} or is_possessive_mark(word)
        goes_on = is_capitalised_word(before) or (joins and is_possessive_mark(before))
        if not ((joins or links) and goes_on):
            break
        joined = joined or joins
        i -= 1
    return i


def first_half(token: Token, heads: frozenset[str]) -> Span | None:
    """The entity ending at `token`, before "and", that opens a name holding the "and": an
    organisation whose last word is no organisation's word ("Association of County") or a
    one-word name ("Pell" in "Pell and Garrow Institute"), but not the surname of a person
    the article names in full ("Trump" in "Trump and Fox News") nor an acronym ("FBI and
    Justice Department")."""
    entity = next((e for e in token.doc.ents if e.end == token.i + 1), None)
    if (
        entity is None
        or token.is_upper
        or is_organisation_word(token, heads)
        or is_surname_of_named(token)
    ):
        return None
    if entity.label_ == "ORG" or (len(entity) == 1 and is_capitalised_word(token)):
        return entity
    return None


def is_surname_of_named(token: Token) -> bool:
    return any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == token.lower_ for e in token.doc.ents
    )


def is_organisation_word(token: Token, heads: frozenset[str]) -> bool:
    word = token.lower_
    return word in heads or word.removesuffix("s") in heads  # "Borough Councils"


def is_capitalised_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def is_possessive_mark(token: Token) -> bool:
    return token.tag_ == "POS" or token.text in {"’", "'"}


def joined_organisations(doc: Doc) -> list[Span]:
    """ "United Nations Office" + "for the" + "Coordination of Humanitarian Affairs": one ORG."""
    joined = []
    for first, second in pairwise(doc.ents):
        between = doc[first.end : second.start]
        if (
            first.label_ == second.label_ == "ORG"
            and 0 < len(between) <= 2
            and all(token.lower_ in ORG_CONNECTORS for token in between)
        ):
            joined.append(Span(doc, first.start, second.end, label="ORG"))
    return joined
