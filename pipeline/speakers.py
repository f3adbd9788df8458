"""Who a speaker mention refers to, resolved inside the article.

- a name, or a phrase headed by one ("city spokesman Tom Reyes"), is its entity
  (`self`), as is a name in apposition ("the group, InformNapalm," → `apposition`); a bare
  surname shared by several people is the one named most recently (`coreference`); members
  of a group ("One Republican") are not the group;
- a personal pronoun is the most recent earlier speaker or entity that agrees with it in
  person, number and, where the article shows it, gender, the main clause's subject first,
  and not one named in the pronoun's own clause; "it" may also be a thing that was the
  subject of an earlier main clause ("The ad … It also mentions …") (`coreference`);
- a description ("the official", "the commission") is the entity an earlier phrase with the
  same head noun was a title of, else the person the next sentences name in that role or
  the person in focus, else that earlier, fuller phrase, else the coordinated people who
  spoke just before ("the senators"), else the organisation whose name has that head noun
  (`coreference`);
- anything else keeps its own words as the name (`none`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from .cues import appositive_conjunct, noun_phrase
from .datelines import DATELINE, dateline_end
from .entity_titles import title_head
from .lexicon import MODELS_DIR, first_names, given_name_key, read_lines, read_table
from .span_index import SpanIndex

MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
PERSON_LABEL = frozenset({"PERSON"})
#: Labels of words that are no given name even where one is spelt the same ("China").
NOT_GIVEN_NAMES = frozenset({"GPE", "LOC", "FAC", "NORP"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Nouns that take up any person described before ("A retired teacher … The woman, …").
ANY_PERSON = frozenset({"man", "woman", "boy", "girl"})
ARTICLES = frozenset({"the", "a", "an"})
#: Nouns for an organisation of any kind ("The group said"): they refer to the one the text
#: just spoke of, not the one named most often, as "the company" does (see `in_focus`).
ANY_ORGANISATION = frozenset({"group"})
#: Nouns for two people spoken of as one ("The couple said"; see `refers_to_two`).
PAIR_NOUNS = frozenset({"couple", "pair", "duo"})
#: Words that stand for two named before ("Both said", "Neither would comment").
PAIR_WORDS = frozenset({"both", "two", "neither"})
#: Nouns for what speaks for a country ("the two governments"; see `pair_named_together`).
STATE_WORDS = frozenset({"government", "country", "nation"})
#: Words that count members of a group rather than name it ("some Democrats").
COUNTING = frozenset({"some", "many", "most", "few", "several", "each", "one", "least"})
#: Determiners that say how many of a group spoke ("some parents", "both coaches"): a name
#: keeps them.
QUANTIFYING_DETERMINERS = COUNTING | {"both", "neither"}
#: Prepositions after a description that tell when or where it spoke, not which one it is.
CIRCUMSTANCES = frozenset({"on", "in", "at", "during", "after", "before", "since", "to"})
#: How many sentences back a pronoun looks for what it refers to.
WINDOW = 6
#: How many sentences back a pair phrase looks for two named apart ("The pair").
APART = 2
#: How many sentences ahead an indefinite description looks for the name it introduces.
LOOKAHEAD = 2
#: How many sentences into the story a headline's source is looked for.
HEADLINE_LOOKAHEAD = 8
#: How many tokens back a description looks for an earlier phrase with its head noun.
LOOKBACK = 600
#: The salience rank of a main clause's subject (`subject_rank`).
MAIN_SUBJECT = 2
#: Letters of a word compared when matching a description's words to a person's titles.
STEM = 6
#: How far (in characters) a title may stand from its name: "Matthew Miller, the State
#: Department spokesman": the name's start to the title's.
TITLE_REACH = 80

Record = dict[str, Any]


@dataclass(frozen=True)
class SpeakerLexicon:
    """The word lists of `models/` that the resolver reads."""

    gender_words: dict[str, str] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)
    person_roles: frozenset[str] = frozenset()
    #: Descriptions of the accused ("defendant", `accused_roles.txt`) and the verbs whose
    #: subject or object the accused is ("deny": "subject", `accusation_verbs.tsv`).
    accused_roles: frozenset[str] = frozenset()
    accusation_verbs: dict[str, str] = field(default_factory=dict)
    #: Relatives who share the family name of the one they belong to (`kinship_words.txt`).
    kinship_words: frozenset[str] = frozenset()
    #: Verbs that put a question to someone (`question_verbs.txt`), verbs of an answer
    #: (`reply_verbs.txt`), and the cue verbs whose object or "to" object is the one spoken
    #: to (`addressee_verbs.txt`, `speech_to_verbs.txt`), for `by_answer`.
    question_verbs: frozenset[str] = frozenset()
    reply_verbs: frozenset[str] = frozenset()
    addressing_verbs: frozenset[str] = frozenset()
    #: Occupations ("striker", "witness", `occupations.txt`), which may also stay anonymous.
    occupations: frozenset[str] = frozenset()
    #: Each kind of organisation ("bank") with the last words the names of its kind may end
    #: in ("bank", "group", …; `organisation_roles.tsv`).
    organisation_roles: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Kinds of organisation whose names nearly always say their kind (`named_kinds.txt`).
    named_kinds: frozenset[str] = frozenset()
    #: Each head noun of `description_synonyms.txt` with the others of its line.
    synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Last words of the names of bodies every country has (`national_bodies.txt`).
    national_bodies: frozenset[str] = frozenset()
    #: Abbreviated titles ("sen.") and the role words they stand for ("senator").
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    #: Last words of organisations' names ("board", "council"; `organisation_heads.txt`).
    organisation_heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path = MODELS_DIR) -> SpeakerLexicon:
        groups = [
            frozenset(line.split()) for line in read_lines(folder / "description_synonyms.txt")
        ]
        return cls(
            synonyms={word: group for group in groups for word in group},
            gender_words=dict(read_table(folder / "gender_words.tsv")),
            first_names=first_names(folder),
            person_roles=frozenset(read_lines(folder / "person_roles.txt")),
            occupations=frozenset(read_lines(folder / "occupations.txt")),
            accused_roles=frozenset(read_lines(folder / "accused_roles.txt")),
            kinship_words=frozenset(read_lines(folder / "kinship_words.txt")),
            question_verbs=frozenset(read_lines(folder / "question_verbs.txt")),
            reply_verbs=frozenset(read_lines(folder / "reply_verbs.txt")),
            addressing_verbs=frozenset(
                read_lines(folder / "addressee_verbs.txt")
                + read_lines(folder / "speech_to_verbs.txt")
            ),
            accusation_verbs=dict(read_table(folder / "accusation_verbs.tsv")),
            national_bodies=frozenset(read_lines(folder / "national_bodies.txt")),
            named_kinds=frozenset(read_lines(folder / "named_kinds.txt")),
            title_abbreviations=dict(read_table(folder / "title_abbreviations.tsv")),
            organisation_heads=frozenset(read_lines(folder / "organisation_heads.txt")),
            organisation_roles={
                role: frozenset(names.split())
                for role, names in read_table(folder / "organisation_roles.tsv")
            },
        )


@dataclass(frozen=True)
class EntityMention:
    start: int  # characters
    end: int
    entity: Record


@dataclass(frozen=True)
class Resolved:
    """A speaker resolved earlier in the article: where, its head word, and to what."""

    sentence: int
    head: Token
    resolved: Record


class SpeakerResolver:
    """Resolves the speaker phrases of one article, in text order."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        entities: list[Record],
        lexicon: SpeakerLexicon | None = None,
        quoted: list[tuple[int, int]] | None = None,
    ) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds on every access
        self.lemmas = doc.to_array(LEMMA)
        self.entities = entities
        self.mentions = sorted(
            (EntityMention(m["start"], m["end"], e) for e in entities for m in e["mentions"]),
            key=lambda m: m.start,
        )
        self.mention_index = SpanIndex((m.start, m.end, m) for m in self.mentions)
        datelines = [match.span() for match in DATELINE.finditer(text)]
        self.unnarrated = SpanIndex(
            (start, end, None) for start, end in [*(quoted or []), *datelines]
        )
        self.narrated = SpanIndex(
            (m.start, m.end, m) for m in self.mentions if not self.unnarrated.around(m.start, m.end)
        )
        self.history: list[Resolved] = []
        self.sentence_of = [0] * len(doc)
        self.sentences = list(doc.sents)
        self.sentence_starts: list[int] = []  # by sentence number, in characters
        for number, sentence in enumerate(self.sentences):
            self.sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
            self.sentence_starts.append(sentence.start_char)
        self.sentence_starts.append(len(text))
        self.lexicon = lexicon or SpeakerLexicon()
        self.gender_words = self.lexicon.gender_words
        self.gender = self.genders(self.gender_words, self.lexicon.first_names)
        self.owned_names = self.names_with_owner()
        self.owned_by_entity = self.entity_names_with_owner()

    def resolve(self, phrase: Span, cue_start: int | None = None) -> Record:
        """Resolve a speaker phrase; pronouns look back at the speakers resolved before. An
        unresolved description's name ends before the cue (`cue_start`, a token index): in
        "tweets criticizing Okafor" the participle is the cue, not a part of the name."""
        record = {"text": phrase.text, "start": phrase.start_char, "end": phrase.end_char}
        resolved = (
            self.by_conjuncts(phrase)
            or self.pair_named_together(phrase)
            or self.by_name(phrase)
            or self.by_answer(phrase)
            or self.by_pronoun(phrase)
            or self.by_relative(phrase)
            or self.by_description(phrase)
            or self.by_headline_word(phrase)
        )
        if resolved is None:
            description = description_of(phrase, cue_start)
            resolved = self.by_owner(phrase, description) or {
                "name": name_of(description),
                "entity_id": None,
                "label": None,
                "resolved_by": "none",
            }
        self.history.append(Resolved(self.sentence_of[phrase.start], head_noun(phrase), resolved))
        return record | resolved

    def by_owner(self, phrase: Span, description: Span) -> Record | None:
        """ "His campaign" → "Tomas Rellick’s campaign", "Hallaq’s office" → "Samir Hallaq’s
        office", "The centre’s report" → "Conflict Monitoring Centre’s report": a description
        that nothing else resolves is named with its owner resolved, an owner described only
        if it is an organisation. It is still no entity of its own."""
        head = phrase.root
        owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
        if owner is None or head.pos_ != "NOUN":
            return None
        owner_phrase = self.doc[owner.left_edge.i : owner.i + 1]
        if owner.pos_ == "PRON":
            resolved = self.by_pronoun(owner_phrase)
        elif owner.pos_ == "NOUN":  # "The centre’s report", not "the prime minister's office"
            resolved = self.by_description(owner_phrase)
            if resolved is not None and resolved["label"] != "ORG":
                return None
        else:
            resolved = self.by_name(owner_phrase)
        if resolved is None or resolved["entity_id"] is None:
            return None
        start = owner.right_edge.i + 1  # past "and Lisle’s" of "Harrow and Lisle’s office"
        if start < description.end and self.doc[start].dep_ == "case":
            start += 1  # "’s"
        apostrophe = "’" if "’" in self.text else "'"
        if not (resolved["label"] == "ORG" and resolved["name"].endswith("s")):
            apostrophe += "s"  # "Brannock and Partners’ lawyers"
        return {
            "name": f"{resolved['name']}{apostrophe} {name_of(self.doc[start : description.end])}",
            "entity_id": None,
            "label": None,
            "resolved_by": "coreference",
        }

    def names_with_owner(self) -> dict[int, str]:
        """ "Russia's Defense Ministry": the name of a body every country has
        (`models/national_bodies.txt`) with the owner whose possessive comes before it, by the
        mention's start. The entity keeps its own name."""
        names = {}
        for mention in self.mentions:
            entity = mention.entity
            if entity["label"] != "ORG":
                continue
            if entity["name"].split()[-1].lower() not in self.lexicon.national_bodies:
                continue
            token = token_at(self.doc, mention.start)
            if token.i < 2 or self.doc[token.i - 1].tag_ != "POS":
                continue
            owner = self.mention_at(self.doc[token.i - 2])
            if owner is not None and owner.entity["label"] != "NORP":
                possessive = self.doc[token.i - 1].text
                names[mention.start] = f"{owner.entity['name']}{possessive} {entity['name']}"
        return names

    def entity_names_with_owner(self) -> dict[str, str]:
        """Each entity's name with its owner, when every mention with one names the same."""
        owned: dict[str, set[str]] = {}
        for mention in self.mentions:
            if (name := self.owned_names.get(mention.start)) is not None:
                owned.setdefault(mention.entity["entity_id"], set()).add(name)
        return {entity_id: names.pop() for entity_id, names in owned.items() if len(names) == 1}

    def named(self, entity: Record, how: str) -> Record:
        return {
            "name": self.owned_by_entity.get(entity["entity_id"], entity["name"]),
            "entity_id": entity["entity_id"],
            "label": entity["label"],
            "resolved_by": how,
        }

    def mention_at(self, token: Token) -> EntityMention | None:
        found = self.mention_index.around(token.idx, token.idx + 1)
        return found[0] if found else None

    def name_before_post_nominal(self, token: Token) -> EntityMention | None:
        """ "Rebecca Hale KC": the parse heads the name with its post-nominal letters, which
        the entity's mention leaves out; the mention is the name's last word before them."""
        words = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
        return self.mention_at(words[0]) if words else None

    # names

    def by_conjuncts(self, phrase: Span) -> Record | None:
        """ "Mr. Okafor and Mr. Ferris" → "Daniel Okafor and Paul Ferris": each
        conjunct resolved on its own (not "he or she", which is one unknown person)."""
        root = phrase.root
        heads = [t for t in coordinated(root) if phrase.start <= t.i < phrase.end]
        if len(heads) < 2 or phrase.text.lower() == "he or she":
            return None
        mentions = [self.mention_at(head) for head in heads]
        if (whole := self.name_holding_and(phrase, mentions[0])) is not None:
            return self.named(whole, "self")
        if all(mention is None for mention in mentions):
            if any(head.tag_ in {"NNS", "NNPS"} for head in heads):  # "Democrats and aides"
                return {
                    "name": name_of(description_of(phrase)),
                    "entity_id": None,
                    "label": None,
                    "resolved_by": "none",
                }
            return None  # "the former mayor and current party chairman" is one person
        names = []
        for head, mention in zip(heads, mentions, strict=True):
            if mention is not None:
                name = (self.full_name(mention) or mention.entity)["name"]
                if names and head.doc[head.left_edge.i].lower_ == "the":
                    name = "the " + name  # "China and the United States"
                names.append(name)
            else:  # "Voltaris and its lawyers"
                start = max(head.left_edge.i, phrase.start)  # not "―" of "“…” ― Jo N Al Roe"
                names.append(without_article(head.doc[start : head.i + 1]).text)
        return {
            "name": " and ".join(self.share_surname(heads, names)),
            "entity_id": None,
            "label": None,
            "resolved_by": "self",
        }

    def share_surname(self, heads: list[Token], names: list[str | None]) -> list[str | None]:
        """ "Birgit and Anselm Kopp" → "Birgit Kopp", "Anselm Kopp": a given name alone just
        before a coordinated full name takes its surname."""
        shared = list(names)
        for n, head in enumerate(heads[:-1]):
            after = names[n + 1]
            alone = names[n] in {None, head.text} and head.left_edge.i == head.i
            if not (alone and after and " " in after and self.is_given_name(head)):
                continue
            if self.person_named(heads[n + 1]) is not None:  # not "China and the United States"
                shared[n] = f"{head.text} {after.split()[-1]}"
        return shared

    def name_holding_and(self, phrase: Span, first: EntityMention | None) -> Record | None:
        """The entity whose name the coordination is, or starts ("Pell and Garrow" of "Pell
        and Garrow Learning"): one name, not two."""
        if first is None:
            return None
        name, words = first.entity["name"], without_article(phrase).text
        return first.entity if name == words or name.startswith(f"{words} ") else None

    def is_given_name(self, token: Token) -> bool:
        mention = self.mention_at(token)
        return (
            token.pos_ == "PROPN"
            and given_name_key(token.text) in self.lexicon.first_names
            and (mention is None or mention.entity["label"] not in NOT_GIVEN_NAMES)
        )

    def by_name(self, phrase: Span) -> Record | None:
        root = phrase.root
        mention = self.mention_at(root)
        if mention is not None and mention.entity["label"] == "NORP":
            member = self.group_member(phrase)
            if member is not None:
                return member
        if mention is not None:
            fuller = self.full_name(mention)
            if fuller is not None:
                return self.named(fuller, "coreference")
            resolved = self.named(mention.entity, "self")
            if mention.start in self.owned_names:  # "Ukraine's Defense Ministry" of two
                resolved["name"] = self.owned_names[mention.start]
            return resolved
        for apposition in appositions(phrase):
            # "Outside court, Mrs Ostley's daughter, Janet Whitlow, said": the parse made
            # "court" the subject, with the daughter in apposition and her name in hers
            named = [apposition, *(c for c in apposition.children if c.dep_ == "appos")]
            for token in named:
                if len(people := self.named_together(token, None, PERSON_LABEL)) > 1:
                    # "the brothers Kofi and Yaw Mensah"
                    return pair_record(people) | {"resolved_by": "apposition"}
                mention = self.mention_at(token) or self.name_before_post_nominal(token)
                if mention is not None and mention.entity["label"] != "NORP":
                    resolved = self.named(mention.entity, "apposition")  # not "a Liberal Democrat"
                    return self.with_family_name(resolved, self.relative_of(phrase.root))
        return (
            self.by_closing_name(phrase) or self.by_surname(phrase) or self.by_untagged_name(phrase)
        )

    def by_untagged_name(self, phrase: Span) -> Record | None:
        """ "the state broadcaster KRT": a proper noun right after the head, in apposition,
        names the speaker even when the model tagged no entity there."""
        root = phrase.root
        after = root.i + 1
        if after >= len(self.doc) or root.pos_ != "NOUN":
            return None
        name = self.doc[after]
        if name.dep_ != "appos" or name.head.i != root.i or name.pos_ != "PROPN":
            return None
        if any(t.pos_ != "PROPN" for t in name.subtree):
            return None
        words = self.doc[name.left_edge.i : name.right_edge.i + 1].text
        return {"name": words, "entity_id": None, "label": None, "resolved_by": "apposition"}

    def by_closing_name(self, phrase: Span) -> Record | None:
        """ "The chairman of Hollin Cross Parish Council, Derek Ansell": a person's name that
        closes a role's phrase after a comma names the role, though the parse hung it on the
        last noun of the "of" phrase."""
        root = phrase.root
        if not self.is_person_word(root):
            return None
        for token in phrase:
            if (
                token.dep_ == "appos"
                and token.head.i > root.i
                and token.right_edge.i >= phrase.end - 1
            ):
                mention = self.mention_at(token)
                if mention is not None and mention.entity["label"] == "PERSON":
                    return self.named(mention.entity, "apposition")
        return None

    def group_member(self, phrase: Span) -> Record | None:
        """ "One Republican", "some Democrats", "The Republican": members of a group named by
        a NORP word, not the group. "The Republican" is the person just before whose titles
        have that word ("Republican nominee Donald Trump"); the others keep their words."""
        root = phrase.root
        counted = any(t.pos_ == "NUM" or t.lower_ in COUNTING for t in phrase if t.i < root.i)
        if root.tag_ in {"NNS", "NNPS"} and not counted:
            return None  # "Republicans" is the group
        if not counted and any(t.lower_ == "the" for t in phrase if t.i < root.i):
            titled = []
            for mention in self.earlier(phrase, {"PERSON"}):
                entity = self.full_name(mention) or mention.entity
                words = {stem(word) for title in entity["titles"] for word in title.split()}
                if stem(root.text) in words:
                    titled.append((self.salience(mention), entity))
            if titled:
                return self.named(max(titled, key=lambda option: option[0])[1], "coreference")
        words = without_article(phrase).text  # "some Democrats", not "Democrats"
        return {"name": words, "entity_id": None, "label": None, "resolved_by": "none"}

    def by_surname(self, phrase: Span) -> Record | None:
        """A name the model did not tag there, such as "VALE" in a transcript or a later
        "Harlan", that is the surname of exactly one person in the article, or a name its
        entity was mentioned by elsewhere (whatever label the model gave it)."""
        if len(phrase) != 1 or not phrase[0].is_alpha or not phrase[0].text[0].isupper():
            return None
        word = phrase.text.casefold()
        owners = [
            e
            for e in self.entities
            if (e["label"] == "PERSON" and e["name"].split()[-1].casefold() == word)
            or any(m["text"].casefold() == word for m in e["mentions"])
        ]
        return self.named(owners[0], "coreference") if len(owners) == 1 else None

    def full_name(self, mention: EntityMention) -> Record | None:
        """For a one-word name that is the last word of fuller names ("Clinton"), the one
        that fits its honorific ("Mr. Obama") and the gender the article gives the name, and
        came last before it (within a sentence, the subject: "Bill Clinton campaigned for his
        wife Hillary Clinton"), or else the one mentioned most. A person's name (by its
        label or a common first name) comes before other names that end with the word."""
        entity = mention.entity
        if " " in entity["name"]:
            return None
        owners = [
            e
            for e in self.entities
            if e is not entity
            and " " in e["name"]
            and e["name"].split()[-1] == entity["name"]
            and self.gender_fits(e, self.honorific_gender(mention))
            and self.gender_fits(e, self.gender.get(entity["entity_id"]))
        ]
        people = [
            e
            for e in owners
            if e["label"] == "PERSON"
            or given_name_key(e["name"].split()[0]) in self.lexicon.first_names
        ]
        owners = people or owners  # not the model's "Daily Ledger Trump"
        if not owners:
            return None
        before = [
            (self.salience(EntityMention(m["start"], m["end"], e)), e)
            for e in owners
            for m in e["mentions"]
            if m["start"] < mention.start
        ]
        if before:
            return max(before, key=lambda item: item[0])[1]
        return max(owners, key=lambda e: len(e["mentions"]))

    def honorific_gender(self, mention: EntityMention) -> str | None:
        token = token_at(self.doc, mention.start)
        return self.gender_words.get(token.nbor(-1).lower_) if token.i > 0 else None

    # pronouns

    def by_answer(self, phrase: Span) -> Record | None:
        """ "When Costa asked Quenby how …, she said …", "Ashworth had written to the
        councillor … She replied …": he or she answering, as the subject of a cue, is the
        person just asked (in a clause of the cue, or in the sentence before when the pronoun
        opens its own), or for a verb of an answer the one the sentence before spoke or wrote
        to, when of the pronoun's gender."""
        pronoun = phrase[0].lower_
        if len(phrase) != 1 or pronoun not in {"he", "she"} or phrase.root.dep_ != "nsubj":
            return None
        cue = phrase.root.head
        acts = [c for c in cue.children if c.dep_ == "advcl"]
        sentence = self.sentence_of[phrase.start]
        if sentence > 0 and phrase.start == self.sentences[sentence].start:
            before = self.sentences[sentence - 1].root
            acts += [before, *(c for c in before.children if c.dep_ == "conj")]
        replies = cue.lemma_.lower() in self.lexicon.reply_verbs
        for act in acts:
            lemma = act.lemma_.lower()
            asks = lemma in self.lexicon.question_verbs
            if not (asks or (replies and lemma in self.lexicon.addressing_verbs)):
                continue
            asked = self.one_spoken_to(act)
            if asked is not None and asked["label"] == "PERSON":
                entity = self.entity_of(asked)
                if entity is not None and self.gender_fits(entity, gender_of_pronoun(pronoun)):
                    return asked | {"resolved_by": "coreference"}
        return None

    def one_spoken_to(self, verb: Token) -> Record | None:
        """The person a verb's direct object or "to" object names or describes."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ != "dobj":
                continue
            if child.pos_ == "PROPN" and (mention := self.mention_at(child)) is not None:
                return self.named(self.full_name(mention) or mention.entity, "coreference")
            if child.pos_ == "NOUN":
                return self.by_description(self.doc[child.left_edge.i : child.i + 1])
        return None

    def by_pronoun(self, phrase: Span) -> Record | None:
        """The most recent agreeing speaker or entity. For he/she a named person comes before
        an unnamed one ("the official"); "he or she" is said of an unnamed one."""
        pronoun = phrase[0].lower_
        either = phrase.text.lower() == "he or she"
        if not either and (len(phrase) != 1 or pronoun not in PRONOUNS):
            return None
        wanted = None if either else gender_of_pronoun(pronoun)
        named_in_clause = self.named_in_clause(phrase)
        sentence = self.sentence_of[phrase.start]
        named: list[tuple[tuple[int, int, int], Record]] = []
        unnamed: list[tuple[tuple[int, int, int], Record]] = []
        for earlier in self.history:
            if (
                earlier.head.i < phrase.start
                and sentence - WINDOW <= earlier.sentence
                and self.agrees(earlier, pronoun, wanted)
                and earlier.resolved["entity_id"] not in named_in_clause
            ):
                group = unnamed if earlier.resolved["entity_id"] is None else named
                rank = max(subject_rank(earlier.head), 1)  # "According to Vale, …"
                group.append(((earlier.sentence, rank, earlier.head.idx), earlier.resolved))
        labels = antecedent_labels(pronoun)
        for mention in self.earlier(phrase, labels):
            entity = self.full_name(mention) or mention.entity  # "Trump" → "Donald Trump"
            if (
                entity["label"] in labels  # not "it" for "Kemp", an ORG to the model
                and self.gender_fits(entity, wanted)
                and entity["entity_id"] not in named_in_clause
                and not (pronoun in THING_PRONOUNS and self.root_of(mention).tag_ == "NNPS")
                and not self.modifies_noun(mention)
            ):  # "it" is not "Americans", nor "U.S." of "the U.S. senator"
                named.append((self.salience(mention), self.named(entity, "self")))
        if wanted is not None:
            named += self.roles_before(phrase, wanted, named_in_clause)
        if pronoun in THING_PRONOUNS:
            unnamed += self.things_before(phrase)
        if pronoun in GROUP_PRONOUNS:
            unnamed += self.plurals_before(phrase)
        preferred = (unnamed or named) if either else (named or unnamed)
        if pronoun in GROUP_PRONOUNS | THING_PRONOUNS:
            preferred = named + unnamed
        if not preferred:
            return None
        best = max(preferred, key=lambda option: self.pronoun_rank(*option))[1]
        return best | {"resolved_by": "coreference"}

    def pronoun_rank(self, salience: tuple[int, int, int], resolved: Record) -> tuple[int, ...]:
        """Salience, with a person known to agree before one of unknown gender at the same
        sentence and rank: "she" after "for Margaret Ilsley, … of Orren" (a place the
        model took for a person) is Ilsley."""
        sentence, rank, start = salience
        return sentence, rank, resolved["entity_id"] in self.gender, start

    def roles_before(
        self, phrase: Span, wanted: str, named_in_clause: set[str]
    ) -> list[tuple[tuple[int, int, int], Record]]:
        """The people that "the president", "the senator" stood for in the sentences before,
        ranked like their names: in "… recalled Mr. Obama talking about … The president's
        Pacific roots also came into play. In Honolulu, he told …", he is the president."""
        start = self.sentence_starts[max(self.sentence_of[phrase.start] - WINDOW, 0)]
        roles = []
        for token in self.doc.char_span(start, phrase.start_char, alignment_mode="contract") or []:
            if not (self.definite_role(token) and self.narrated_at(token)):
                continue
            entity = self.person_in_focus(noun_phrase_of(token))
            if (
                entity is not None
                and entity["entity_id"] not in named_in_clause
                and self.gender_fits(entity, wanted)
            ):
                salience = (self.sentence_of[token.i], subject_rank(token), token.idx)
                roles.append((salience, self.named(entity, "self")))
        return roles

    def definite_role(self, token: Token) -> bool:
        """ "the president", "The senator's": a singular public role with "the" and nothing
        else before it (which person "the former New Mexico governor" is needs more than the
        text before it)."""
        lefts = list(token.lefts)
        return (
            token.tag_ == "NN"
            and token.lemma_.lower() in self.lexicon.person_roles
            and len(lefts) == 1
            and lefts[0].lower_ == "the"
        )

    def narrated_at(self, token: Token) -> bool:
        """Whether a word stands outside the quotations and datelines."""
        return not self.unnarrated.around(token.idx, token.idx + len(token))

    def things_before(self, phrase: Span) -> list[tuple[tuple[int, int, int], Record]]:
        """What "it" may be besides an organisation: the subject of an earlier main clause
        headed by a thing ("The leaflet then notes … It also claims …")."""
        return self.subjects_before(
            phrase, lambda noun: noun.tag_ in {"NN", "NNP"} and not self.is_person_word(noun)
        )

    def plurals_before(self, phrase: Span) -> list[tuple[tuple[int, int, int], Record]]:
        """What "they" may be besides a group or earlier speakers: the plural subject of an
        earlier main clause ("Officials in Marlow closed three beaches … They said …")."""
        return self.subjects_before(phrase, lambda noun: noun.tag_ == "NNS")

    def subjects_before(
        self, phrase: Span, fits: Callable[[Token], bool]
    ) -> list[tuple[tuple[int, int, int], Record]]:
        """The unnamed subjects that `fits` of the main clauses in the window before the
        pronoun, as their own words or what they resolve to."""
        sentence = self.sentence_of[phrase.start]
        subjects = []
        for number in range(max(sentence - WINDOW, 0), sentence + 1):
            earlier = self.sentences[number]
            if earlier.start >= phrase.start:
                continue
            if number == sentence and phrase.root.head.dep_ != "ROOT":
                continue  # "The new fee, it says, would be $40": what it says
            for subject in earlier:
                if subject_rank(subject) != MAIN_SUBJECT or subject.i >= phrase.start:
                    continue
                if not fits(subject) or self.mention_at(subject) is not None:
                    continue  # a name is an entity candidate already
                described = noun_phrase_of(subject)
                resolved = self.by_description(described) or {
                    "name": name_of(description_of(described)),
                    "entity_id": None,
                    "label": None,
                    "resolved_by": "coreference",
                }
                subjects.append(((number, MAIN_SUBJECT, subject.idx), resolved))
        return subjects

    def named_in_clause(self, phrase: Span) -> set[str]:
        """The entities named after a subject pronoun in its clause, whom it cannot refer to:
        "He said Vale hopes …" is not said by Vale ("Although Vale …, he said" may be), nor
        in the sentence a parenthetical cue reports ("The payments from Vale, he said, were
        loans"). Possessives are left out: news copy often breaks the rule with them ("He
        notes … a problem with Vale's notes")."""
        if phrase.root.dep_ not in {"nsubj", "nsubjpass"}:
            return set()
        clause = phrase.root.head
        start, end = phrase.end_char, clause.right_edge.idx + len(clause.right_edge)
        if clause.dep_ == "parataxis":
            reported = clause.head
            start = reported.left_edge.idx
            end = max(end, reported.right_edge.idx + len(reported.right_edge))
        named = set()
        for mention in self.mention_index.inside(start, end):
            if self.root_of(mention).dep_ == "poss":
                continue
            named.add(mention.entity["entity_id"])
            fuller = self.full_name(mention)
            if fuller is not None:
                named.add(fuller["entity_id"])
        return named

    def agrees(self, earlier: Resolved, pronoun: str, wanted: str | None) -> bool:
        """Whether a pronoun can refer to an earlier speaker: a person of the right gender for
        he/she, a group, a plural or coordinated names for they/it."""
        label = earlier.resolved["label"]
        if pronoun in PERSON_PRONOUNS:
            if label == "PERSON":
                return self.gender_fits(self.entity_of(earlier.resolved), wanted)
            return (
                label is None
                and earlier.head.tag_ == "NN"
                and not is_pair_word(earlier.head)
                and not self.is_body_word(earlier.head)
            )
        plural = (
            earlier.head.tag_ in {"NNS", "NNPS"}
            or bool(earlier.head.conjuncts)
            or is_pair_word(earlier.head)  # "The couple said … they"
        )
        return label in GROUP_LABELS or (label is None and plural)  # "Okafor and Ferris"

    def is_body_word(self, token: Token) -> bool:
        """A word for an organisation or a body ("the board", "the ministry"), which "he" and
        "she" do not refer to."""
        word, lexicon = token.lemma_.lower(), self.lexicon
        return any(
            word in words
            for words in (
                lexicon.organisation_roles,
                lexicon.organisation_heads,
                lexicon.national_bodies,
            )
        )

    def entity_of(self, resolved: Record) -> Record | None:
        return next((e for e in self.entities if e["entity_id"] == resolved["entity_id"]), None)

    def gender_fits(self, entity: Record | None, wanted: str | None) -> bool:
        if wanted is None or entity is None:
            return True
        known = self.gender.get(entity["entity_id"])
        return known is None or known == wanted

    def kind_fits(self, entity: Record, role: str) -> bool:
        """Whether an organisation may be of the kind a role word names, by its name's head
        word: "the network" is not The New York Times, "the union" not the Department of
        Environmental Protection; "Wells Fargo", whose name says no kind, may be a bank. When
        the head word says no kind, another word of the name may ("BBC Radio Seaford" is no
        airline). A place fits only by a head word of the role's kind ("Tollan City", a club
        the model took for a place)."""
        kinds = self.lexicon.organisation_roles
        if role not in kinds or entity["label"] not in {"ORG", "GPE"}:
            return True
        head = title_head(entity["name"]).lower()
        if entity["label"] == "GPE":
            return head in kinds[role]
        words = [head] if any(head in names for names in kinds.values()) else []
        words = words or [w for w in entity["name"].lower().split() if w != head]
        kind_words = [w for w in words if any(w in names for names in kinds.values())]
        if not kind_words:
            return role not in self.lexicon.named_kinds  # "the regulator" is no "Northmere Energy"
        return any(w in kinds[role] for w in kind_words)

    def earlier(self, phrase: Span, labels: set[str] | frozenset[str]) -> list[EntityMention]:
        """The mentions a pronoun may refer back to: in the window, outside quotations (a
        name inside “…” is the quoted speaker's words, not the narrative's) and datelines."""
        window_start = self.sentence_starts[max(self.sentence_of[phrase.start] - WINDOW, 0)]
        in_window = self.narrated.inside(window_start, phrase.start_char)
        return [m for m in in_window if m.entity["label"] in labels]

    def salience(self, mention: EntityMention) -> tuple[int, int, int]:
        """Later sentences first; within a sentence, the main clause's subject, then other
        subjects, then the other mentions."""
        root = self.root_of(mention)
        return self.sentence_of[root.i], subject_rank(root), mention.start

    def root_of(self, mention: EntityMention) -> Token:
        """The mention's syntactic head: "Trump" of "Donald Trump", and "Clinton" of "Clinton
        supporters", which is a modifier there, not the subject."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None else token_at(self.doc, mention.start)

    def modifies_noun(self, mention: EntityMention) -> bool:
        """Whether the mention is a modifier of a common noun ("the U.S. senator", "Clinton
        supporters"), which speaks of the noun's referent, not of its own."""
        root = self.root_of(mention)
        return root.dep_ == "compound" and root.head.pos_ == "NOUN"

    def genders(self, gender_words: dict[str, str], first_names: dict[str, str]) -> dict[str, str]:
        """Gender evidence per PERSON entity: honorifics and gendered role words next to its
        mentions (2 votes each), he/she right after it as subject (1), and a common first
        name (1)."""
        votes: dict[str, Counter[str]] = {}
        for entity in self.entities:
            first = given_name_key(entity["name"].split()[0])
            if entity["label"] == "PERSON" and first in first_names:
                votes.setdefault(entity["entity_id"], Counter())[first_names[first]] += 1
        for mention in self.mentions:
            if mention.entity["label"] != "PERSON":
                continue
            token = token_at(self.doc, mention.start)
            words = [token.nbor(-1)] if token.i > 0 else []
            words += [t for t in token.head.children if t.dep_ == "appos"]
            counter = votes.setdefault(mention.entity["entity_id"], Counter())
            for word in words:
                if word.lower_ in gender_words:
                    counter[gender_words[word.lower_]] += 2
            following = self.pronoun_after(token)
            if following:
                counter[following] += 1
        return {
            entity_id: counter.most_common(1)[0][0]
            for entity_id, counter in votes.items()
            if counter and len(set(counter.values())) == len(counter)
        }

    def pronoun_after(self, token: Token, past_phrase: bool = False) -> str | None:
        """The gender of the first personal pronoun in the rest of the sentence outside
        quotations, when the name is its subject ("Clinton said her plan …") and no other
        person comes between ("Whitcombe told Harlan he …", "said to the mayor, who opened
        his remarks" say nothing about the subject); `past_phrase` starts after the whole
        subject phrase ("A former tenant of a house where a man died told … that she …")."""
        head = token
        while head.dep_ in {"compound", "flat"}:
            head = head.head
        if head.dep_ != "nsubj":
            return None
        start = head.right_edge.i + 1 if past_phrase else head.i + 1
        for later in token.doc[start : token.sent.end]:
            if not self.narrated_at(later):
                continue  # "argued that … on “a witness telling them whatever keeps her …”"
            if (later.pos_ == "PROPN" and self.may_be_person(later)) or self.is_person_word(later):
                return None  # another person may be whom the pronoun means; a place is not
            gender = gender_of_pronoun(later.lower_)
            if gender:
                return gender
        return None

    def may_be_person(self, name: Token) -> bool:
        """Whether a name word may be a person's: the model labelled it a person or nothing,
        or it is a mention of a person of the entity table ("Delgado", that the model took
        for a place here and a person elsewhere)."""
        if name.ent_type_ in {"", "PERSON"}:
            return True
        mention = self.mention_at(name)
        return mention is not None and mention.entity["label"] == "PERSON"

    def is_person_word(self, token: Token) -> bool:
        """A word that stands for a person other than a name: a public role ("the nominee"),
        a gendered word ("the spokeswoman") or a relative pronoun ("who")."""
        return (
            token.tag_ in {"WP", "WP$"}
            or token.lemma_.lower() in self.lexicon.person_roles
            or token.lower_ in self.gender_words
        )

    # descriptions

    def by_relative(self, phrase: Span) -> Record | None:
        """ "The skipper, Jonas Reinholt, 58, his son Erik, 31, … His son said": a relative
        of a person ("His son", "Reinholt's son") is the one person named before with that
        relation as a title, by the family name they share (`with_family_name`)."""
        head = phrase.root
        owner = self.relative_of(head)
        if owner is None:
            return None
        relatives = {
            e["entity_id"]: e
            for m in self.narrated.inside(0, phrase.start_char)
            if (e := m.entity)["label"] == "PERSON"
            and e["entity_id"] != owner["entity_id"]
            and head.lemma_.lower() in {title_head(t).lower() for t in e["titles"]}
        }
        if len(relatives) != 1:
            return None
        return self.with_family_name(self.named(relatives.popitem()[1], "coreference"), owner)

    def with_family_name(self, resolved: Record, owner: Record | None) -> Record:
        """A relative named by a given name alone takes the family name of the person they
        belong to (`owner`): "Lindgaard’s daughter, Sunniva" → "Sunniva Lindgaard"."""
        if owner is None or " " in resolved["name"] or " " not in owner["name"]:
            return resolved
        return resolved | {"name": f"{resolved['name']} {owner['name'].split()[-1]}"}

    def relative_of(self, head: Token) -> Record | None:
        """The person a word of kinship says its referent is a relative of ("His son")."""
        if head.lemma_.lower() not in self.lexicon.kinship_words:
            return None
        return self.owner_of(head)

    def owner_of(self, head: Token) -> Record | None:
        """The named person a description belongs to ("his", "Reinholt's")."""
        owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
        if owner is None:
            return None
        owner_phrase = self.doc[owner.left_edge.i : owner.i + 1]
        resolved = (
            self.by_pronoun(owner_phrase) if owner.pos_ == "PRON" else self.by_name(owner_phrase)
        )
        if resolved is None or resolved["label"] != "PERSON":
            return None
        return {"entity_id": resolved["entity_id"], "name": resolved["name"]}

    def by_description(self, phrase: Span) -> Record | None:
        """A definite description ("the official") refers back; an indefinite one, or one
        owned by a name ("Vermont’s revenue commissioner"), may be named just after; one
        owned by a thing ("the ad’s narrator") may be a fuller phrase before ("a narrator in
        the Okafor ad"); a bare one ("Ukrainian officials") is a referent of its own."""
        head = phrase.root
        if is_age_epithet(phrase):
            named = self.person_in_focus(phrase)
        elif head.pos_ != "NOUN":
            return None
        elif any(is_indefinite(c) for c in head.children):
            named = (
                self.named_later(head)
                or self.named_next(phrase)
                or self.organisation_introduced(phrase)
                or self.person_introduced(phrase)
            )
        elif any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return self.by_definite_description(phrase)
        elif len(phrase) == 1 and head.lower_ in self.lexicon.organisation_roles:
            named = self.organisation_named(head) or self.organisation_named_next(head)
        elif has_owner_name(head):
            named = self.named_next(phrase)
        elif any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children):
            if (earlier := self.earlier_phrase(phrase)) is not None:
                return earlier
            named = self.organisation_introduced(phrase)  # "The state's water watchdog"
        else:
            named = None
        return self.named(named, "coreference") if named else None

    def by_headline_word(self, phrase: Span) -> Record | None:
        """ "Poll: Voters Turn to Ruiz …" / "A Daily Ledger poll shows …": a headline drops
        the article, and the story names its source in full soon after: the one organisation
        named there with the head noun in its name ("Central bank holds rates" → "The Bank
        of Meridia kept …"), the person a later use of the noun is the title of, past any
        unnamed use ("Ferry captain tells …" → "The captain of the ferry …" → "Captain
        Anders Lyngstad said …"), or for a one-word source the phrase around its first use."""
        word = phrase.root
        if self.sentence_of[word.i] != 0 or word.pos_ not in {"NOUN", "PROPN"}:
            return None
        common = word.pos_ == "NOUN" or word.is_lower  # "transport ministry says", as PROPN
        if common and (named := self.organisation_named_next(word)) is not None:
            return self.named(named, "coreference")
        if common and (named := self.organisation_introduced(phrase, HEADLINE_LOOKAHEAD)):
            return self.named(named, "coreference")  # "Charity warns …" → "The Calder Street Trust"
        if not is_bare_noun_phrase(phrase):
            return None
        lemma = word.lemma_.lower()
        described = None
        for token in self.doc[word.i + 1 :]:
            if self.sentence_of[token.i] > HEADLINE_LOOKAHEAD:
                break
            if token.lemma_.lower() != lemma:
                continue
            if (titled := self.entity_with_title(token) or self.introduced(token)) is not None:
                return self.named(titled, "coreference")  # "Senator says …" → "Senator Lena Kovacs"
            if token.pos_ == "NOUN" and described is None and len(phrase) == 1:
                described = noun_phrase_of(token)  # "Poll shows …" → "A Daily Ledger poll"
        if described is None:
            return None
        return {
            "name": name_of(description_of(described)),
            "entity_id": None,
            "label": None,
            "resolved_by": "coreference",
        }

    def by_definite_description(self, phrase: Span) -> Record | None:
        earlier = self.earlier_phrase(phrase)
        if earlier is not None and earlier["entity_id"] is not None:
            return earlier
        named = (
            self.entity_titled(phrase, after=0)
            or self.named_next(phrase)
            or self.organisation_introduced(phrase)
            or self.person_introduced(phrase)
            or (self.person_titled_later(phrase) if earlier is None else None)
            or self.person_in_focus(phrase)
        )
        if named is not None:
            return self.named(named, "coreference")
        if earlier is not None:
            return earlier
        people = self.people_in_focus(phrase)
        if people is not None:
            return people
        named = self.organisation_named(phrase.root) or self.organisation_named_next(phrase.root)
        return self.named(named, "coreference") if named else None

    def earlier_phrase(self, phrase: Span) -> Record | None:
        """The entity or the fuller phrase that an earlier phrase with the same head noun
        gives: the entity it is a title of ("spokesman Matthew Miller") or a speaker resolved
        to, else its words when they say more ("senior U.S. military official")."""
        head = phrase.root
        own = name_of(phrase).lower()
        for token in self.same_lemma_before(head, phrase.start):
            if (named := self.organisation_headed_by(token, head)) is not None:
                return named  # "The National Bank of Velmora cut … The bank said"
            if token.pos_ != "NOUN" or token.tag_ != head.tag_:
                continue  # "a source" is not the earlier "sources"
            if not self.narrated_at(token.left_edge):
                continue  # not “a careful landlord …” he called himself; but “… official”
            own_words, earlier_words = modifiers(phrase), modifiers(noun_phrase_of(token))
            if not compatible(own_words, earlier_words):
                continue  # "the GOP nominee" is not the earlier "Democratic nominee"
            entity = self.entity_with_title(token)
            if entity is not None:
                return self.named(entity, "coreference")
            spoken = next((r.resolved for r in self.history if r.head.i == token.i), None)
            if (
                spoken is not None
                and spoken["resolved_by"] != "none"
                and own_words <= earlier_words
            ):
                # "the experts" → "tax experts"; not "the prime minister" → who "the minister" was
                return spoken | {"resolved_by": "coreference"}
            if (introduced := self.introduced(token)) is not None:
                return self.named(introduced, "coreference")
            earlier = without_determiner(with_passive_participle(noun_phrase_of(token)))
            if content_words(earlier) < content_words(phrase):
                earlier = without_determiner(phrase)  # this phrase is the fuller one
            if name_of(earlier).lower() != own:
                titled = self.entity_titled(phrase, after=token.idx)
                if titled is not None:
                    return self.named(titled, "coreference")
                return {
                    "name": name_of(earlier),
                    "entity_id": None,
                    "label": None,
                    "resolved_by": "coreference",
                }
        return None

    def organisation_headed_by(self, token: Token, head: Token) -> Record | None:
        """The organisation whose name the earlier word is part of ("Bank" of "the National
        Bank of Velmora" for "the bank"), for a singular description; not one named by the
        word alone ("Army" says no more than "the army")."""
        if token.pos_ != "PROPN" or head.tag_ != "NN" or token.lower_ != head.lower_:
            return None
        mention = self.mention_at(token)
        if mention is None or mention.entity["label"] != "ORG":
            return None
        if " " not in self.text[mention.start : mention.end].strip():
            return None
        return self.named(mention.entity, "coreference")

    def same_lemma_before(self, head: Token, end: int) -> list[Token]:
        """The tokens with `head`'s lemma, then those with a synonym's
        (`description_synonyms.txt`: "The ad …" is the ad before "footage" in it), also
        capitalised in a name ("Bank" of "the National Bank of Velmora"), in the `LOOKBACK`
        tokens before `end`, nearest first, found in the lemma array rather than by making a
        Token of each word."""
        lemma = head.lemma_.lower()
        synonyms = self.lexicon.synonyms.get(lemma, frozenset()) - {lemma}
        return self.lemma_before({lemma}, end) + self.lemma_before(synonyms, end)

    def lemma_before(self, words: set[str] | frozenset[str], end: int) -> list[Token]:
        start = max(0, end - LOOKBACK)
        forms = words | {word.capitalize() for word in words}
        lemmas = [self.doc.vocab.strings.add(form) for form in forms]
        found = numpy.flatnonzero(numpy.isin(self.lemmas[start:end], lemmas)) + start
        return [self.doc[int(i)] for i in reversed(found)]

    def person_in_focus(self, phrase: Span) -> Record | None:
        """ "Reyes charges that … The Ohio businessman says …": a definite description
        headed by a public role (`person_roles.txt`) is the person the text just before is
        about: one whose titles share a word with the description (or, for a bare "the
        governor", end in its head), else the subject of a main clause, most recent first,
        else the person mentioned last. So is a person named by age ("The 52-year-old"), and
        an organisation by a kind of organisation (`organisation_roles.tsv`)."""
        head = phrase.root
        if is_age_epithet(phrase):
            return self.person_aged(phrase) or self.in_focus(phrase, {"PERSON"}, "", None)
        if head.tag_ != "NN":
            return None
        role = head.lemma_.lower()
        if role in self.lexicon.accused_roles:
            return self.accused_person()
        if role in self.lexicon.person_roles:
            labels = {"PERSON"}
        elif role in self.lexicon.occupations and not self.introduced_before(head, phrase.start):
            labels = {"PERSON"}  # "the striker", but "a nurse lamenting …" stays that nurse
        elif role in self.lexicon.organisation_roles:
            labels = {"ORG", "GPE"}  # "Tollan City", a club the model took for a place
        else:
            return None
        return self.in_focus(phrase, labels, role, self.gender_words.get(head.lower_))

    def accused_person(self) -> Record | None:
        """ "the defendant", "the suspect": the person the story shows accused, one it names
        as answering a charge or as the object of a step against them; of several, the one
        named most often."""
        accused: dict[str, Record] = {}
        for mention in self.mentions:
            entity = mention.entity
            if entity["label"] == "PERSON" and self.is_accused(self.root_of(mention)):
                accused[entity["entity_id"]] = entity
        counts = sorted((len(e["mentions"]) for e in accused.values()), reverse=True)
        if not counts or counts[1:2] == counts[:1]:
            return None  # no one, or two named as often
        return max(accused.values(), key=lambda e: len(e["mentions"]))

    def is_accused(self, name: Token) -> bool:
        """Whether a person's name is the subject of a verb that answers a charge ("denies
        manslaughter", not a lawyer's "denied that his client …"), or the object or passive
        subject of one taken against them ("was charged")."""
        verb = name.head
        role = self.lexicon.accusation_verbs.get(verb.lemma_.lower())
        if name.dep_ == "nsubj":
            return role == "subject" and not any(c.dep_ == "ccomp" for c in verb.children)
        return name.dep_ in {"nsubjpass", "dobj"} and role == "object"

    def introduced_before(self, head: Token, end: int) -> bool:
        """Whether a phrase before `end` introduced someone unnamed by `head`'s noun ("a nurse
        lamenting …", "One of the diplomats, who …"); not "the researchers" or an earlier
        "the striker", who may be the person in focus too."""
        return any(
            (token.tag_ == head.tag_ and any(is_indefinite(c) for c in token.children))
            or is_one_of(token)
            for token in self.same_lemma_before(head, end)
        )

    def person_aged(self, phrase: Span) -> Record | None:
        """The one person the text before gave the age of "the 51-year-old" ("Mr Petrović,
        51, denied …"): news copy names the age once, after the name, then uses it."""
        age = next(t.text for t in phrase if t.like_num)
        given = re.compile(rf",\s*{re.escape(age)}\s*,")
        found = {
            mention.entity["entity_id"]: mention.entity
            for mention in self.mentions
            if mention.end <= phrase.start_char
            and mention.entity["label"] == "PERSON"
            and given.match(self.text, mention.end)
        }
        return self.named(next(iter(found.values())), "coreference") if len(found) == 1 else None

    def in_focus(
        self, phrase: Span, labels: set[str], role: str, wanted: str | None
    ) -> Record | None:
        """The entity with one of `labels` that the text before `phrase` is about, for a
        `role` word of a `wanted` gender (see `person_in_focus`): one whose titles share a
        word with the phrase, then, for an organisation of a kind ("the company", not "the
        group"), the one named most often so far, then one named on its own rather than as a
        noun's modifier ("no Social Security numbers" speaks of numbers), then a main
        clause's subject, then the latest."""
        head = phrase.root
        words = {stem(t.lower_) for t in phrase if t.i != head.i and t.is_alpha and not t.is_stop}
        of_kind = "ORG" in labels and role not in ANY_ORGANISATION
        options: list[tuple[tuple[int, int, int, int, int, int], Record]] = []
        for mention in self.earlier(phrase, labels):
            entity = self.full_name(mention) or mention.entity
            # not "Danny Okoro" for an "Okoro" the model took for a place
            if (
                entity["label"] in labels
                and self.gender_fits(entity, wanted)
                and self.kind_fits(entity, role)
            ):
                titled = int(
                    any(stem(w) in words for t in entity["titles"] for w in t.split())
                    or (not words and any(self.ends_in(t, head) for t in entity["titles"]))
                )  # "the Democratic nominee" shares a word; a bare "the governor" a head
                sentence, rank, start = self.salience(mention)
                named = times_named(entity, head.idx) if of_kind else 0
                own = int(not self.modifies_noun(mention))  # not "Social Security numbers"
                options.append(
                    ((titled, named, own, int(rank == MAIN_SUBJECT), sentence, start), entity)
                )
        if not options:
            return None
        (titled, *_), best = max(options, key=lambda option: option[0])
        return best if titled or not self.of_organisation(phrase) else None

    def of_organisation(self, phrase: Span) -> bool:
        """Whether an organisation's acronym modifies the description ("The FBI director"):
        the role is that organisation's, and only someone given it is the person meant, not
        whoever the text was about ("Trump said … The FBI director chastised Clinton"). Only
        an acronym: the model calls many a place it does not know an organisation ("The
        Dorrow businessman" is the person in focus)."""
        return any(
            token.is_upper
            and len(token) > 1
            and (mention := self.mention_at(token)) is not None
            and mention.entity["label"] == "ORG"
            for token in phrase
            if token.i != phrase.root.i
        )

    def people_in_focus(self, phrase: Span) -> Record | None:
        """ "Mr. Okafor and Mr. Ferris say … The senators said …": a plural public
        role is the coordinated people who spoke just before."""
        head = phrase.root
        if head.tag_ != "NNS" or head.lemma_.lower() not in self.lexicon.person_roles:
            return None
        sentence = self.sentence_of[head.i]
        for earlier in reversed(self.history):
            if earlier.sentence < sentence - WINDOW:
                break
            if earlier.head.conjuncts and earlier.resolved["resolved_by"] == "self":
                return earlier.resolved | {"resolved_by": "coreference"}
        return None

    def pair_named_together(self, phrase: Span) -> Record | None:
        """ "Dennis Harlow, 56, …, and Janet Brooke, 61, … Both deny the charge": "both", "the
        two", "neither", "the couple" or "the two men" is the two people named together in
        the phrase ("Two of the rescued men, the brothers Kofi and Yaw Mensah"), else last
        in the sentences before, else first in the next ones, as a lede may name them after
        ("The two founders of Kestrel Ledger denied … Tobias Wren, 36, …, and Kenji Mori, 34, …"),
        else last anywhere before: a story names its two sides in the lede and may say "Both"
        far down. "The two companies" is two organisations named so ("Skoot Mobility and
        Ridewell"), "the two governments" two countries."""
        if not refers_to_two(phrase):
            return None
        wanted = self.gender_words.get(phrase.root.lemma_.lower())  # "the two men"
        labels = self.pair_labels(phrase.root)
        sentence = self.sentence_of[phrase.start]
        first = self.sentences[max(sentence - WINDOW, 0)].start
        last = self.sentences[min(sentence + LOOKAHEAD, len(self.sentences) - 1)].end
        partitive = is_partitive(phrase.root)
        nearby = [*range(phrase.end - 1, first - 1, -1), *range(phrase.end, last)]
        earlier = [] if partitive else range(first - 1, -1, -1)
        governments = phrase.root.lemma_.lower() == "government"
        for i in [*nearby, *earlier]:
            names = self.named_together(self.doc[i], wanted, labels)
            if len(names) == 2:
                return pair_record(names, of_countries=governments)
        if partitive:
            return None
        apart = self.named_apart(phrase, wanted, labels)
        return pair_record(apart, of_countries=governments) if apart else None

    def named_apart(self, phrase: Span, wanted: str | None, labels: frozenset[str]) -> list[str]:
        """ "Marta Kowal found the nests … Her colleague Ivo Lind counted them … The pair
        said": the two entities of the `labels` that fit the phrase's noun, named in the
        narration of the sentences just before it, when no third one is."""
        sentence = self.sentence_of[phrase.start]
        start = self.sentence_starts[max(sentence - APART, 0)]
        found: dict[str, Record] = {}
        for mention in self.narrated.inside(start, phrase.start_char):
            entity = mention.entity
            if self.owns_group(mention):
                continue  # "Aldmoor’s two operators, Skoot and Ridewell": not one of them
            if entity["label"] in labels and self.fits_pair(entity, phrase.root, wanted):
                named = self.full_name(mention) if entity["label"] == "PERSON" else None
                found.setdefault((named or entity)["entity_id"], named or entity)
        return [e["name"] for e in found.values()] if len(found) == 2 else []

    def owns_group(self, mention: EntityMention) -> bool:
        """Whether a mention is the owner of a plural noun ("Aldmoor’s two operators")."""
        root = self.root_of(mention)
        return root.dep_ == "poss" and root.head.tag_ == "NNS"

    def fits_pair(self, entity: Record, head: Token, wanted: str | None) -> bool:
        """Whether an entity may be one of a pair phrase's two: a person of its gender, and
        with its role as a title ("Both coaches" are no referee); an organisation of its kind
        ("the two companies" are no cyclists' alliance)."""
        role = head.lemma_.lower()
        if entity["label"] != "PERSON":
            return self.kind_fits(entity, role)
        if not self.gender_fits(entity, wanted):
            return False
        generic = role in PAIR_WORDS | PAIR_NOUNS or role in self.gender_words
        return generic or role in {title_head(title).lower() for title in entity["titles"]}

    def pair_labels(self, head: Token) -> frozenset[str]:
        """The entity label of a pair: countries for a word for a state ("the two
        governments"), organisations for a word for a body ("the two companies"), else people
        ("both", "the two men": "Ministers from Qarsan and Tellmark … both said" are no two
        countries)."""
        if head.lemma_.lower() in STATE_WORDS:
            return frozenset({"GPE"})
        return frozenset({"ORG"}) if self.is_body_word(head) else PERSON_LABEL

    def named_together(self, token: Token, wanted: str | None, labels: frozenset[str]) -> list[str]:
        """The names of the entities a coordination headed by `token` joins, also one that
        goes on from its apposition ("Tobias Wren, 36, Kestrel's former chief executive, and
        Kenji Mori"); empty unless each of them is named, has one of the `labels` and, if a
        person, the `wanted` gender."""
        if is_conjunct(token) or not self.narrated_at(token):
            return []
        members = coordinated(token)
        named = [self.entity_named(member, labels) for member in members]
        if len(members) < 2 or not all(self.gender_fits(e, wanted) for e in named):
            return []
        ids = [e["entity_id"] for e in named if e is not None]
        if len(set(ids)) < len(ids):
            return []  # one name the model took for the whole coordination
        names = self.share_surname(members, [e["name"] if e else None for e in named])
        return [name for name in names if name] if all(names) else []

    def person_named(self, token: Token) -> Record | None:
        """The person a word names, or its apposition does ("the council's former finance
        director, Janet Brooke"), by the fullest name."""
        return self.entity_named(token, PERSON_LABEL)

    def entity_named(self, token: Token, labels: frozenset[str]) -> Record | None:
        """The entity with one of the `labels` that a word names, or its apposition does, by
        the fullest name of a person."""
        for word in (token, *(c for c in token.children if c.dep_ == "appos")):
            mention = self.mention_at(word)
            if mention is not None and mention.entity["label"] in labels:
                if mention.entity["label"] != "PERSON":
                    return mention.entity
                return self.full_name(mention) or mention.entity
        return None

    def introduced(self, head: Token) -> Record | None:
        """Whom an indefinite description, or one in the story's first sentence, introduces
        ("A former procurement chief at the Port of San Alonso took … Joaquín Ferreyra, 54,
        …"), for a later definite one or a headline's word."""
        if self.sentence_of[head.i] > 1 and not any(is_indefinite(c) for c in head.children):
            return None
        return self.named_later(head) or self.named_next(noun_phrase_of(head))

    def named_later(self, head: Token) -> Record | None:
        """ "A Ukraine military monitoring group has alleged …" and soon after "InformNapalm,
        a pro-Ukraine international group": an indefinite description named in the next
        sentences by a phrase with the same head noun attached to a name, or for a person by
        "the man" or "the woman" ("A retired teacher … said … The woman, Gloria Whitcomb, …")."""
        last = self.sentence_of[head.i] + LOOKAHEAD
        for token in self.doc[head.i + 1 :]:
            if self.sentence_of[token.i] > last:
                break
            if (token.lemma_ == head.lemma_ and token.tag_ == head.tag_) or takes_up_person(
                token, head
            ):
                if names_another(
                    names_before(noun_phrase_of(head)), names_before(noun_phrase_of(token))
                ):
                    continue  # "An Ostrell executive" is not "Parvel's chief executive, …"
                entity = self.entity_with_title(token)
                if entity is not None:
                    return entity
        return None

    def named_next(self, phrase: Span) -> Record | None:
        """A person's role the next sentences put a name to: a person first mentioned there
        with a title ending in the role ("The Ohio state parks director is confirming … But
        Parks Director Nadia Brandt …"), or one first mentioned right after as the main
        clause's subject, with no title ("Vermont’s revenue commissioner says … Paul Ferris
        says he …") or of the gender the role word has ("A spokeswoman for the
        mayor says … City communications director Jane Ortiz spoke …"). Another definite
        noun is named by the title alone ("said the scientist … The scientist, Ines
        Coravel, …")."""
        head = phrase.root
        if head.tag_ != "NN":
            return None
        person_word = self.is_person_word(head)
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
        if not (person_word or definite):
            return None  # "the scientist" is named by a title only; "an official" not at all
        wanted = self.gender_words.get(head.lower_)
        own = names_before(phrase)
        for later, mention in self.people_first_named_after(self.sentence_of[head.i]):
            entity = mention.entity
            if not self.gender_fits(entity, wanted):
                continue
            known_gender = wanted is not None and self.gender.get(entity["entity_id"]) == wanted
            titled = [t for t in entity["titles"] if self.ends_in(t, head)]
            if any(not names_another(own, owners_in_title(t)) for t in titled) or (
                person_word
                and later == 1
                and (not entity["titles"] or known_gender)
                and subject_rank(self.root_of(mention)) == MAIN_SUBJECT
            ):
                return entity
        return None

    def person_introduced(self, phrase: Span) -> Record | None:
        """ "A former tenant of a shared house … told a jury that she had warned …", and two
        sentences on "Sofia Marchetti, 29, who lived in the room above …, testified …": a
        story that opens on a person's description names them soon after as the main
        subject, with no title. The person must be of the gender the description gives (a
        gendered word, or the pronoun its clause refers back with); one who is not ("Dennis
        Varley, 61, …, denies …") is passed over."""
        head = phrase.root
        if self.sentence_of[head.i] > 1 or head.tag_ != "NN":
            return None
        wanted = self.gender_words.get(head.lower_) or self.pronoun_after(head, past_phrase=True)
        role = head.lemma_.lower()
        person_word = role in self.lexicon.person_roles or role in self.lexicon.occupations
        if wanted is None and not person_word:
            return None
        for _, mention in self.people_first_named_after(self.sentence_of[head.i]):
            entity = mention.entity
            if (
                not entity["titles"]
                and subject_rank(self.root_of(mention)) == MAIN_SUBJECT
                and self.gender_fits(entity, wanted)
            ):
                return entity
        return None

    def people_first_named_after(self, sentence: int) -> Iterator[tuple[int, EntityMention]]:
        """Each person first mentioned in the `LOOKAHEAD` sentences after `sentence`, with
        how many sentences after it."""
        last = min(sentence + LOOKAHEAD + 1, len(self.sentence_starts) - 1)
        for mention in self.narrated.starting(
            self.sentence_starts[sentence + 1], self.sentence_starts[last]
        ):
            later = self.sentence_of[token_at(self.doc, mention.start).i] - sentence
            entity = mention.entity
            first = mention.start == min(m["start"] for m in entity["mentions"])
            if 0 < later <= LOOKAHEAD and entity["label"] == "PERSON" and first:
                yield later, mention

    def entity_titled(self, phrase: Span, after: int, until: int | None = None) -> Record | None:
        """The one entity that the text before the phrase (from `after` on; or up to `until`)
        gave a title ending in its head noun (or a capitalised one with it: "Detective
        Sergeant"), with no modifier of its own ("former President Bill Clinton" for "the
        former president", not "Republican nominee Donald Trump" for "the Democratic
        nominee"). Only for a definite singular description: "Ukrainian officials" is
        nobody's title."""
        head = phrase.root
        until = head.idx if until is None else until
        if head.tag_ != "NN":
            return None
        own = modifiers(phrase)
        found = [
            e
            for e in self.entities
            if e["label"] in {"PERSON", "ORG"}
            and any(
                (self.ends_in(title, head) or in_capitalised_title(title, head))
                and compatible(own, set(title.lower().split()[:-1]))
                and given_between(e, title, self.text, after, until)
                for title in e["titles"]
            )
        ]
        return found[0] if len(found) == 1 else None

    def person_titled_later(self, phrase: Span) -> Record | None:
        """ "the judge told Tolliver to move on" … "U.S. District Judge Maren Holloway": a
        role no one had before, which the story gives later to one person only."""
        if not self.is_person_word(phrase.root):
            return None
        titled = self.entity_titled(phrase, after=phrase.start_char, until=len(self.text))
        return titled if titled is not None and titled["label"] == "PERSON" else None

    def ends_in(self, title: str, head: Token) -> bool:
        """Whether a title's head word (`title_head`) is a description's head noun ("Attorney
        General", "the state attorney general", "state Sen." the senator; "spokesman for the
        agency" is no agency)."""
        word = title_head(title).lower()
        word = self.lexicon.title_abbreviations.get(word, word)
        return word in {head.lower_, head.lemma_}

    def entity_with_title(self, noun: Token) -> Record | None:
        """The entity a role noun is attached to: in apposition either way, a premodifier
        of the name ("spokesman Matthew Miller"), or what the name's clause says it is
        ("Teodora Vasquez-Lund, 41, … is the government's central witness"). Not a
        dateline's place, which the parse may read as in apposition ("OSTVIK, Veskland —
        The captain of …")."""
        linked = [noun.head] if noun.dep_ in {"appos", "compound"} else []
        linked += [child for child in noun.children if child.dep_ == "appos"]
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "Vasquez-Lund is the witness"
            linked += [child for child in noun.head.children if child.dep_ == "nsubj"]
        for token in linked:
            if token.i < dateline_end(token.sent):
                continue
            if (mention := self.mention_at(token)) is not None:
                return mention.entity
        return None

    def organisation_named_next(self, head: Token) -> Record | None:
        """The one organisation first named after the head, within `LOOKAHEAD` sentences,
        with the head's word in its name."""
        last = self.sentence_of[head.i] + LOOKAHEAD
        found = [
            e
            for first, e in self.organisations_with_word(head)
            if head.idx < first and self.sentence_of[token_at(self.doc, first).i] <= last
        ]
        return found[0] if len(found) == 1 else None

    def organisation_introduced(self, phrase: Span, lookahead: int = LOOKAHEAD) -> Record | None:
        """A headline's or lede's description of a kind of organisation, named as the subject
        of a main clause in the next `lookahead` sentences ("The national medicines regulator
        on Tuesday urged … The Medicines Safety Agency said …"): its first mention, of a name
        that fits the kind (`organisation_roles.tsv`). Only in the headline and the story's
        first sentence, before which no organisation of the story can be in focus."""
        head = phrase.root
        role = head.lemma_.lower()
        sentence = self.sentence_of[head.i]
        if role not in self.lexicon.organisation_roles or sentence > 1:
            return None
        last = min(sentence + lookahead + 1, len(self.sentence_starts) - 1)
        for mention in self.narrated.starting(
            self.sentence_starts[sentence + 1], self.sentence_starts[last]
        ):
            entity = mention.entity
            if mention.start != min(m["start"] for m in entity["mentions"]):
                continue
            if entity["label"] != "ORG" or not self.kind_fits(entity, role):
                continue
            if subject_rank(self.root_of(mention)) == MAIN_SUBJECT:
                return entity
        return None

    def organisation_named(self, head: Token) -> Record | None:
        """ "the commission" → the one ORG whose name has that word ("Commission on
        Presidential Debates")."""
        found = [e for first, e in self.organisations_with_word(head) if first < head.idx]
        return found[0] if len(found) == 1 else None

    def organisations_with_word(self, head: Token) -> list[tuple[int, Record]]:
        """The ORGs with the head's word among the words of their name, each with where it
        is first named; not one named by the word alone ("Army" says no more than "the
        army")."""
        word = head.lemma_.lower()
        return [
            (min(m["start"] for m in e["mentions"]), e)
            for e in self.entities
            if e["label"] == "ORG"
            and word in (words := e["name"].lower().split())
            and len(words) > 1
        ]


def times_named(entity: Record, before: int) -> int:
    """How many of the entity's mentions start before the character offset `before`."""
    return sum(1 for m in entity["mentions"] if m["start"] < before)


def in_capitalised_title(title: str, head: Token) -> bool:
    """Whether a description's head noun is a first word of a capitalised title of two words
    or more: "the detective" of "Detective Sergeant Ivo Renshaw"."""
    words = title.split()
    return (
        len(words) >= 2
        and all(word[0].isupper() for word in words)
        and head.lower_ in {word.lower() for word in words[:-1]}
    )


def given_between(entity: Record, title: str, text: str, start: int, end: int) -> bool:
    """Whether the text between `start` and `end` gives the entity the title: the title
    next to one of its mentions ("spokesman Matthew Miller", "USCIS, the agency that …"),
    not the same words elsewhere ("found that the agency could not …" before the name)."""
    for found in re.finditer(re.escape(title), text[start:end]):
        at = start + found.start()
        if any(abs(m["start"] - at) <= TITLE_REACH for m in entity["mentions"]):
            return True
    return False


def antecedent_labels(pronoun: str) -> frozenset[str]:
    """The entity labels a pronoun may refer back to: people for he/she, organisations and
    places for "it", and for "they" no places (news writes "it" for a country or a city).
    "It" is never a nationality or group of people ("Northern European")."""
    if pronoun in PERSON_PRONOUNS:
        return frozenset({"PERSON"})
    return GROUP_LABELS - {"GPE"} if pronoun in GROUP_PRONOUNS else GROUP_LABELS - {"NORP"}


def is_indefinite(word: Token) -> bool:
    """ "a"/"an", or "one" in "One mother, who …": a description that introduces someone."""
    return (word.dep_ == "det" and word.lower_ in {"a", "an"}) or (
        word.dep_ == "nummod" and word.lower_ == "one"
    )


def is_one_of(token: Token) -> bool:
    """ "diplomats" in "One of the diplomats": a partitive that singles one out."""
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ == "one"


def is_bare_noun_phrase(phrase: Span) -> bool:
    """A headline's noun phrase without determiner or possessive ("Mayor", "Ferry captain")."""
    return all(t.i == phrase.root.i or t.dep_ in {"compound", "amod"} for t in phrase)


def head_noun(phrase: Span) -> Token:
    """The phrase's head, or its last noun when the parse made a verb the head ("show
    insiders" after "according to"); "old" of "the 52-year-old"."""
    if phrase.root.pos_ in {"NOUN", "PROPN", "PRON"} or is_age_epithet(phrase):
        return phrase.root
    return next((t for t in reversed(phrase) if t.pos_ in {"NOUN", "PROPN"}), phrase.root)


def modifiers(phrase: Span) -> set[str]:
    """The words before a phrase's head noun, without determiners and punctuation."""
    return {
        t.lower_
        for t in without_determiner(phrase)
        if t.i < phrase.root.i and t.dep_ not in {"det", "predet", "punct", "case"}
    }


def appositions(phrase: Span) -> list[Token]:
    """The appositions of a phrase's head ("the official, Dr Anya Petrov"), also those the
    parse hung beside it on the noun before the phrase, which it mistook for the head, and a
    second subject of the cue right after it ("said one of them, nurse Helen Pruitt")."""
    root = phrase.root
    own = [c for c in root.children if c.dep_ == "appos"] + second_subject(phrase)
    if root.dep_ != "appos":
        return own
    beside = [t for t in phrase if t.dep_ == "appos" and t.i != root.i and t.head.i == root.head.i]
    return own + beside


def second_subject(phrase: Span) -> list[Token]:
    """A subject of the same verb set off by a comma right after a subject phrase, which the
    parse gives for an apposition it did not see."""
    root, doc = phrase.root, phrase.doc
    if root.dep_ not in {"nsubj", "nsubjpass"} or phrase.end >= len(doc) - 1:
        return []
    if doc[phrase.end].text != ",":
        return []
    return [
        c
        for c in root.head.rights
        if c.dep_ == root.dep_ and c.i > root.i and c.left_edge.i == phrase.end + 1
    ]


def coordinated(head: Token) -> list[Token]:
    """A head and the conjuncts after it, also one the parse joined to its apposition
    ("Tobias Wren, 36, Kestrel's former chief executive, and Kenji Mori")."""
    joined = (appositive_conjunct(c) for c in head.children if c.dep_ == "appos")
    return [head, *conjuncts_after(head), *(token for token in joined if token is not None)]


def conjuncts_after(head: Token) -> list[Token]:
    """The conjuncts that depend on `head`; unlike `Token.conjuncts`, not the words it is
    itself a conjunct of (the parse may join a name to a verb)."""
    found = []
    for child in head.children:
        if child.dep_ == "conj":
            found += [child, *conjuncts_after(child)]
    return found


def is_conjunct(token: Token) -> bool:
    """A second or later conjunct of a noun phrase."""
    return token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN", "PRON"}


def pair_record(names: list[str], of_countries: bool = False) -> Record:
    """A speaker that is two entities: named by both, an entity of neither; two countries'
    governments by the countries ("governments of Tervania and Ostrel")."""
    name = " and ".join(names)
    return {
        "name": f"governments of {name}" if of_countries else name,
        "entity_id": None,
        "label": None,
        "resolved_by": "coreference",
    }


def refers_to_two(phrase: Span) -> bool:
    """ "Both", "the two", "the couple", "both men", "The two founders of …", "Neither",
    "Neither company"."""
    head = phrase.root
    words = {c.lower_ for c in head.children if c.dep_ in {"det", "predet", "nummod"}}
    if head.lower_ in PAIR_WORDS:
        return True
    if head.tag_ == "NN" and "neither" in words:
        return True
    if head.lemma_.lower() in PAIR_NOUNS:
        return head.tag_ == "NN" and bool(words & DEFINITE)
    return head.tag_ == "NNS" and ("both" in words or ("two" in words and bool(words & DEFINITE)))


def is_partitive(head: Token) -> bool:
    """ "Two of the residents": some of a group, not two named before."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def is_pair_word(head: Token) -> bool:
    return head.lower_ in PAIR_WORDS or head.lemma_.lower() in PAIR_NOUNS


def has_owner_name(noun: Token) -> bool:
    """ "Vermont’s revenue commissioner": a noun whose determiner is a name's possessive."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)


def content_words(phrase: Span) -> int:
    """How many words say which referent a phrase is: "all the experts" has one, as many as
    "experts", fewer than "tax experts"."""
    return sum(
        1
        for t in phrase
        if t.dep_ not in {"det", "predet", "punct", "case"}
        and not (t.dep_ == "poss" and t.pos_ == "PRON")
    )


def names_before(phrase: Span) -> set[str]:
    """The names before a phrase's head: "Ostrell" of "an Ostrell executive"."""
    return {t.lower_ for t in phrase if t.i < phrase.root.i and t.pos_ == "PROPN"}


def owners_in_title(title: str) -> set[str]:
    """The names that own a title: "Parvel" of "Parvel's chief executive" (a capitalised
    word of a title may be the title's own: "Attorney General")."""
    return {
        word[:-2].rstrip("'’").lower()
        for word in title.split()
        if word[:1].isupper() and word.endswith(("'s", "’s"))
    }


def names_another(these: set[str], those: set[str]) -> bool:
    """Whether two descriptions each name what the other does not ("an Ostrell executive",
    "Parvel's chief executive"); "a Ukraine military group" and "a pro-Ukraine
    international group" share theirs."""
    return bool(these) and bool(those) and not these & those


def compatible(these: set[str], those: set[str]) -> bool:
    """Two descriptions can name one referent when one's modifiers are among the other's
    ("the senator", "the Oregon senator"), not when each has its own ("the
    Democratic nominee", "the Republican nominee")."""
    return these <= those or those <= these


def is_age_epithet(phrase: Span) -> bool:
    """ "the 52-year-old": a person named by their age, as news copy does after a name."""
    head = phrase[-1]  # not always the root: the parse may hang "the" on the verb
    return (
        phrase[0].lower_ == "the"
        and head.lower_ == "old"
        and any(c.lower_ == "year" and any(n.like_num for n in c.children) for c in head.children)
    )


def takes_up_person(token: Token, head: Token) -> bool:
    """ "A retired teacher … The woman, Gloria Whitcomb, …": a bare "the man" or "the woman"
    that is a subject may take up any singular description ("Clinton, the first woman
    nominated …" takes up nobody)."""
    return (
        token.lower_ in ANY_PERSON
        and head.tag_ == "NN"
        and token.dep_ in {"nsubj", "nsubjpass"}
        and [c.lower_ for c in token.lefts] == ["the"]
    )


def subject_rank(token: Token) -> int:
    """How prominent a mention's head is in its sentence: the main clause's subject
    (`MAIN_SUBJECT`), another clause's subject, or neither. A name the parse made the root
    of its sentence stands for its subject ("Sofia Marchetti, 29, who lived …, testified"
    read with the verb hung on the apposition)."""
    if token.dep_ == "ROOT" and token.pos_ == "PROPN":
        return MAIN_SUBJECT
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    clause = token.head
    while clause.dep_ == "conj":  # "Democrats want …, and Republicans want …"
        clause = clause.head
    return MAIN_SUBJECT if clause.dep_ == "ROOT" else 1


def stem(word: str) -> str:
    """A crude stem that lets a title word meet its derived forms ("Democrat", "Democratic")."""
    return word.lower()[:STEM]


def gender_of_pronoun(word: str) -> str | None:
    if word in MALE_PRONOUNS:
        return "m"
    if word in FEMALE_PRONOUNS:
        return "f"
    return None


def noun_phrase_of(token: Token) -> Span:
    """A noun with its modifiers, up to a relative clause, apposition, comma or conjunction,
    without a possessive ending ("his firm’s handling" → "firm", "the driver and her
    brother" → "the driver"), nor a verb's "of"-gerund the parse hung on it ("accused the
    agency [of leaving …]")."""
    start, end = noun_phrase(token)
    coordinated = [c.i for c in token.rights if c.dep_ in {"cc", "conj"}]
    gerunds = [c.i for c in token.rights if c.dep_ == "prep" and governs_gerund(c)]
    end = min([end, *coordinated, *gerunds])
    while end - 1 > start and token.doc[end - 1].dep_ in {"case", "punct"}:
        end -= 1
    return token.doc[start:end]


def with_passive_participle(phrase: Span) -> Span:
    """A phrase with the passive participle after it that says which one it is ("an
    internal memo obtained by the Ledger", "a study published in March in the Journal …"),
    up to any relative clause inside; not a participle that says what it does ("a nurse
    lamenting …")."""
    head, end = phrase.root, phrase.end
    participle = next((c for c in head.rights if c.dep_ == "acl" and c.i >= end), None)
    if participle is None or participle.tag_ != "VBN" or participle.i != end:
        return phrase
    end = participle.right_edge.i + 1
    clause = next((t for t in phrase.doc[participle.i : end] if t.dep_ == "relcl"), None)
    if clause is not None:
        end = clause.left_edge.i
    while end > phrase.end and phrase.doc[end - 1].is_punct:
        end -= 1
    return phrase.doc[phrase.start : end]


def governs_gerund(preposition: Token) -> bool:
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in preposition.children)


def without_determiner(phrase: Span) -> Span:
    """ "the senior U.S. military official" → "senior U.S. military official"; "his advisers"
    and "whose party" → "advisers" and "party"; a possessive name stays ("Ada Vale’s
    doctor")."""
    start = phrase.start
    while start < phrase.end - 1 and (
        (
            phrase.doc[start].dep_ in {"det", "punct"}
            and phrase.doc[start].lower_ not in QUANTIFYING_DETERMINERS
        )
        or (phrase.doc[start].dep_ == "poss" and phrase.doc[start].tag_ in {"PRP$", "WP$"})
    ):
        start += 1
    return phrase.doc[start : phrase.end]


def without_article(phrase: Span) -> Span:
    start = phrase.start
    if start < phrase.end - 1 and phrase.doc[start].lower_ in ARTICLES:
        start += 1
    return phrase.doc[start : phrase.end]


def description_of(phrase: Span, stop: int | None = None) -> Span:
    """A description that names nobody else is its own referent, with the words after its
    head that say which one: "A notebook recovered from a fallen soldier", "Western
    officials, including Ukrainians". A relative clause or apposition is not part of it, nor
    a relative clause inside those words ("a chart from a report that …"), nor the words
    from the phrase that holds the cue at token `stop`."""
    head = phrase.root
    if head.pos_ != "NOUN":
        return phrase
    end = phrase.end
    rights = list(head.rights)
    for n, child in enumerate(rights):
        if stop is not None and child.left_edge.i <= stop <= child.right_edge.i:
            break  # the cue's phrase: "tweets [criticizing …]", "the union for [speaking out]"
        if child.dep_ in {"prep", "acl"} and child.lower_ not in CIRCUMSTANCES:
            end = max(end, child.right_edge.i + 1)
        elif not (
            child.dep_ == "punct" and n + 1 < len(rights) and rights[n + 1].lower_ == "including"
        ):
            break
    clause = next((t for t in phrase.doc[head.i + 1 : end] if t.dep_ == "relcl"), None)
    if clause is not None:
        end = max(head.i + 1, clause.left_edge.i)
    while end > phrase.end and (
        phrase.doc[end - 1].is_punct or phrase.doc[end - 1].dep_ in {"aux", "neg"}
    ):
        end -= 1  # "the chair of the committee to [call]", "a decision to not [recommend]"
    return phrase.doc[phrase.start : end]


def name_of(phrase: Span) -> str:
    """The words of a phrase as a name: without its determiner, and without the quotation
    marks of a scare quote (the unnamed “senior U.S. military official”), but with the
    apostrophe of a plural possessive ("the players’ union"), also one the tagger took for a
    closing mark but the parser for a possessive ("the Upper Arvin Residents’ Association")."""
    return "".join(
        t.whitespace_ if t.is_quote and t.tag_ != "POS" and t.dep_ != "case" else t.text_with_ws
        for t in without_determiner(phrase)
    ).strip()


def token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None else doc[-1]
