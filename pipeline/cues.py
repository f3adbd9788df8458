"""Attributions read off the dependency parse: a cue, what was said, and who said it.

- reported speech: a cue verb from the lexicon with a clausal complement ("X said (that) …",
  "told reporters that …"), or its object ("described North Korea as suffering …");
- a cue verb after or inside the clause it reports ("…, the official said", "X, North Korea
  said, was …");
- a cue noun with a that-clause ("Trump's claim that …");
- "according to X, …", and "reportedly" / "allegedly" with no named source;
- cue verbs without a subject of their own take their governor's: participles ("…, saying
  …", "citing …"), conjuncts ("accused … and claimed …"), and relative clauses ("the
  Ukrainian government, which accused …" → the government).

Everything here is token offsets; `attribution` turns them into records.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from .datelines import dateline_end, is_spaced_hyphen

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: The words of a verb that may come before it: "[had not] started", "[later] said".
LEADING_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Entity types that "who" does not stand for.
NON_PERSON_NAMES = frozenset({"GPE", "LOC", "FAC", "ORG"})
#: Right-hand dependents that make up what was said when there is no clausal complement.
OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "prep", "dative", "pobj"})
#: Prepositions that give the circumstances of saying something ("in a statement", "after
#: the debate", "on Friday") or its source ("was never published, according to officials"),
#: not what was said.
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "after", "before", "during", "since", "until", "from", "with", "via"}
    | {"according"}
)
#: How the words before a cue hang on it when they are its circumstance: time, place,
#: condition, concession ("In July, …", "Although …, …", "But …").
INTRODUCTORY_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "cc", "mark", "punct"})
#: Entity types of an amount, as the model tags them.
AMOUNT_TYPES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
#: An object this short is rarely a claim ("to consider", "the move").
MIN_OBJECT_CONTENT = 3
#: Right-hand dependents that are what was said, not a circumstance of saying it.
OWN_CONTENT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr"})
#: A speaker phrase ends before these dependents ("the official, who …").
SPEAKER_CUT_DEPS = frozenset({"relcl", "appos", "acl", "punct", "advcl"})
#: The words that open an attribution with no cue verb or noun: "according to X", "in the
#: poll", "reportedly", "allegedly".
CUE_WORDS = ("according", "in", "reportedly", "allegedly")
#: Prepositions before the form or channel of speech ("in a statement", "via email").
MEDIUM_PREPOSITIONS = frozenset({"in", "on", "via", "at", "during", "through", "over"})
#: Marks that end whatever stands before them in a speaker phrase: a dash or bracket of a
#: dateline, or the closing quotation mark that the parse put in the speaker's phrase.
DASHES = frozenset({"—", "–", "―", "--"})
#: Punctuation that ends a clause, never a part of a speaker's phrase.
CLAUSE_PUNCT = frozenset({",", ";", ":", "."})
PHRASE_BREAKS = DASHES | {")", "”", "''"}
#: Words of an amount with no digits: "put its losses at “several dozen”".
AMOUNT_WORDS = frozenset(
    {"dozen", "dozens", "handful", "hundred", "hundreds", "thousand", "thousands"}
)
#: "asked not to be named", "requested not to be identified": a request for anonymity.
REQUEST_VERBS = frozenset({"ask", "request"})
IDENTIFYING_VERBS = frozenset({"identify", "name"})
#: Words that open a clause of time, reason or concession, not a reported one.
ADVERBIAL_MARKS = frozenset(
    {"after", "although", "as", "because", "before", "once", "since", "though", "until", "while"}
)
#: What a lead in a poll or a count is measured in: "put Lindley four points ahead".
MARGIN_UNITS = frozenset({"percent", "point", "seat", "vote"})
#: Subjects that say no one spoke: "nobody said", "none of them confirmed".
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "neither", "no-one", "noone"})
#: Pronouns that can be what was said ("cited it"), not whom it was said to.
IMPERSONAL_PRONOUNS = frozenset({"it", "this", "that"})
#: Cues whose passive subject is still the speaker ("she was quoted as saying"); of any other
#: passive cue the subject is what was said or thought about ("Reyes was dubbed …").
SPEAKING_PASSIVES = frozenset({"quote"})
#: The most words between a quotation and its cue for a name set off by commas ("“…,” Sen.
#: Ada Vale, the Ohio Democrat who chairs the committee, said").
MAX_SET_OFF_WORDS = 20
#: The most words between an opening cue verb and the colon before its quotation.
MAX_INVERTED_WORDS = 12
INHERITING_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp"})
#: A one-syllable word ending in a single vowel and a consonant that doubles ("hop", "rat").
CLOSED_SYLLABLE = re.compile(r"[^aeiouy]*[aeiou][^aeiouwxy]")


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    clause_only_verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    speech_to_verbs: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    publishing_verbs: frozenset[str] = frozenset()
    evidence_verbs: frozenset[str] = frozenset()
    causative_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    transaction_verbs: frozenset[str] = frozenset()
    hedge_words: frozenset[str] = frozenset()
    rendering_nouns: frozenset[str] = frozenset()
    data_nouns: frozenset[str] = frozenset()
    speech_on_verbs: frozenset[str] = frozenset()
    as_it_verbs: frozenset[str] = frozenset()
    access_verbs: frozenset[str] = frozenset()
    figure_verbs: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    act_objects: frozenset[tuple[str, str]] = frozenset()

    @functools.cached_property
    def documents(self) -> frozenset[str]:
        """The nouns of speech and its channels: a document, a finding or a medium."""
        return self.media_nouns | self.source_nouns


@dataclass
class Found:
    """One attribution in token offsets (spans are `[start, end)` token indices)."""

    cue: tuple[int, int]
    content: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    confidence: float
    negated: bool = False
    cue_lemma: str = ""


def find_cue_attributions(doc: Doc, lexicon: CueLexicon) -> list[Found]:
    verbs, nouns, words = cue_candidates(doc, CUE_WORDS + tuple(lexicon.hedge_words))
    found = [f for token in verbs if (f := verb_attribution(token, lexicon)) is not None]
    found += [f for token in nouns if (f := noun_attribution(token, lexicon)) is not None]
    found += according_to(words, lexicon)
    found += [f for token in words if (f := in_source(token, lexicon)) is not None]
    found += reportedly(words)
    found += [f for token in words if (f := hedged_noun(token, lexicon)) is not None]
    return found


def cue_candidates(
    doc: Doc, cue_words: tuple[str, ...]
) -> tuple[list[Token], list[Token], list[Token]]:
    """The verbs, the nouns, and the words the other finders start from ("according", "in",
    "reportedly", "estimated"), picked from the doc's arrays: making a Token object of every
    word of the doc is most of what walking it costs."""
    pos, lower = doc.to_array([POS, LOWER]).T
    words = [doc.vocab.strings[word] for word in cue_words]

    def tokens(where: numpy.ndarray) -> list[Token]:
        return [doc[int(i)] for i in numpy.flatnonzero(where)]

    return (
        tokens(numpy.isin(pos, [VERB, AUX])),
        tokens(pos == NOUN),
        tokens(numpy.isin(lower, words)),
    )


def noun_attribution(noun: Token, lexicon: CueLexicon) -> Found | None:
    """ "Trump's claim that …", "a Daily Ledger report that …": a cue noun with a clause, or
    with what it is about (`circulating`)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.nouns:
        return None
    if opens_medium(noun.head, lexicon) and is_cue(noun.head.head, lexicon):
        return None  # "said in a statement that …" is the verb's
    clause = next(
        (
            c
            for c in noun.rights
            if c.dep_ in {"acl", "ccomp", "relcl", "appos"}
            and c.left_edge.lower_ == "that"
            and c.left_edge.dep_ == "mark"
        ),
        None,
    )
    content = subtree_span(clause) if clause is not None else circulating(noun)
    if content is None:
        return None
    return Found(
        cue=(noun.i, noun.i + 1),
        content=[content],
        speaker=noun_speaker(noun),
        confidence=0.7,
        cue_lemma=noun.lemma_.lower(),
    )


def circulating(noun: Token) -> tuple[int, int] | None:
    """ "Reports of heavy losses", "North Korea's claims about its test": a plural cue noun
    with "of" or "about" says what is being claimed, by its owner or by sources it leaves
    unnamed. (A singular one is too often something else: "a statement of fact".)"""
    if noun.tag_ != "NNS":
        return None
    topic = next(
        (object_of(c) for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"of", "about"}),
        None,
    )
    return subtree_span(topic) if topic is not None else None


def noun_speaker(noun: Token) -> tuple[int, int] | None:
    """Who made the claim: "Trump's claim", "his claim", "a Daily Ledger report", "a report
    by X"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ != "its":  # "its" is often the thing's own
            return noun_phrase(child)
        if child.i < noun.i and any(g.dep_ == "case" for g in child.children):
            return noun_phrase(child)  # "The police’s claim", the owner parsed as a subject
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child.left_edge.i, child.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            source = object_of(child)
            if source is not None:
                return noun_phrase(source)
    return None


def in_source(token: Token, lexicon: CueLexicon) -> Found | None:
    """ "In the latest poll, Clinton leads by five points": a document or finding that opens
    a main clause with no cue of its own is that clause's source."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    clause = token.head
    if clause.dep_ != "ROOT" or clause.i < token.i:
        return None
    source = object_of(token)
    if source is None or source.lemma_.lower() not in lexicon.source_nouns:
        return None
    if any(is_cue(t, lexicon) for t in clause.subtree):
        return None
    content = trim_punct(token.doc, token.right_edge.i + 1, clause.right_edge.i + 1)
    if content is None:
        return None
    return Found(
        cue=(token.i, token.i + 1),
        content=[content],
        speaker=noun_phrase(source),
        confidence=0.6,
        cue_lemma="in",
    )


def reportedly(tokens: list[Token]) -> list[Found]:
    """ "An official reportedly told …": a report with no named source, of the clause."""
    found = []
    for token in tokens:
        if token.lower_ in {"reportedly", "allegedly"} and token.head.pos_ in {"VERB", "AUX"}:
            clause = token.head
            start = clause.left_edge.i
            content = trim_punct(token.doc, start, clause.right_edge.i + 1)
            if content:
                found.append(
                    Found(
                        cue=(token.i, token.i + 1),
                        content=[content],
                        speaker=None,
                        confidence=0.6,
                        cue_lemma=token.lower_,
                    )
                )
    return found


def hedged_noun(token: Token, lexicon: CueLexicon) -> Found | None:
    """ "An estimated 12,000 troops", "alleged North Korean soldiers": a hedge on a noun
    presents the rest of its phrase as someone's claim, a source the text leaves unnamed."""
    noun = token.head
    if token.lower_ not in lexicon.hedge_words or token.dep_ != "amod" or noun.i < token.i:
        return None
    if noun.pos_ not in {"NOUN", "PROPN", "NUM"}:  # "an estimated £30 million": a number
        return None
    content = trim_punct(token.doc, token.i + 1, noun.right_edge.i + 1)
    if content is None:
        return None
    return Found(
        cue=(token.i, token.i + 1),
        content=[content],
        speaker=None,
        confidence=0.6,
        cue_lemma=token.lower_,
    )


def verb_lemma(token: Token) -> str:
    """The lemma of a verb, with the "e" that the model's lemmatizer drops from "hoping",
    "hated" and "rates" (it reads them as forms of "hop", "hat" and "rat"). A verb of one
    closed syllable doubles its consonant ("hopping", "hopped"), so a single one before
    "-ed", "-ing" or "-es" belongs to a base ending in "e"."""
    lemma = token.lemma_.lower()
    ending = token.lower_[len(lemma) :] if token.lower_.startswith(lemma) else None
    if ending in {"ed", "ing", "es"} and CLOSED_SYLLABLE.fullmatch(lemma):
        return lemma + "e"
    return lemma


def particle_of(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The particle that makes the verb a phrasal cue of the lexicon: "out" of "ruled out",
    "down" of "played down". The parse gives a particle as `prt`, or as an `advmod` ("hit
    back") or a preposition with no object ("played down the risk")."""
    lemma = verb_lemma(verb)
    for child in verb.rights:
        if child.i > verb.i + 2:
            break
        is_particle = child.dep_ in {"prt", "advmod"} or (
            child.dep_ == "prep" and child.n_rights == 0
        )
        if is_particle and f"{lemma} {child.lower_}" in lexicon.verbs:
            return child
    return None


def cue_lemma(verb: Token, lexicon: CueLexicon) -> str:
    """The cue's lemma, "rule out" for "ruled out" when the lexicon lists the phrasal verb:
    the particle makes another verb ("rule" takes only a clause, "rule out" an object)."""
    particle = particle_of(verb, lexicon)
    lemma = verb_lemma(verb)
    return f"{lemma} {particle.lower_}" if particle is not None else lemma


def cue_tokens(verb: Token, lexicon: CueLexicon) -> tuple[int, int]:
    """The cue's tokens: the verb, through its particle ("ruled out", "ruled it out")."""
    particle = particle_of(verb, lexicon)
    return verb.i, (particle.i if particle is not None else verb.i) + 1


def is_cue(token: Token, lexicon: CueLexicon) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = cue_lemma(token, lexicon)
    return (
        lemma in lexicon.verbs
        or (lemma in lexicon.topic_verbs and topic_of(token) is not None)
        or (lemma in lexicon.as_it_verbs and puts_it(token, lexicon))
        or (lemma in lexicon.figure_verbs and figure_given(token) is not None)
        or quoted_as_saying(token, lexicon) is not None
    )


def quoted_as_saying(verb: Token, lexicon: CueLexicon) -> tuple[Token, Token] | None:
    """ "The Courier quoted an unnamed official as saying …": whom an active "quote" quotes,
    and the "as" phrase with a cue that says what they said."""
    if verb_lemma(verb) not in SPEAKING_PASSIVES or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    quoted = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    as_phrase = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if quoted is None or as_phrase is None:
        return None
    said = next((c for c in as_phrase.children if c.dep_ == "pcomp"), None)
    if said is None or verb_lemma(said) not in lexicon.verbs:
        return None
    return quoted, as_phrase


def figure_given(verb: Token) -> tuple[int, int] | None:
    """ "put the toll at 1,870", "put the figure hundreds higher", "put Lindley four points
    ahead": the estimate a verb of `models/figure_verbs.txt` gives, from its object to the
    figure after "at" (a number or an amount, not a time: "put the meeting at 3 p.m."), to
    the comparative after it or to a margin."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for child in verb.rights:
        if child.i < obj.i:
            continue
        if is_figure_at(child):
            return obj.left_edge.i, child.right_edge.i + 1
        if child.tag_ in {"JJR", "RBR"} and child.dep_ in {"advmod", "acomp", "oprd", "amod"}:
            return obj.left_edge.i, child.right_edge.i + 1
        if is_margin(child):
            return obj.left_edge.i, child.right_edge.i + 1
    # "put the number of people evacuated at about 2,400": the parse hung "at" inside the
    # object, on the phrase's last word; the figure still ends the object.
    if any(t.right_edge.i == obj.right_edge.i and is_figure_at(t) for t in obj.subtree):
        return obj.left_edge.i, obj.right_edge.i + 1
    return None


def is_margin(phrase: Token) -> bool:
    """ "four points ahead", "12 points behind the incumbent": a word that a number of
    points, seats or votes modifies (not "two feet behind the door")."""
    return any(
        c.dep_ == "npadvmod"
        and c.lemma_.lower() in MARGIN_UNITS
        and any(n.like_num for n in c.children)
        for c in phrase.children
    )


def is_figure_at(phrase: Token) -> bool:
    return phrase.lower_ == "at" and phrase.dep_ == "prep" and gives_amount(phrase)


def gives_amount(phrase: Token) -> bool:
    """Whether a phrase holds a number or an amount ("1,870", "£2bn", "“several dozen”"), not
    a time."""
    words = list(phrase.subtree)
    if any(t.ent_type_ in {"DATE", "TIME"} for t in words):
        return False
    return any(
        t.like_num or t.text[0].isdigit() or t.tag_ == "$" or t.lower_ in AMOUNT_WORDS
        for t in words
    )


def puts_it(verb: Token, lexicon: CueLexicon) -> bool:
    """ "As the mayor put it (in a statement on Monday), …": an "as" clause whose object is
    "it", and whose phrases say when or in what it was said, not where it was put ("As he
    put it on the table, …")."""
    if not opens_as_clause(verb) or verb_lemma(verb) not in lexicon.as_it_verbs:
        return False
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.rights):
        return False
    for phrase in (c for c in verb.children if c.dep_ == "prep"):
        where = object_of(phrase)
        if where is None or not (
            where.ent_type_ in {"DATE", "TIME"} or where.lemma_.lower() in lexicon.documents
        ):
            return False
    return True


def verb_attribution(verb: Token, lexicon: CueLexicon) -> Found | None:
    if not is_cue(verb, lexicon) or in_according_to(verb) or names_noun(verb, lexicon):
        return None
    if asks_anonymity(verb):
        return None
    content = content_of(verb, lexicon)
    if not content or None in content:
        return None
    speaker, inherited = speaker_of(verb, lexicon)
    content[-1] = without_medium(verb.doc, content[-1], lexicon)
    return Found(
        cue=cue_tokens(verb, lexicon),
        content=content,
        speaker=speaker,
        confidence=0.7 if inherited else 0.8,
        negated=is_negated(verb, lexicon),
        cue_lemma=cue_lemma(verb, lexicon),
    )


def is_negated(verb: Token, lexicon: CueLexicon) -> bool:
    """ "has not confirmed", "never said", "neither Russia nor North Korea have confirmed",
    "no official has confirmed", "without acknowledging"; and refused speech: "declined to
    say …" (the cue is the refusal) and "failed to explain …" (a refusal governs the cue)."""
    if any(c.dep_ == "neg" and c.i < verb.i for c in verb.children) or has_negative_subject(verb):
        return True  # not a "not" after it: "Kerr said, “Absolutely not.”"
    if verb_lemma(verb) in lexicon.refusal_verbs:
        return any(child.dep_ == "xcomp" for child in verb.children)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "defended the plan without acknowledging that …"
    return verb.dep_ == "xcomp" and verb_lemma(verb.head) in lexicon.refusal_verbs


def has_negative_subject(verb: Token) -> bool:
    """ "Nobody said", "none of them confirmed", "no official has confirmed", "neither
    Russia nor North Korea have confirmed": a subject that says no one spoke."""
    subject = subject_of(verb)
    if subject is None:
        return False
    return subject.lower_ in NEGATIVE_SUBJECTS or any(
        child.lower_ in {"no", "neither"} and child.dep_ in {"det", "preconj"}
        for child in subject.children
    )


def content_of(verb: Token, lexicon: CueLexicon) -> list[tuple[int, int]] | None:
    """What the cue verb reports, as token spans (two when the cue stands inside it)."""
    lemma = cue_lemma(verb, lexicon)
    if lemma in lexicon.topic_verbs:
        return topic_content(verb)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and reported_clause(c, verb) and gap_cue(c) in {None, verb}
    ]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        span = clauses_span(after, lexicon)
        if span is None:
            return None
        span = (reduced_relative_start(verb, after[0], lexicon) or span[0], span[1])
        span = with_absolute_phrase(verb, span)
        return [without_aside(verb.doc, before_participle(verb.doc, span, lexicon))]
    if clauses:
        span = subtree_span(clauses[0])
        if span is not None:
            start = max(span[0], dateline_end(verb.sent), after_question_put(clauses[0]))
            span = trim_punct(verb.doc, whole_sentence_before(verb, start), span[1])
        if span is None:
            return None
        return [span, *rest_of_sentence(verb)]  # "X, Ms. Varga said, Y"
    unmarked = unmarked_clause(verb) or clause_heading_cue(verb) or subject_gap_span(verb)
    if unmarked is not None:
        return [without_aside(verb.doc, before_participle(verb.doc, unmarked, lexicon))]
    if verb_lemma(verb) in lexicon.figure_verbs and (figure := figure_given(verb)) is not None:
        return [figure]
    if (quoting := quoted_as_saying(verb, lexicon)) is not None:
        quoted, as_phrase = quoting  # "an unnamed official as saying …"
        return [trim_punct(verb.doc, quoted.left_edge.i, as_phrase.right_edge.i + 1)]
    if verb_lemma(verb) in lexicon.addressee_verbs:
        that_clause = misparsed_that_clause(verb)
        if that_clause is not None:
            return [with_absolute_phrase(verb, that_clause)]
    that_clause = that_clause_after_addressee(verb)
    if that_clause is not None:
        return [with_absolute_phrase(verb, that_clause)]
    medium = medium_of(verb, lexicon)
    if medium is not None:
        that_clause = misparsed_that_clause(medium, after=medium.i)
        if that_clause is not None:
            return [with_absolute_phrase(verb, that_clause)]
    clause_only = lemma in lexicon.clause_only_verbs
    predicated = None if clause_only else passive_as_predicate(verb)
    if predicated is not None:
        return predicated
    objects = [
        c
        for c in verb.rights
        if (c.dep_ in OBJECT_DEPS or is_for_clause(c, verb))
        and not is_addressee(c, verb, lexicon)
        and not (c.dep_ == "prep" and is_circumstance(c, verb, lexicon))
        and not (c.lower_ == "it" and puts_it(verb, lexicon))
    ]
    if not any(c.dep_ in OWN_CONTENT_DEPS for c in objects):
        around = reporting_clause(verb) or as_clause_reports(verb, lexicon)
        if around:
            return around
    if not objects and not clause_only:
        return passive_subject(verb) or paragraph_after_colon(verb)
    if not objects or (clause_only and not any(c.dep_ == "xcomp" or asks(c) for c in objects)):
        return None
    span = without_aside(
        verb.doc, trim_punct(verb.doc, objects[0].left_edge.i, objects[-1].right_edge.i + 1)
    )
    if span is None or is_pronoun_alone(verb.doc[span[0] : span[1]]):
        return None  # "ruled that out", "denied it": nothing that can be read
    named = all(c.pos_ == "PROPN" for c in objects)  # "endorsed Vale", "mocked Okafor"
    stance = lemma in lexicon.stance_verbs  # "denied any wrongdoing"
    if not (named or stance) and span[1] - span[0] < MIN_OBJECT_CONTENT:
        return None
    if is_transaction(verb, objects[0], lexicon):
        return None  # "shares added 3%", "posted a loss of £212 million"
    if is_act(verb, objects, lexicon):
        return None  # "called an early general election"
    return [without_preposition(verb.doc, span)]


def asks_anonymity(verb: Token) -> bool:
    """ "a neighbour, who asked not to be named": a source's request not to be named, which
    says nothing of what they said."""
    return verb_lemma(verb) in REQUEST_VERBS and any(
        c.dep_ == "xcomp" and c.i > verb.i and c.lemma_ in IDENTIFYING_VERBS for c in verb.children
    )


def topic_of(verb: Token) -> Token | None:
    """The "about" or "of" phrase of a verb of speaking: "spoke about her ties to the
    church", "talked of reform"."""
    return next(
        (
            c
            for c in verb.rights
            if c.dep_ == "prep"
            and c.lower_ in {"about", "of"}
            and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
        ),
        None,
    )


def topic_content(verb: Token) -> list[tuple[int, int]] | None:
    """ "talked about bringing communities together" reports what it was about; "spoke to
    reporters" or "spoke at the rally" on its own reports nothing."""
    topic = topic_of(verb)
    if topic is None:
        return None
    span = trim_punct(verb.doc, topic.i + 1, topic.right_edge.i + 1)
    if span is None or is_pronoun_alone(verb.doc[span[0] : span[1]]):
        return None
    return [span]


def is_pronoun_alone(span: Span) -> bool:
    """ "it", "that", "this": one word that stands for what was said elsewhere. The tagger
    reads "that" as a determiner or a conjunction as often as a pronoun."""
    return len(span) == 1 and span[0].pos_ in {"PRON", "DET", "SCONJ"}


def asks(phrase: Token) -> bool:
    """ "has not disclosed how much of the bill its partners paid": an object that opens with
    a wh-word is a clause the parse read as a noun phrase."""
    return phrase.dep_ == "dobj" and phrase.left_edge.tag_ in {"WRB", "WP", "WDT"}


def is_circumstance(preposition: Token, verb: Token, lexicon: CueLexicon) -> bool:
    """ "in a statement", "on Friday": a phrase of when, where or how something was said, not
    what. "commented on the figures" says what was commented."""
    if preposition.n_rights == 0:
        return True
    if modifies_object_before(preposition):
        return False
    if preposition.lower_ == "on" and cue_lemma(verb, lexicon) in lexicon.speech_on_verbs:
        topic = object_of(preposition)
        return (
            topic is None
            or topic.ent_type_ in {"DATE", "TIME"}
            or topic.lemma_.lower() in lexicon.media_nouns
        )
    return preposition.lower_ in CIRCUMSTANCE_PREPOSITIONS


def modifies_object_before(preposition: Token) -> bool:
    """ "citing images from two satellites": the parse often hangs on the verb a "from"
    phrase that follows the verb's noun object with no comma, where it tells which images."""
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else None
    return (
        preposition.lower_ == "from"
        and before is not None
        and before.pos_ == "NOUN"
        and any(c.dep_ == "dobj" and c.right_edge == before for c in preposition.head.children)
    )


def passive_as_predicate(verb: Token) -> list[tuple[int, int]] | None:
    """ "These methods were cited as key reasons for the losses": a passive cue with an "as"
    predicate says the predicate of its subject, so the content is both: the subject, or
    what a relative pronoun subject stands for ("the deal, which was described as …")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    predicate = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if subject is None or predicate is None:
        return None
    if not any(c.dep_ == "pobj" for c in predicate.children):
        return None  # "were admitted as well" has no predicate
    doc = verb.doc
    said = trim_punct(doc, predicate.i, predicate.right_edge.i + 1)
    if said is None:
        return None
    if subject.lower_ in RELATIVE_PRONOUNS:
        if verb.dep_ != "relcl":
            return [said]  # "what is being criticized as …"
        start, end = noun_phrase(relative_antecedent(subject, verb.head))
        about = trim_punct(doc, start, min(end, subject.i))
    else:
        about = trim_punct(doc, subject.left_edge.i, subject.right_edge.i + 1)
    return [about, said] if about is not None else [said]


def is_transaction(verb: Token, obj: Token, lexicon: CueLexicon) -> bool:
    """A verb of `models/transaction_verbs.txt` whose object is an amount: a number, its
    count ("15 sen", "40 basis points") or what it is of ("an army of 1 million"), or that
    holds money or a percentage ("a 34% profit gain", "a loss of £212 million"). Not an
    accusation: "charged two developers with fraud"."""
    if verb_lemma(verb) not in lexicon.transaction_verbs:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    if any(t.ent_type_ in {"MONEY", "PERCENT"} for t in obj.subtree):
        return True
    amounts = [obj, *(c for c in obj.children if c.dep_ in {"nummod", "quantmod"})]
    amounts += [o for c in obj.children if c.lower_ == "of" and (o := object_of(c)) is not None]
    return any(t.ent_type_ in AMOUNT_TYPES for t in amounts)


def is_act(verb: Token, objects: list[Token], lexicon: CueLexicon) -> bool:
    """A verb whose direct object is a noun of `models/act_objects.tsv` for it, with no
    predicate after it: an act, not speech ("called an early general election for Nov. 8",
    the headline's "calls snap election", but not "called the vote a disgrace")."""
    direct = next((t for o in objects for t in o.subtree if t.dep_ == "dobj"), None)
    if direct is None or (verb_lemma(verb), direct.lemma_.lower()) not in lexicon.act_objects:
        return False
    return not any(o.dep_ in {"oprd", "xcomp"} and o.i > direct.i for o in objects)


def passive_subject(verb: Token) -> list[tuple[int, int]] | None:
    """ "The levy has been praised by most mayors", "a concern echoed by every grower we spoke
    to": a passive cue with an agent (the speaker) and nothing else to report
    reports its subject, or the noun its participle describes."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is not None:
        if subject.pos_ == "PRON":
            return None  # "They were praised by …" reports nothing that can be read
        span = trim_punct(verb.doc, subject.left_edge.i, subject.right_edge.i + 1)
    elif verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i:
        span = trim_punct(verb.doc, verb.head.left_edge.i, verb.i)
    else:
        return None
    return [span] if span is not None else None


def paragraph_after_colon(verb: Token) -> list[tuple[int, int]] | None:
    """ "Okafor added:" at the end of a paragraph, then the paragraph he said, set off
    without quotation marks (a quotation there is the attribution stage's to take)."""
    doc, sentence = verb.doc, verb.sent
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is None or last.text != ":" or last.head != verb:
        return None
    after = last.i + 1
    if after >= len(doc) or "\n" not in doc[after].text:
        return None
    start = after
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or doc[start].is_quote:
        return None
    end = next((t.i for t in doc[start:] if t.is_space and "\n" in t.text), len(doc))
    span = trim_punct(doc, start, end)
    return [span] if span is not None else None


def without_preposition(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """ "complained about the broken microphone" reports "the broken microphone": an object
    phrase starts after its preposition."""
    first = doc[span[0]]
    if first.dep_ == "prep" and first.n_rights and span[0] + 1 < span[1]:
        return next(first.rights).left_edge.i, span[1]
    if first.dep_ == "mark" and first.lower_ == "for" and span[0] + 1 < span[1]:
        return span[0] + 1, span[1]  # "called for the watchdog to be given …"
    return span


def is_for_clause(clause: Token, verb: Token) -> bool:
    """ "called for the watchdog to be given the power …": the parse may read the verb's
    for-to complement as an adverbial clause that "for" opens."""
    opener = clause.left_edge
    return (
        clause.dep_ == "advcl"
        and opener.lower_ == "for"
        and opener.dep_ == "mark"
        and opener.i == verb.i + 1
        and any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in clause.children)
    )


def reduced_relative_start(verb: Token, clause: Token, lexicon: CueLexicon) -> int | None:
    """ "cited dismissive remarks Vale had made about Ortiz as examples …": the small
    model reads the relative clause with no "that" as the cue's clause and the noun before it
    as the cue's object. Object and clause are what was cited, from the object on."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or obj.pos_ != "NOUN" or is_addressee(obj, verb, lexicon):
        return None
    if any(c.dep_ == "mark" for c in clause.children) or clause.left_edge.i != obj.i + 1:
        return None
    return obj.left_edge.i


def whole_sentence_before(verb: Token, start: int) -> int:
    """ "Vale had asked the police …, but the council turned the request down, a spokesman
    added.": a cue that closes its sentence after a comma reports all the clauses before it,
    not only the one the parse hung on it. The others are its other clauses, or the clause it
    is coordinated with."""
    left, right = cue_phrase(verb)
    sentence = verb.sent
    closes_sentence = all(t.is_punct or t.is_space for t in verb.doc[right + 1 : sentence.end])
    if not closes_sentence or left <= start or verb.doc[left - 1].text != ",":
        return start
    clauses = [c for c in verb.lefts if c.dep_ in {"ccomp", "conj"}]
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        clauses.append(verb.head)
    return max(dateline_end(sentence), min([start, *(c.left_edge.i for c in clauses)]))


def clauses_span(clauses: list[Token], lexicon: CueLexicon) -> tuple[int, int] | None:
    """The clauses a cue reports, from the first to the last. The small model often splits
    one reported clause in two at "and"; a later clause headed by a cue of its own ("… and
    Democrats accused …") is another attribution, and the content ends before it. An
    infinitive the parse hung on the cue right after the clause belongs to the clause."""
    reported = [clauses[0]]
    for clause in clauses[1:]:
        if is_cue(clause, lexicon) and subject_read_as_clause(clause) is None:
            break
        reported.append(clause)
    doc, end = clauses[0].doc, reported[-1].right_edge.i + 1
    verb = clauses[0].head
    end = next(  # "suggested [the deal required Korea] [to take part]": one clause
        (c.right_edge.i + 1 for c in verb.rights if c.dep_ == "xcomp" and c.left_edge.i == end),
        end,
    )
    second = second_speech_act(reported[-1], verb, lexicon) or quoting_conjunct(
        reported[-1], lexicon
    )
    if second is not None:
        end = min(end, second.left_edge.i)
    if len(reported) < len(clauses):  # its subject may be glued to this clause's object
        glued = subject_glued_to_object(clauses[len(reported)])
        end = min(end, glued.left_edge.i) if glued is not None else end
    if len(reported) < len(clauses) or second is not None:  # the "and" before it is not said
        while end > clauses[0].i and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
            end -= 1
    # "which traders said reflected doubts": the relative pronoun is the clause's subject,
    # but what was said starts after the cue.
    return trim_punct(doc, max(clauses[0].left_edge.i, verb.i + 1), end)


def quoting_conjunct(clause: Token, lexicon: CueLexicon) -> Token | None:
    """ "She said the plan was fair, and when pressed, the mayor replied, “We will …”": a cue
    with a subject of its own, coordinated to the reported clause and followed by its own
    quotation, is another attribution, not part of what was said."""
    for conjunct in clause.conjuncts:
        if conjunct.i < clause.i or subject_of(conjunct) is None:
            continue
        _, right = cue_phrase(conjunct)
        if (
            right + 1 < len(clause.doc)
            and clause.doc[right].text == ","
            and opens_quotation(clause.doc[right + 1])
            and is_cue(conjunct, lexicon)
        ):
            return conjunct
    return None


def second_speech_act(clause: Token, verb: Token, lexicon: CueLexicon) -> Token | None:
    """ "Trump said he would order a review and warned against hackers": a cue with no
    subject, in the tense of the cue, coordinated to the reported clause is the speaker's
    next act, which the parse hung inside what was said. Unless it may go on the clause:
    in its tense, with a subject other than a pronoun for the speaker ("stated that the
    footage was provided by … and depicted …": the footage depicted). A state of a thing
    ("said the plan was unfunded and warned …") does not go on with speech."""
    subject = subject_of(clause)
    by_speaker = subject is not None and (
        "Prs" in subject.morph.get("PronType") or describes_thing(clause, subject, lexicon)
    )
    return next(
        (
            c
            for c in clause.rights
            if c.dep_ == "conj"
            and c.tag_ == verb.tag_
            and is_cue(c, lexicon)
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
            and (by_speaker or finite_tag(clause) != c.tag_)
        ),
        None,
    )


def describes_thing(clause: Token, subject: Token, lexicon: CueLexicon) -> bool:
    """ "the plan was unfunded": a clause of "be" whose subject is a common noun that is no
    document or medium, which says nothing and so is no one's speech to go on with."""
    return (
        clause.lemma_ == "be"
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in lexicon.documents
    )


def reporting_cue(cue: Token, lexicon: CueLexicon) -> Token:
    """ "Perdue said he didn't believe …, arguing that …": a participle the parse hung on a
    cue inside another cue's clause, whose subject is a pronoun for the speaker, is the
    outer speaker's act."""
    while (
        cue.dep_ == "ccomp"
        and is_cue(cue.head, lexicon)
        and (subject := subject_of(cue)) is not None
        and "Prs" in subject.morph.get("PronType")
        and subject_of(cue.head) is not None
    ):
        cue = cue.head
    return cue


def cue_before_clause(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The cue whose reported clause `verb` is the `second_speech_act` of, if it is one."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or not is_cue(clause.head, lexicon):
        return None
    second = second_speech_act(clause, clause.head, lexicon)
    return clause.head if second is not None and second.i == verb.i else None


def finite_tag(verb: Token) -> str:
    """The tag of the word that carries a verb's tense: "would" of "would order", "was" of
    "was provided", else the verb's own."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    return auxiliaries[0].tag_ if auxiliaries else verb.tag_


def unmarked_clause(verb: Token) -> tuple[int, int] | None:
    """ "said after the summit he would not sign …": a time or place between the cue and
    its clause makes the small model read the clause as adverbial. A clause after the cue with
    a subject of its own and no conjunction ("if", "when", "because") is what was said."""
    if any(c.dep_ in OWN_CONTENT_DEPS for c in verb.rights):
        return None
    for clause in verb.rights:
        if clause.dep_ != "advcl" or any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.lefts):
            continue
        subject = next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return trim_punct(verb.doc, subject.left_edge.i, clause.right_edge.i + 1)
    return None


def contact_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause with no relative pronoun hangs on: "the man [police say]
    …". The small model may also read the clause as a second main verb with no "and"
    ("published a video [he claimed] …"); then it is the noun right before the clause's
    subject, or the object before an adverbial phrase ("a video on social media [he …]")."""
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.tag_ in {"WDT", "WP", "WP$"} or subject.lower_ == "that":
        return None
    if verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None
    if verb.dep_ != "conj" or any(c.dep_ == "cc" for c in verb.head.children):
        return None
    start = subject.left_edge.i
    before = verb.doc[start - 1] if start > 0 else None
    if before is None or before.pos_ not in {"NOUN", "PROPN"} or before.head.i >= start:
        return None
    if before.dep_ == "pobj" and before.head.head == verb.head:
        return next((c for c in verb.head.rights if c.dep_ == "dobj" and c.i < before.i), before)
    return before


def subject_gap(verb: Token) -> Token | None:
    """The verb of what a contact relative clause's cue reports, whose missing subject is the
    clause's noun: "started" of "the man police say started the fire". The small model often
    hangs it on the main clause rather than on the cue, or makes the noun its subject ("a
    strike the army said hit a depot")."""
    antecedent = contact_antecedent(verb)
    if antecedent is None or any(c.dep_ in OBJECT_DEPS for c in verb.rights):
        return None
    if verb.i + 1 >= len(verb.doc):
        return None
    gap = verb.doc[verb.i + 1]
    if gap.dep_ in LEADING_DEPS:
        gap = gap.head  # "police say [had] started", "say [later] started"
    if gap.pos_ not in {"VERB", "AUX"} or own_start(gap) != verb.i + 1:
        return None
    tense = finite_tag(gap)
    if tense not in {"VBD", "VBZ", "VBP", "MD"} and not (tense == "VB" and verb.tag_ == "VBD"):
        return None  # after "said", "hit" and "put" are past tenses the tagger may read as VB
    subjects = [c for c in gap.children if c.dep_ in SUBJECT_DEPS]
    if any(c.dep_ == "mark" for c in gap.children) or subjects not in ([], [antecedent]):
        return None
    return gap


def own_start(verb: Token) -> int:
    """Where a verb's own words start: its auxiliaries, negation and adverbs right before it."""
    start = verb.i
    for child in reversed(list(verb.lefts)):
        if child.dep_ not in LEADING_DEPS or child.i != start - 1:
            break
        start = child.i
    return start


def subject_gap_span(verb: Token) -> tuple[int, int] | None:
    gap = subject_gap(verb)
    return trim_punct(verb.doc, verb.i + 1, gap.right_edge.i + 1) if gap is not None else None


def clause_heading_cue(verb: Token) -> tuple[int, int] | None:
    """ "While she acknowledged staffing was a major reason …, Vale noted …": the small model
    sometimes hangs the cue on the clause it reports, taking that clause's subject either
    for the clause ("staffing" ← "was") or for the cue's object ("admitted money" + "was").
    A cue whose head is a later clause that starts right after it reports that clause."""
    clause = verb.head
    if clause.i <= verb.i or clause.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
    objects = list(verb.rights)
    if subject is None and len(objects) == 1 and objects[0].dep_ == "dobj":
        subject = objects[0]
    elif objects:
        return None
    if subject is None or subject.left_edge.i != verb.i + 1:
        return None
    between = verb.doc[subject.right_edge.i + 1 : clause.i]
    if any(t.head != clause or t.dep_ not in {"aux", "auxpass", "neg"} for t in between):
        return None
    if any(t.is_punct for t in verb.doc[verb.i + 1 : clause.i]):
        return None  # "As she welcomed several dozen delegates, Vale was …"
    return trim_punct(verb.doc, subject.left_edge.i, clause.right_edge.i + 1)


def cue_phrase(verb: Token) -> tuple[int, int]:
    """The reporting clause itself: subject, auxiliaries, cue, and its addressee, time and
    place ("Sen. Ada Vale (D-Ore.) told reporters on Thursday")."""
    subject = subject_of(verb)
    left = min([verb.i, *(c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod"})])
    if subject is not None:
        left = min(left, subject.left_edge.i)
    right = verb.i
    for child in verb.rights:
        if child.dep_ in {"prt", "prep", "npadvmod", "advmod", "dative", "dobj", "nsubj", "agent"}:
            right = child.right_edge.i
        else:
            break
    return left, right + 1


def reporting_clause(verb: Token) -> list[tuple[int, int]] | None:
    """ "…, the official said." / "X, the ministry said, was its largest so far": a cue with no
    content of its own reports the rest of its sentence, set off by commas."""
    if subject_of(verb) is None or verb.dep_ not in {"ROOT", "parataxis", "ccomp", "conj"}:
        return None  # a cue inside a relative or adverbial clause reports nothing around it
    doc, sentence = verb.doc, verb.sent
    left, right = cue_phrase(verb)
    if right < len(doc) and (doc[right].text == ":" or doc[right].is_quote):
        return None  # "he said: “…”": the content follows
    if left <= sentence.start or not sets_off(doc[left - 1]):
        return None
    before = trim_punct(doc, dateline_end(sentence), left - 1)
    if before is None or before[1] - before[0] < 2:
        return None
    rest = rest_of_sentence(verb)
    if introduces(verb, before) and not (rest and fronts_main_clause(verb, before)):
        return None
    if is_question_put(doc[before[0]]):
        return None  # "Asked whether …, Kerr said, “…”"
    return [before, *rest]


def span_roots(doc: Doc, span: tuple[int, int]) -> list[Token]:
    """The words of a token span whose heads lie outside it."""
    words = doc[span[0] : span[1]]
    return [t for t in words if t.head == t or not span[0] <= t.head.i < span[1]]


def fronts_main_clause(verb: Token, span: tuple[int, int]) -> bool:
    """ "If the council refuses, the mayor said, the city will sue": the words before a
    parenthetical cue are an adverbial clause of the clause after it, which the parse hung
    on the cue."""
    roots = span_roots(verb.doc, span)
    return (
        verb.dep_ == "parataxis"
        and verb.head.i > verb.i
        and [t.dep_ for t in roots] == ["advcl"]
        and subject_of(roots[0]) is not None
    )


def as_clause_reports(verb: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """ "The tax, as the mayor noted, will fall hardest on renters", "As the mayor said on
    Monday, the tax …": a cue in an "as" clause with no content of its own reports the clause
    it modifies, without the "as" clause. So does a passive one that names its source: "As
    reported by the Daily Ledger, …", "as stated in the report, …" ("as expected" does not)."""
    if not opens_as_clause(verb) or (
        subject_of(verb) is None and passive_as_source(verb, lexicon) is None
    ):
        return []
    if any(
        (
            c.dep_ in {"dobj", "dative", "ccomp", "xcomp"}
            and not (c.lower_ == "it" and puts_it(verb, lexicon))
        )
        or (c.dep_ == "prep" and c.lower_ not in CIRCUMSTANCE_PREPOSITIONS)
        for c in verb.children
    ):
        return []  # "as she welcomed the delegates", "as she called for …": a circumstance
    doc, clause = verb.doc, clause_of_as_clause(verb)
    end = verb.right_edge.i
    while end > verb.i and doc[end].is_punct:
        end -= 1
    if end + 1 < len(doc) and not doc[end + 1].is_punct:
        return []  # the parse cut the clause short ("As she welcomed | several delegates, …")
    start = max(clause.left_edge.i, dateline_end(verb.sent))
    parts = (
        trim_punct(doc, start, verb.left_edge.i),
        trim_punct(doc, verb.right_edge.i + 1, clause.right_edge.i + 1),
    )
    return [part for part in parts if part and part[1] - part[0] >= 2]


def clause_of_as_clause(verb: Token) -> Token:
    """The clause an "as" clause belongs to: its head, or the head's verb when the parse
    hung the clause on a subject ("The bridge, as Smith said, has been closed")."""
    head = verb.head
    if head.dep_ in SUBJECT_DEPS and head.i < verb.i and head.head.i > verb.i:
        return head.head
    return head


def opens_as_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children
    )


def passive_as_source(verb: Token, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The source of a passive "as" clause: its agent ("as reported by Reuters") or the
    document it was said in ("as stated in the report")."""
    if verb.tag_ != "VBN":
        return None
    for child in verb.children:
        source = object_of(child) if child.dep_ in {"agent", "prep"} else None
        if source is not None and (
            child.dep_ == "agent"
            or (child.lower_ == "in" and source.lemma_.lower() in lexicon.documents)
        ):
            return noun_phrase(source)
    return None


def introduces(verb: Token, span: tuple[int, int]) -> bool:
    """The words before the cue are its own circumstance, not what was said: "In July, …",
    "Although the nations have …, the minister criticized …"."""
    roots = span_roots(verb.doc, span)
    return all(
        t.head == verb and t.dep_ in INTRODUCTORY_DEPS and not misread_subject(t) for t in roots
    )


def misread_subject(token: Token) -> bool:
    """ "Those nurses, the director explained …, were …": a noun phrase the parse hung on the cue
    as an adverbial noun. Only a time ("This week, …") is one."""
    return token.dep_ == "npadvmod" and token.ent_type_ not in {"DATE", "TIME"}


def rest_of_sentence(verb: Token) -> list[tuple[int, int]]:
    """The words after a parenthetical cue ("…, Ms. Varga said, until the day it shut")."""
    doc, sentence = verb.doc, verb.sent
    _, right = cue_phrase(verb)
    if right >= sentence.end - 1 or doc[right].text != ",":
        return []
    if doc[right + 1].tag_ == "VBG" and doc[right + 1].dep_ not in SUBJECT_DEPS:
        return []  # ", saying …" is an attribution of its own, ", speaking of …" a circumstance
    if doc[right + 1].dep_ in {"cc", "mark"} or opens_quotation(doc[right + 1]):
        return []  # "…, he said, and …" / ", after …" / "…, he said, “We …”" start something else
    rest = trim_punct(doc, right + 1, sentence.end)
    return [rest] if rest and rest[1] - rest[0] >= 2 else []


def opens_quotation(token: Token) -> bool:
    """A quotation mark before a capital letter: "…, he said, “We …”" quotes a sentence of
    its own, "The vote, he said, “was a disgrace”" the rest of this one."""
    return token.is_quote and not (token.i + 1 < len(token.doc) and token.nbor(1).is_lower)


def sets_off(token: Token) -> bool:
    return token.text in {",", "—", "–", ":"} or token.is_quote


def subject_of(verb: Token) -> Token | None:
    """The subject, or the name right after the verb in "“…,” said Ada Quill". Of two
    subjects the parse gave a verb ("The Latest: Vale urges …"), the one nearer to it,
    but not one inside the quotation before the verb ("“… Total crisis mode,” said Lind")."""
    subjects = [
        c for c in verb.children if c.dep_ in SUBJECT_DEPS and not quoted_title_after(c, verb)
    ]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not quoted_before(c, verb)] or subjects
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        if before and (glued := glued_subject(verb, before[-1])) is not None:
            return glued
        if before and (inside := subject_in_participle(verb, before[-1])) is not None:
            return inside
        return before[-1] if before else subjects[0]
    if (name := name_set_off_after_quote(verb)) is not None:
        return name
    after_quote = verb.i > 1 and (
        verb.nbor(-1).is_quote or (verb.nbor(-1).text == "," and verb.nbor(-2).is_quote)
    )
    if after_quote and verb.tag_ in {"VBD", "VBZ", "VBP"}:
        return next(
            (
                c
                for c in verb.rights
                if c.i <= verb.i + 3
                and c.pos_ in {"PROPN", "NOUN"}
                and c.dep_ in {"dobj", "npadvmod", "attr", "appos", "dative", "oprd"}
            ),
            None,
        )
    return None


def subject_in_participle(verb: Token, subject: Token) -> Token | None:
    """ "Opening the case on Monday, the prosecutor, Rebecca Hale, told the jury …": the parse
    reads a fronted participle clause as the subject (or a gerund with an object as a noun)
    and hangs the real one inside it. That is the noun phrase of the clause set off by a
    comma right before the verb."""
    clause = subject.tag_ == "VBG" or (
        subject.lower_.endswith("ing") and any(c.dep_ == "dobj" for c in subject.children)
    )
    if not clause or subject.i != subject.sent.start:
        return None
    doc = verb.doc
    for child in subject.rights:
        start, end = child.left_edge.i, child.right_edge.i
        if (
            child.pos_ in {"NOUN", "PROPN"}
            and doc[start - 1].text == ","
            and end < verb.i
            and all(t.is_punct for t in doc[end + 1 : verb.i])
        ):
            return child
    return None


def glued_subject(verb: Token, subject: Token) -> Token | None:
    """ "…, beginning a journey to the comet Harrow-Lind, the Aldenian Space Agency said":
    the parse takes the last words of the reported clause for the subject and the source
    for their apposition. The source is that apposition when the subject follows the
    clause with no comma between and a comma sets the apposition off."""
    apposition = next(
        (c for c in subject.rights if c.dep_ == "appos" and c.right_edge.i == verb.i - 1), None
    )
    start = subject.left_edge.i
    if apposition is None or start == 0 or verb.doc[apposition.left_edge.i - 1].text != ",":
        return None
    before = verb.doc[start - 1]
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.right_edge == before), None)
    return apposition if clause is not None and not before.is_punct else None


def quoted_title_after(token: Token, verb: Token) -> bool:
    """ "said on Fox News’s “Fox and Friends.”": a title in quotation marks after the verb,
    which the parse may take for its subject."""
    start = token.left_edge.i
    return token.i > verb.i and start > 0 and token.doc[start - 1].is_quote


def name_set_off_after_quote(verb: Token) -> Token | None:
    """ "“…,” Flynn, a top Trump surrogate, said": the parse may hang the name and its
    apposition on the quotation's last noun and leave the verb without a subject. A name
    set off by commas between the closing mark (after its comma) and the verb is it."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    start = max(verb.sent.start, verb.i - MAX_SET_OFF_WORDS)
    close = next((i for i in range(verb.i - 2, start, -1) if doc[i].is_quote), None)
    if close is None or doc[close - 1].text != ",":
        return None
    words = doc[close + 1 : verb.i - 1]
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    comma = next((t.i for t in words if t.text == ","), None)
    name = doc[comma - 1] if comma is not None and comma > close + 1 else None
    return name if name is not None and name.pos_ == "PROPN" else None


def quoted_before(token: Token, verb: Token) -> bool:
    """Whether a quotation mark stands between `token` and the verb after it."""
    return token.i < verb.i and any(t.is_quote for t in token.doc[token.right_edge.i + 1 : verb.i])


def before_participle(
    doc: Doc, span: tuple[int, int], lexicon: CueLexicon
) -> tuple[int, int] | None:
    """Content ends before ", citing …" / ", saying …", and before "… and warned that …":
    that participle or coordinated cue is an attribution of its own, not part of what was
    said (the small model often hangs the second cue on the first one's clause)."""
    for i in range(span[0] + 1, span[1] - 1):
        after = doc[i + 1]
        if doc[i].text == "," and after.tag_ == "VBG" and is_cue(after, lexicon):
            return trim_punct(doc, span[0], i)
        if doc[i].dep_ == "cc" and (
            coordinated_cue(after, lexicon) or opens_cue_clause(after, lexicon)
        ):
            return trim_punct(doc, span[0], i)
    return span


def opens_cue_clause(token: Token, lexicon: CueLexicon) -> bool:
    """ "(and) critics accused them of …": the subject of a coordinated cue verb opens a
    clause that reports another source."""
    subject = next((t for t in (token, *token.ancestors) if t.dep_ in SUBJECT_DEPS), None)
    return (
        subject is not None
        and subject.left_edge.i == token.i
        and subject.head.dep_ == "conj"
        and is_cue(subject.head, lexicon)
    )


def without_aside(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content ends before the writer's aside at its end, set off by a comma: a relative
    clause ("the cost of the new stadium, which makes him an outlier") or a participle
    ("…, quietly staking his own reputation on it"). A clause opened by a conjunction
    (", while another 2,700 were injured") is still what was said."""
    if span is None:
        return None
    start, end = span
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and is_aside(doc[i + 1], end):
            return trim_punct(doc, start, i)
    return span


def is_aside(first: Token, end: int) -> bool:
    """Whether the words from `first` to `end` are one relative clause or participle phrase."""
    opens = first.dep_ in {"nsubj", "advmod"} and first.head.i > first.i
    clause = first.head if opens else first  # "which makes …", "quietly staking …"
    is_clause = clause.dep_ == "relcl" or (clause.tag_ == "VBG" and clause.dep_ != "conj")
    return is_clause and clause.left_edge.i == first.i and clause.right_edge.i >= end - 1


def coordinated_cue(token: Token, lexicon: CueLexicon) -> bool:
    """ "(and) warned that …", "(and) also said …": a cue verb with a clause of its own and no
    subject, so it shares the subject of the cue it is coordinated with."""
    verb = token
    while verb.dep_ == "advmod" and verb.head.i > verb.i:
        verb = verb.head
    return (
        verb.dep_ == "conj"
        and is_cue(verb, lexicon)
        and subject_of(verb) is None
        and any(child.dep_ == "ccomp" for child in verb.children)
    )


def reported_clause(clause: Token, verb: Token) -> bool:
    """A clause after its cue is reported; one before it only when a comma, colon, dash or
    closing quotation mark sets it off ("“…,” he said"), not after a semicolon or full stop.
    A clause after the cue that "as", "while" or the like opens, when another comes before
    it, is the circumstance the parse took for a second report ("…, officials said, as
    talks stalled")."""
    if clause.i > verb.i:
        return not (
            clause.left_edge.dep_ == "mark"
            and clause.left_edge.lower_ in ADVERBIAL_MARKS
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        )
    if is_question_put(clause):
        return False
    after = clause.right_edge.i + 1
    return after < len(clause.doc) and (
        clause.doc[after].text in {",", ":", "—", "–"}
        or clause.doc[after].is_quote
        or clause.doc[clause.right_edge.i].is_quote
    )


def after_question_put(clause: Token) -> int:
    """Where a clause before its cue starts past the question the speaker was asked
    ("Asked about the delay: “We are on it,” she said"), else 0."""
    put = next((c for c in clause.lefts if c.dep_ == "advcl" and is_question_put(c)), None)
    return put.right_edge.i + 1 if put is not None else 0


def opens_sentence(token: Token) -> bool:
    """Whether only punctuation or a paragraph break comes before `token` in its sentence
    (the parse may run a headline into the paragraph after it)."""
    before = token.doc[token.sent.start : token.i]
    return all(t.is_punct or t.is_space for t in before) or "\n" in before[-1].text


def is_question_put(clause: Token) -> bool:
    """ "Asked whether he would resign, Kerr said, …": a passive participle with no subject
    that opens the sentence says what the speaker was asked, not what they said. The
    tagger may read the participle as a past tense."""
    return (
        clause.tag_ in {"VBN", "VBD"}
        and clause.left_edge.i == clause.i
        and opens_sentence(clause)
        and not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in clause.children)
    )


def misparsed_that_clause(head: Token, after: int | None = None) -> tuple[int, int] | None:
    """ "told reporters at a briefing that …", "said in a statement that …": after the
    person spoken to or the medium, the small model often reads "that" as a relative pronoun.
    The clause it opens is the content: the first "that" in the cue's words, or the one
    right `after` the medium and the phrases that describe it ("alleged in a lawsuit filed on
    Oct. 14 in district court that …"). Not one inside an infinitive the cue governs: "warned
    Korea to refrain from actions that would …" reports the infinitive."""
    if after is not None:
        after = described_end(head.doc[after])
    infinitives = [c for c in head.children if c.dep_ == "xcomp" and c.i > head.i]
    for token in head.subtree:
        if token.i <= head.i or token.lower_ != "that":
            continue
        if any(x.left_edge.i <= token.i <= x.right_edge.i for x in infinitives):
            continue
        if after is not None and token.i != after + 1:
            continue
        clause = token.head
        if clause.pos_ in {"VERB", "AUX"} and clause.left_edge.i == token.i:
            return trim_punct(head.doc, token.i, clause.right_edge.i + 1)
    return None


#: What the parse makes of a phrase it cut off a that-clause and hung on the cue.
MISREAD_LIST_DEPS = frozenset({"npadvmod", "dobj"})


def with_absolute_phrase(verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "said in a statement that 2,600 civilians had died, most of them in airstrikes",
    "said that hackers had stolen the names, email addresses and card numbers of …": the
    parse may end a that-clause before the phrase after its comma and hang that phrase on
    the cue; the phrase (not a date) is still part of what was said."""
    doc, end = verb.doc, span[1]
    if end + 1 >= len(doc) or doc[end].text != ",":
        return span
    phrase = next(
        (c for c in verb.rights if c.dep_ in MISREAD_LIST_DEPS and c.left_edge.i == end + 1),
        None,
    )
    if phrase is None:
        return span
    if any(t.ent_type_ in {"DATE", "TIME"} for t in phrase.subtree):
        return span
    return trim_punct(doc, span[0], phrase.right_edge.i + 1) or span


def described_end(noun: Token) -> int:
    """The last token of a noun and the participle and prepositional phrases right after it
    ("a lawsuit filed on Oct. 14 in district court"), not a clause opened by "that"."""
    end = noun.i
    for child in noun.rights:
        describes = child.dep_ == "prep" or (
            child.dep_ == "acl" and not any(c.dep_ == "mark" for c in child.children)
        )
        if not describes or child.left_edge.i != end + 1:
            break
        end = child.right_edge.i
    return end


def that_clause_after_addressee(verb: Token) -> tuple[int, int] | None:
    """ "a nurse lamenting to her husband that hundreds …": when the cue's words end with whom
    it was said to, the parse may hang the "that" clause right after them on another word.
    It is the content if it opens there with "that" as its mark (not a relative pronoun)."""
    rights = [c for c in verb.rights if not c.is_punct]
    if not rights or any(c.dep_ != "prep" or c.lower_ != "to" for c in rights):
        return None
    doc, after = verb.doc, verb.right_edge.i + 1
    if after >= len(doc) or doc[after].lower_ != "that" or doc[after].dep_ != "mark":
        return None
    clause = doc[after].head
    if clause.pos_ not in {"VERB", "AUX"} or clause.left_edge.i != after:
        return None
    return trim_punct(doc, after, clause.right_edge.i + 1)


def is_addressee(child: Token, verb: Token, lexicon: CueLexicon) -> bool:
    """ "told reporters", "warned the court": the person spoken to is not the content. A
    pronoun with a predicate after it is what was said of them ("called her a liar")."""
    if child.dep_ == "dative":
        return True  # "told reporters …"
    if is_personal_pronoun(child):  # "asked her", "showed him"
        return not any(c.dep_ == "oprd" and c.i > child.i for c in verb.children)
    return (
        verb_lemma(verb) in lexicon.addressee_verbs
        and child.dep_ == "dobj"
        and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    )


def medium_of(verb: Token, lexicon: CueLexicon, content_end: int | None = None) -> Token | None:
    """The head noun of how a cue's speech was made (`models/media_nouns.txt`): "said in a
    statement", "wrote on Telegram", "told reporters at a briefing", or right after the
    content, where the parse may hang it ("described X as suffering losses in remarks to
    reporters")."""
    after = [] if content_end is None or content_end >= len(verb.doc) else [verb.doc[content_end]]
    around = [c for event in speech_participles(verb, lexicon) for c in event.children]
    for preposition in [*verb.children, *around, *after]:
        if opens_medium(preposition, lexicon):
            return object_of(preposition)
    return None


def opens_medium(token: Token, lexicon: CueLexicon) -> bool:
    """ "in a statement", "on Telegram", "via email": a preposition whose object is a medium."""
    if token.dep_ != "prep" or token.lower_ not in MEDIUM_PREPOSITIONS:
        return False
    noun = object_of(token)
    return noun is not None and bool({noun.lower_, noun.lemma_.lower()} & lexicon.media_nouns)


def without_medium(doc: Doc, span: tuple[int, int], lexicon: CueLexicon) -> tuple[int, int]:
    """A content ends before a medium phrase that closes it, with the time of speaking if
    any ("“significant losses” in remarks to reporters on Monday"): the parse hung it on a
    verb of the content, but it says how and when the cue's speech was made. Not the medium
    of a cue inside the content ("mentioned by the mayor’s aide in an interview"), nor one
    with a clause of its own ("in a radio interview, which she gave before …")."""
    start, end = span
    for token in doc[start + 1 : end]:
        if (
            opens_medium(token, lexicon)
            and token.head.pos_ in {"VERB", "AUX"}
            and not is_cue(token.head, lexicon)
            and not any(t.pos_ in {"VERB", "AUX"} for t in token.subtree)
            and closes(token, end)
        ):
            return trim_punct(doc, start, token.i) or span
    return span


def closes(token: Token, end: int) -> bool:
    """Whether `token`'s phrase, and phrases of time after it on the same head ("on
    Monday"), run to `end`."""
    reach = token.right_edge.i + 1
    for sibling in token.head.rights:
        if sibling.i > token.i and sibling.left_edge.i == reach and tells_time(sibling):
            reach = sibling.right_edge.i + 1
    return reach == end


def tells_time(phrase: Token) -> bool:
    return any(t.ent_type_ in {"DATE", "TIME"} for t in phrase.subtree)


def addressee_of(verb: Token, lexicon: CueLexicon, medium: Token | None) -> Token | None:
    """The head of whom a cue's speech was made to: "told reporters", "warned the court",
    "said to the council" (`models/speech_to_verbs.txt`), or the medium's "with"/"to"
    object ("in an interview with the BBC", "in a letter to the mayor")."""
    lemma = verb_lemma(verb)
    for child in verb.children:
        if child.dep_ == "dative" or (
            child.dep_ == "dobj" and lemma in lexicon.addressee_verbs and told_whom(child, verb)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "to" and lemma in lexicon.speech_to_verbs:
            spoken_to = object_of(child)
            if spoken_to is not None and spoken_to.tag_ not in {"WDT", "WP"}:  # "To which she said"
                return spoken_to
    for participle in speech_participles(verb, lexicon):
        for child in participle.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                return object_of(child)
    for child in medium.children if medium is not None else []:
        if child.dep_ == "prep" and child.lower_ in {"to", "with"}:
            return object_of(child)
    return None


def told_whom(obj: Token, verb: Token) -> bool:
    """Whether the object of "tell", "warn", "ask" … is whom it was said to: a name or a
    pronoun ("told CNN", "told them"), or anything when what was said is a clause ("told
    reporters at a briefing that …"), but not "would tell a family story"."""
    if obj.pos_ in {"PROPN", "PRON"}:
        return True
    return any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children) or (
        misparsed_that_clause(verb) is not None
    )


def speech_participles(verb: Token, lexicon: CueLexicon) -> list[Token]:
    """ "Speaking to reporters, Kirby said …", "an official speaking to the Guardian described
    …": a participle of speaking on the cue or its subject tells the same speech event."""
    subject = subject_of(verb)
    candidates = [*verb.children, *(subject.children if subject is not None else [])]
    return [
        c
        for c in candidates
        if c.dep_ in {"advcl", "acl"}
        and c.tag_ == "VBG"
        and verb_lemma(c) in lexicon.speech_to_verbs
    ]


def object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def name_phrase(head: Token) -> tuple[int, int]:
    """A noun with the words before it and a name right after it ("the British newspaper the
    Guardian"), without the phrases and clauses that follow, but for the "of" of a part
    ("some of the nurses")."""
    end = head.i + 1
    for child in head.rights:
        partitive = child.lower_ == "of" and head.pos_ in {"PRON", "NUM", "DET"}  # "some of …"
        if not (child.dep_ in {"compound", "flat", "appos"} or partitive):
            break
        if child.left_edge.i != end:
            break
        end = child.right_edge.i + 1
    return head.left_edge.i, end


def is_personal_pronoun(token: Token) -> bool:
    """ "him", "her", "me": a person, never what was said ("it" may be)."""
    return (
        token.pos_ == "PRON"
        and "Prs" in token.morph.get("PronType")
        and token.lower_ not in IMPERSONAL_PRONOUNS
    )


def subtree_span(token: Token) -> tuple[int, int] | None:
    return trim_punct(token.doc, token.left_edge.i, token.right_edge.i + 1)


def trim_punct(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Without punctuation at either end, but keeping quotation marks and brackets."""
    while start < end and (
        (doc[start].is_punct and not doc[start].is_quote)
        or doc[start].is_space
        or is_dangling_close(doc, start)
    ):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and not keeps_span(doc[end - 1])) or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if start < end else None


def is_dangling_close(doc: Doc, i: int) -> bool:
    """A closing quotation mark that the parser put at the start of the next sentence."""
    token = doc[i]
    return token.text == "”" or (token.is_quote and i + 1 < len(doc) and doc[i + 1].is_space)


def keeps_span(token: Token) -> bool:
    """Marks that end a phrase but belong to it: quotation marks, brackets and the percent
    sign, which spaCy counts as punctuation ("prices rose 4%")."""
    return token.is_quote or token.is_bracket or token.text == "%"


def speaker_of(verb: Token, lexicon: CueLexicon) -> tuple[tuple[int, int] | None, bool]:
    """The speaker phrase of a cue verb, and whether it came from a governing verb: the
    nearest governing cue verb if there is one ("suggested …, citing …"), else the head."""
    quoted = verb_lemma(verb) in SPEAKING_PASSIVES  # "was quoted by Le Soir as saying": hers
    for child in verb.children:
        if child.dep_ == "agent" and not quoted:  # "it was reported by X"
            source = object_of(child)
            if source is not None:
                return noun_phrase(source), False
    subject = subject_of(verb)
    if subject is not None:
        subject = past_dateline(subject, verb)
        if subject is None:
            return None, False
        passive = subject.dep_ == "nsubjpass" and verb_lemma(verb) not in SPEAKING_PASSIVES
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and not passive:
            antecedent = relative_antecedent(subject, verb.head)
            if (publisher := publisher_of(verb, antecedent, lexicon)) is not None:
                return noun_phrase(publisher), True  # "issued a statement that says …"
            start, end = noun_phrase(antecedent)
            if (misread := verb_read_from_noun(antecedent)) is not None:
                start = misread.i  # "Aid workers in Ostrava, who said …"
            return trim_punct(subject.doc, start, min(end, subject.i)), True
        if (antecedent := misparsed_antecedent(subject, verb)) is not None:
            return noun_phrase(antecedent), True
        if passive or hears_evidence(verb, subject, lexicon):
            return None, False  # "it was reported that …", "Reyes was dubbed …": no source
        return noun_phrase(subject), False
    if (clause := subject_read_as_clause(verb)) is not None:
        return (clause.left_edge.i, clause.right_edge.i + 1), False
    if (inverted := inverted_before_quotation(verb)) is not None:
        return inverted, False
    if (antecedent := gap_antecedent(verb)) is not None:
        return noun_phrase(antecedent), True
    if (name := name_run_into_opening(verb)) is not None:
        return name, False
    if (opening := subject_read_as_object(verb)) is not None:
        return opening, False
    if (glued := subject_glued_to_object(verb)) is not None:
        return (glued.left_edge.i, glued.i + 1), False
    if (apposed := subject_read_as_apposition(verb)) is not None:
        return apposed, False
    if (age := age_read_as_modifier(verb)) is not None:
        return age, False
    if opens_as_clause(verb) and verb.tag_ == "VBN":
        return passive_as_source(verb, lexicon), False  # not the subject of the main clause
    if (subject := opening_participle_subject(verb)) is not None:
        return noun_phrase(subject), True
    if is_main_verb_read_as_participle(verb, lexicon):
        return noun_phrase(verb.head), False
    if is_passive_participle_on_noun(verb):
        return None, False  # "individuals believed to be …" are talked about, not talking
    if is_passive_opening(verb):
        return None, False  # "Asked whether …, she said": she was asked
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}):
        if (publisher := publisher_of(verb, verb.head, lexicon)) is not None:
            return noun_phrase(publisher), True  # "X issued a statement welcoming …"
        return noun_phrase(verb.head), True  # "a video showing …", "reports suggesting …"
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "as"
        and (quoting := quoted_as_saying(verb.head.head, lexicon)) is not None
    ):
        return noun_phrase(quoting[0]), True  # "quoted an unnamed official as saying …"
    if (made_to := object_made_to_speak(verb, lexicon)) is not None:
        return noun_phrase(made_to), True  # "forced the banker to admit …"
    if (blamed := object_held_to_account(verb)) is not None:
        start, end = noun_phrase(blamed)  # "criticized the bank for saying …"
        return (start, min(end, verb.head.i)), True  # "the movement for speaking out"
    if coordinated_clause_cue(verb, lexicon):
        speaker, _ = speaker_of(verb.head, lexicon)
        return speaker, True
    if verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        governor = governor_of(verb, lexicon)
        if verb.dep_ == "xcomp" and is_passive_opening(governor):
            governor = governor.head  # "Asked to describe …, O'Neill said": he describes
        if governor.dep_ in SUBJECT_DEPS and governor.pos_ in {"NOUN", "PROPN"}:
            return noun_phrase(governor), True  # "Ryan, despite admitting …, voted"
        if (shared := shared_passive_subject(verb, governor)) is not None:
            return noun_phrase(shared), True
        speaker, _ = speaker_of(governor, lexicon)
        return speaker, True
    return None, False


def hears_evidence(verb: Token, subject: Token, lexicon: CueLexicon) -> bool:
    """ "…, a jury heard", "the inquest heard that …", "fraud jury told" (a headline's
    passive, with no one told): a court or hearing is told the evidence, not its speaker."""
    if subject.lemma_.lower() not in lexicon.audience_nouns:
        return False
    lemma = verb_lemma(verb)
    return lemma == "hear" or (
        lemma == "tell" and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    )


def gap_cue(verb: Token) -> Token | None:
    """The cue of the contact relative clause whose reported verb `verb` is, if it is one."""
    start = own_start(verb)
    for cue in (verb.head, verb.doc[start - 1] if start > 0 else None):
        if cue is not None and cue != verb and subject_gap(cue) == verb:
            return cue
    return None


def gap_antecedent(verb: Token) -> Token | None:
    """ "a video he claimed showed …": the subject of the verb a contact relative clause's
    cue reports is the noun the clause hangs on."""
    cue = gap_cue(verb)
    return contact_antecedent(cue) if cue is not None else None


def is_main_verb_read_as_participle(verb: Token, lexicon: CueLexicon) -> bool:
    """ "Nandakumar, 52, who joined …, posted on LinkedIn that …": after a long subject the
    parse may read the main verb as a participle of the subject, which it makes the root.
    A participle with a clause of its own (also one the parse hung on its medium: "alleged
    in a lawsuit filed … that …") and no agent on the sentence's root noun is the main verb
    ("individuals believed to be …" has no clause; "a report published by …" has an
    agent)."""
    head = verb.head
    if not (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBN", "VBD"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ == "agent" for c in verb.children)
    ):
        return False
    medium = medium_of(verb, lexicon)
    return any(c.dep_ == "ccomp" for c in verb.children) or (
        medium is not None and misparsed_that_clause(medium, after=medium.i) is not None
    )


def is_passive_participle_on_noun(verb: Token) -> bool:
    """ "individuals believed to be …": a participle hung on a noun. The tagger often reads
    it as a past tense (VBD); with an infinitive after it, it is still the participle
    ("Tim Cook, called it …" is a misparsed main verb, and has no infinitive)."""
    if verb.dep_ != "acl":
        return False
    return verb.tag_ == "VBN" or (
        verb.tag_ == "VBD" and any(c.dep_ == "xcomp" for c in verb.children)
    )


def is_passive_opening(verb: Token) -> bool:
    """A passive participle with no agent hung on a clause ("Asked whether …, she said"):
    the clause's subject is who was asked or told, not who asked."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def opening_participle_subject(verb: Token) -> Token | None:
    """ "Claiming the criticism is designed to …, Vale told Fox …": a participle that opens
    its sentence takes the subject of the sentence's main verb, however the parse hung it."""
    sentence = verb.sent
    first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    if verb.tag_ != "VBG" or first is None or first.i != verb.i:
        return None
    root = sentence.root
    subject = subject_of(root) if root.i > verb.i else None
    return subject if subject is not None and subject.i > verb.right_edge.i else None


def publisher_of(cue: Token, document: Token, lexicon: CueLexicon) -> Token | None:
    """ "The union issued a statement welcoming …", "she posted a video accusing …": the
    subject of a verb that puts out a document (`models/publishing_verbs.txt`) speaks through
    it, and so does that of a verb the document is the medium of ("The ministry, in a
    statement calling …, said"). A document someone only read or cited keeps speaking for
    itself, and so does one that shows something ("released a video showing …",
    `models/evidence_verbs.txt`)."""
    if (
        verb_lemma(cue) in lexicon.evidence_verbs
        or document.lemma_.lower() not in lexicon.documents
    ):
        return None
    if document.dep_ == "dobj" and verb_lemma(document.head) in lexicon.publishing_verbs:
        return subject_of(document.head)
    if opens_medium(document.head, lexicon) and document.head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(document.head.head)
    return None


def object_made_to_speak(verb: Token, lexicon: CueLexicon) -> Token | None:
    """ "She forced the banker to admit …", "the hearing led him to concede …": the object of
    a causative verb (`models/causative_verbs.txt`) that governs a cue's infinitive is who
    speaks, not that verb's subject. Other verbs leave it to the subject ("used blunt
    language to denounce …"), and a request is the requester's ("asked them to confirm …")."""
    if (
        verb.dep_ != "xcomp"
        or verb.tag_ not in {"VB", "VBG"}
        or verb_lemma(verb.head) not in lexicon.causative_verbs
    ):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def object_held_to_account(verb: Token) -> Token | None:
    """ "held Pagliano in contempt for refusing to …", "criticized the bank for saying …",
    "earned him a rebuke for claiming …": a gerund after "for" tells what the object did,
    so the object (whom it was given to, if anyone) is the speaker, not the verb's subject."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "for" or preposition.i > verb.i:
        return None
    head = preposition.head
    if head.dep_ == "dobj" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head  # "thanked Trump for backing …": the parse hung "for" on the object
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    objects = [c for c in head.children if c.dep_ in {"dative", "dobj"} and c.i < verb.i]
    objects.sort(key=lambda c: c.dep_ != "dative")
    if objects and objects[0].pos_ == "ADP":
        return object_of(objects[0])  # "gave credit to the union for speaking out …"
    return objects[0] if objects else None


def relative_antecedent(pronoun: Token, head: Token) -> Token:
    """What a relative pronoun stands for, given the noun the parse hung its clause on: for
    "who" the noun before a place or organisation ("farmers in Ohio, who have warned …"),
    and the name an apposition describes ("Chile and Peru, the two largest producers, which
    vowed …")."""
    if (
        pronoun.lower_ in {"who", "whom"}
        and head.dep_ == "pobj"
        and head.ent_type_ in NON_PERSON_NAMES
    ):
        head = noun_before(head.head) or head
    return head.head if head.dep_ == "appos" else head


def noun_before(preposition: Token) -> Token | None:
    """The noun a prepositional phrase follows: its head, or the word before it when the
    parse hung the phrase on a verb it misread ("Aid workers in Ostrava": "Aid" a verb)."""
    if preposition.head.pos_ in {"NOUN", "PROPN"}:
        return preposition.head
    before = preposition.nbor(-1) if preposition.i > preposition.sent.start else None
    return before if before is not None and before.pos_ == "NOUN" else None


def misparsed_antecedent(subject: Token, verb: Token) -> Token | None:
    """ "turned to the county police department which reported …", parsed as an adverbial
    clause: the noun right before a relative pronoun is what it stands for."""
    if subject.tag_ not in {"WDT", "WP"} or verb.dep_ == "relcl" or subject.i == 0:
        return None
    before = subject.nbor(-1)
    if before.text == "," and before.i > 0:
        before = before.nbor(-1)
    return before if before.pos_ in {"NOUN", "PROPN"} else None


def name_run_into_opening(verb: Token) -> tuple[int, int] | None:
    """ "In a meeting with the editors of the Daily Ledger Trump said …": with no
    comma after an opening phrase, the parse may hang the subject on it and leave the main
    verb without one. The name right before such a verb, with the name it is coordinated to,
    is its subject (as the entities stage cut it: "Trump")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0:
        return None
    before = verb.nbor(-1)
    if before.pos_ != "PROPN" or before.dep_ in SUBJECT_DEPS or before.head.i > verb.i:
        return None
    first = before.head if before.dep_ == "conj" and before.head.pos_ == "PROPN" else before
    return name_bounds(first)[0], name_bounds(before)[1]  # "…, Ruiz and Vale call them"


def inverted_before_quotation(verb: Token) -> tuple[int, int] | None:
    """ "Said Ellis: “…”", "Added the mayor, “…”": a sentence opened by the cue verb, its
    speaker after it and the quotation after a colon or comma. The parse reads the speaker as
    an object, or the verb as the first word of a name ("Said Ellis")."""
    doc = verb.doc
    if not opens_sentence(verb) or not verb.is_title or verb.tag_ not in {"VBD", "VBN", "VBZ"}:
        return None
    if verb.i + 1 >= len(doc) or verb.nbor(1).pos_ not in {"DET", "PROPN", "NOUN", "ADJ"}:
        return None  # "Asked about the delay: “…”"
    for token in doc[verb.i + 1 : min(verb.i + MAX_INVERTED_WORDS, verb.sent.end, len(doc) - 1)]:
        if token.pos_ in {"VERB", "AUX"} or token.is_quote:
            return None
        if token.text == ":" or (token.text == "," and token.nbor(1).is_quote):
            phrase = doc[verb.i + 1 : token.i]
            if any(t.pos_ in {"NOUN", "PROPN"} for t in phrase):
                return trim_punct(doc, phrase.start, phrase.end)
            return None
    return None


def subject_read_as_clause(verb: Token) -> Token | None:
    """ "said intelligence shared among several governments suggests that …": the parse may
    read the participle after a reported clause's subject as that clause's verb, and the
    real verb as a second clause of the cue. A finite verb with no subject right after such
    a clause (whose verb has no object of its own) has that clause as its subject; this
    returns the clause's verb. Not after "and" ("said the plan was unfunded and warned …")."""
    if verb.dep_ not in {"ccomp", "conj"} or verb.tag_ not in {"VBZ", "VBP", "VBD"}:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or follows_conjunction(verb):
        return None
    before = next(
        (c for c in verb.head.children if c.dep_ == "ccomp" and c.right_edge.i + 1 == verb.i),
        None,
    )
    if before is None or before.tag_ not in {"VBD", "VBN"}:
        return None
    children = {c.dep_ for c in before.children}
    if "nsubj" not in children or children & {"dobj", "ccomp", "xcomp", "aux", "auxpass"}:
        return None
    return before


def follows_conjunction(verb: Token) -> bool:
    return verb.i > 0 and verb.nbor(-1).dep_ == "cc"


def coordinated_clause_cue(verb: Token, lexicon: CueLexicon) -> bool:
    """ "said the plan was unfunded and warned that …": a cue with no subject right after
    "and", which the parse made a second clause of the cue before it, is that speaker's
    next act."""
    return (
        verb.dep_ == "ccomp"
        and follows_conjunction(verb)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and is_cue(verb.head, lexicon)
    )


def subject_read_as_object(verb: Token) -> tuple[int, int] | None:
    """ "Aid agencies in the region say …": the parse may read a sentence's first word as an
    imperative ("Aid") with the subject as its object, and hang that on the cue. A finite
    verb with no subject whose sentence opens so takes the phrase up to a comma or a
    relative clause as its subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    opening = next((c for c in verb.lefts if c.dep_ == "advcl"), None)
    if opening is None:
        return None
    obj = next((c for c in opening.rights if verb_read_from_noun(c) == opening), None)
    if obj is None:
        return None
    end = obj.i + 1
    for token in verb.doc[end : opening.right_edge.i + 1]:
        if token.is_punct or token.dep_ == "relcl":
            break
        end = token.i + 1
    return opening.i, end


def verb_read_from_noun(noun: Token) -> Token | None:
    """The verb a sentence's first word was misread as when `noun` is its object, as in
    "Aid workers …" or "Aid agencies …" (the bare form of a verb opens no statement)."""
    verb = noun.head
    if (
        noun.dep_ != "dobj"
        or verb.tag_ != "VB"
        or noun.i != verb.i + 1
        or verb.i != verb.sent.start
    ):
        return None
    return verb


def subject_glued_to_object(verb: Token) -> Token | None:
    """ "… mishandled the investigation and Democrats accused the GOP …": the parse may join
    the second clause's subject to the first clause's object and the verb to the first verb.
    A noun right before a finite coordinated (or, so misread, reported) verb without a
    subject is its subject."""
    if verb.dep_ not in {"conj", "ccomp"} or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = verb.nbor(-1)
    if before.pos_ not in {"NOUN", "PROPN"} or before.dep_ != "conj" or before.head.i > before.i:
        return None
    return before


def subject_read_as_apposition(verb: Token) -> tuple[int, int] | None:
    """ "In an interview with Lorvik FM, the town's health officer, Dr Anya Petrov, said …":
    the parse may hang the subject on the noun before it, inside the verb's opening phrase,
    as that noun's apposition. A finite verb with no subject, right after such appositions,
    takes them as its subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = next((t for t in reversed(verb.doc[: verb.i]) if not t.is_punct), None)
    if before is None or before.dep_ != "appos" or before.i < verb.i - 2:
        return None
    noun = before.head
    while noun.dep_ == "appos":  # "FM, the officer, Dr Olsen": an apposition of one
        noun = noun.head
    if not any(a.dep_ == "prep" and a.head.i == verb.i for a in noun.ancestors):
        return None
    first = next((c for c in noun.children if c.dep_ == "appos"), before)
    return first.left_edge.i, before.right_edge.i + 1


def age_read_as_modifier(verb: Token) -> tuple[int, int] | None:
    """ "“…,” the 34-year-old said": the parse may hang "the" and "old" on the verb as its
    determiner and adjective, leaving it no subject. They are the subject."""
    old = next((c for c in verb.lefts if c.dep_ == "amod" and c.lower_ == "old"), None)
    if old is None or old.i != verb.i - 1:
        return None
    aged = any(c.lower_ == "year" and any(n.like_num for n in c.children) for c in old.children)
    article = old.left_edge.i - 1
    if not aged or article < 0 or verb.doc[article].lower_ != "the":
        return None
    return article, old.i + 1


def name_bounds(token: Token) -> tuple[int, int]:
    """The entity span around a name's token, or the token alone."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return (entity.start, entity.end) if entity is not None else (token.i, token.i + 1)


def past_dateline(subject: Token, verb: Token) -> Token | None:
    """A subject in the dateline is the parse's mistake. The speaker is another subject
    after it ("LOS ANGELES (UPI) — Mayor Ada Quill said …") or its apposition after the dash
    ("BOSTON -- Mayor Ada Quill, opening the library, said …"), if any."""
    if not subject.is_upper:  # a dateline's words are capitals
        return subject
    start = dateline_end(subject.sent)
    if subject.i >= start:
        return subject
    after = [
        c
        for c in (*verb.children, *subject.rights)
        if c.i >= start and (c.dep_ in SUBJECT_DEPS or (c.dep_ == "appos" and c.head == subject))
    ]
    return min(after, key=lambda c: c.i) if after else None


def governor_of(verb: Token, lexicon: CueLexicon) -> Token:
    """Whose subject a participle or infinitive takes: after "while"/"after", the clause it
    belongs to; for an infinitive, the verb it completes if that has a subject; otherwise
    the nearest cue verb governing it (", citing …"), else for a finite verb coordinated
    with one that has a subject, that one, else the nearest cue verb before it in its sentence
    ("…,” the official said, describing …"), else its head."""
    if any(c.dep_ == "mark" for c in verb.children):
        return verb.head  # "attempted to … while shouting …": the clause it belongs to
    if (cue := cue_before_clause(verb, lexicon)) is not None:
        return cue  # "said it was opposed … and warned …": who said it warned
    if goes_on_clause(verb, lexicon):
        return verb.head  # "stated that the footage was provided … and depicted …"
    if verb.dep_ == "xcomp" and subject_of(controller := controller_of(verb)) is not None:
        return controller  # "the mayor was eager to announce …"
    governing = next((t for t in verb.ancestors if is_cue(t, lexicon)), None)
    if governing is not None:
        return reporting_cue(governing, lexicon)
    if coordinated_outside_quotes(verb) and subject_of(verb.head) is not None:
        return verb.head  # "That estimate is higher than … Kirby offered and suggests …"
    before = [
        t
        for t in verb.sent
        if t.i < verb.i and is_cue(t, lexicon) and any(c.dep_ in SUBJECT_DEPS for c in t.children)
    ]
    if before:
        return before[-1]
    head = verb.head
    while (head.pos_ == "ADP" or head.dep_ == "prep") and head.head.i != head.i:
        head = head.head  # "was quoted as saying", "despite admitting": the preposition's verb
    return head


def goes_on_clause(verb: Token, lexicon: CueLexicon) -> bool:
    """A verb of showing coordinated with a reported clause whose subject is a document or
    recording goes on that clause, with its subject ("stated that the footage was provided
    … and depicted …"), and so does an estimate ("found that the office had reviewed … and
    had put its cost at …"); another cue there is the speaker's next act ("noted that Biden
    approved … and warned that …"), whatever `second_speech_act` made of it."""
    clause = verb.head
    subject = subject_of(clause)
    if clause.dep_ != "ccomp" or subject is None or not coordinated_outside_quotes(verb):
        return False
    lemma = verb_lemma(verb)
    return lemma in lexicon.figure_verbs or (
        lemma in lexicon.evidence_verbs and subject.lemma_.lower() in lexicon.documents
    )


def shared_passive_subject(verb: Token, governor: Token) -> Token | None:
    """ "The footage was provided by Ukrainian forces and depicted …": an active verb
    coordinated with a passive one shares its subject, not its agent."""
    if verb.dep_ != "conj" or governor != verb.head or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if any(child.dep_ == "auxpass" for child in verb.children):
        return None
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None)


def coordinated_outside_quotes(verb: Token) -> bool:
    """A finite verb coordinated with one on its own side of any quotation mark (not "“I
    can't breathe,” as Garner said", which the parse may coordinate across the mark)."""
    if verb.dep_ != "conj" or finite_tag(verb) not in {"VBD", "VBZ", "VBP", "MD"}:
        return False
    marks = sum(t.is_quote for t in verb.doc[verb.head.i + 1 : verb.i])
    return marks % 2 == 0


def controller_of(infinitive: Token) -> Token:
    """The verb whose subject an infinitive takes: its head, or through an adjective the
    head's verb ("the mayor was eager to announce …")."""
    head = infinitive.head
    while head.dep_ in {"acomp", "xcomp"} and subject_of(head) is None and head.head.i != head.i:
        head = head.head
    return head


def is_time_phrase(child: Token) -> bool:
    """ "on Tuesday" that the parse hung on the subject ("The regulator on Tuesday urged"): a
    time of the speech, not a part of the speaker."""
    return (
        child.dep_ == "prep"
        and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)
        and child.right_edge.i + 1 == child.head.head.i
    )


def noun_phrase(head: Token) -> tuple[int, int]:
    """The phrase of a noun with its conjuncts ("Mr. Okafor and Mr. Ferris", "he or she", also
    "Tobias Wren, 36, …, and Kenji Mori, 34, …"), up to a relative clause, apposition or
    comma on its right, also a relative clause of a noun inside it ("farmers in Ohio, who
    …"), and after any dateline or line break on its left ("LOS ANGELES (AP) — Okafor")."""
    end = head.i + 1
    rights = list(head.rights)
    joined = [n for n, c in enumerate(rights) if c.dep_ == "appos" and appositive_conjunct(c)]
    for n, child in enumerate(rights):
        between_conjuncts = child.dep_ == "punct" and any(c.dep_ == "conj" for c in rights[n + 1 :])
        if (
            child.dep_ in SPEAKER_CUT_DEPS
            and not between_conjuncts
            and n > max(joined, default=-1)
            and not is_close_apposition(child, end)
        ) or is_time_phrase(child):
            break
        end = child.right_edge.i + 1
    clause = next((t for t in head.doc[head.i + 1 : end] if t.dep_ == "relcl"), None)
    if clause is not None:
        end = trim_punct(head.doc, head.i, clause.left_edge.i)[1]
    while end > head.i + 1 and head.doc[end - 1].text in CLAUSE_PUNCT:
        end -= 1  # "people familiar with the matter," with the comma hung on "familiar"
    start = head.left_edge.i
    for token in head.doc[start : head.i]:
        if token.text in PHRASE_BREAKS or "\n" in token.text or is_spaced_hyphen(token):
            start = token.i + 1
    for child in head.lefts:  # "Twenty-two years ago, a Times article", read as one phrase
        after = child.right_edge.i + 1
        if child.dep_ in {"advmod", "npadvmod"} and after < head.i and head.doc[after].text == ",":
            start = max(start, after + 1)
    return start, end


def is_close_apposition(child: Token, end: int) -> bool:
    """A name set right after its description, with no comma: "the research firm Corvin
    Analytics" is one phrase."""
    return (
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and child.left_edge.i == end
        and not child.left_edge.is_punct
    )


def appositive_conjunct(apposition: Token) -> Token | None:
    """The name the parse joined to a name's apposition: "Tobias Wren, 36, Kestrel's former
    chief executive, and Kenji Mori, 34, …" is two people, with "Kenji Mori" a conjunct of
    "executive"."""
    if apposition.head.pos_ != "PROPN" or apposition.pos_ == "PROPN":
        return None
    return next((c for c in apposition.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)


def according_to(tokens: list[Token], lexicon: CueLexicon) -> list[Found]:
    """ "According to X, …" and "…, according to X": the rest of the clause is the content."""
    found = []
    for token in tokens:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = according_to_source(to) if to is not None else None
        if source is None or source.lemma_.lower() in lexicon.rendering_nouns:
            continue  # "he said, according to a translation": still his words
        speaker = noun_phrase(source)
        if source.dep_ != "pobj":
            speaker = (to.i + 1, speaker[1])
        author = author_of(source, lexicon)
        if author is not None:
            speaker = noun_phrase(author)
        content = around_according_to(token, source.right_edge.i + 1) or around_according_to(
            token,
            speaker[1],  # "According to X, the plan smacks of …" read as appos
        )
        if content:
            found.append(
                Found(
                    cue=(token.i, to.i + 1),
                    content=content,
                    speaker=speaker,
                    confidence=0.8,
                    cue_lemma="according to",
                )
            )
    return found


def according_to_source(to: Token) -> Token | None:
    """The head of the source after "according to": its object, or, when the parse read the
    source as a verb phrase ("according to help desk staff", "help" a verb), the noun that
    ends that phrase."""
    source = object_of(to)
    if source is not None:
        return source
    phrase = next((c for c in to.children if c.dep_ == "pcomp"), None)
    if phrase is None:
        return None
    return next((t for t in reversed(list(phrase.subtree)) if t.pos_ in {"NOUN", "PROPN"}), None)


def author_of(source: Token, lexicon: CueLexicon) -> Token | None:
    """ "according to a speech the mayor delivered", "a statement that the ministry
    released", "a report released by the agency": the subject or agent of the clause on a
    speech or document is who it quotes. Figures and data (`models/data_nouns.txt`) say
    nothing of their own: "according to data from the firm" or "figures released by the
    ministry" is the firm's or the ministry's word, whereas a report speaks for itself."""
    lemma = source.lemma_.lower()
    if lemma in lexicon.data_nouns and (origin := origin_of(source)) is not None:
        return origin
    if lemma not in lexicon.documents and lemma not in lexicon.data_nouns:
        return None
    clause = next((c for c in source.children if c.dep_ in {"relcl", "acl"}), None)
    if clause is None or clause.i < source.i or verb_lemma(clause) in lexicon.access_verbs:
        return None  # "a leaked memo seen by the Courier" is the memo's
    for child in clause.children:
        if child.dep_ == "nsubj" and child.i < clause.i:
            return child
        if child.dep_ == "agent":
            return object_of(child)
    return None


def origin_of(source: Token) -> Token | None:
    """The object of a "from" or "by" right after the source: "data from the research firm"."""
    for child in source.rights:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"from", "by"}:
            return object_of(child)
    return None


def names_noun(verb: Token, lexicon: CueLexicon) -> bool:
    """ "a creek called Otter Bend", "the scheme, called FastVisa": a naming verb's
    participle after a noun gives the noun's name; nobody says anything. With an object and
    what it is called ("doctors … called Reyes a fraud") it is a verb the parse mistook."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb_lemma(verb) not in lexicon.naming_verbs:
        return False
    return sum(c.dep_ in {"dobj", "oprd"} for c in verb.children) <= 1


def in_according_to(verb: Token) -> bool:
    """ "according to help desk staff": a verb the parse found inside the source phrase;
    "according to figures published by the trust": a participle that describes the source."""
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj":
        verb = verb.head
    return verb.dep_ in {"pcomp", "pobj"} and is_according_to(verb.head)


def is_according_to(to: Token) -> bool:
    return to.lower_ == "to" and to.head.lower_ == "according"


def around_according_to(according: Token, end: int) -> list[tuple[int, int]]:
    """The content around "according to X" when the source phrase ends at `end`: the rest
    of the sentence before and after it."""
    doc, sentence = according.doc, according.sent
    return [
        part
        for part in (
            trim_punct(doc, sentence.start, according.i),
            trim_punct(doc, end, sentence.end),
        )
        if part and part[1] - part[0] >= 2
    ]
