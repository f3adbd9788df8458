"""Attribution stage: who said what, with the cue and the speaker resolved.

Three sources of attributions, merged:

1. the parse (`cues`): reported speech, "according to", participles, relative clauses;
2. quotation marks (`quote_marks`): a quotation that a cue's content overlaps becomes that
   attribution's content (`direct`; `mixed` when the content also has unquoted words); a
   quotation with no such content takes the cue verb of its sentence ("“…,” he said"), or
   else continues the previous direct quote of its paragraph or the one before;
3. the speaker phrase is resolved inside the article (`speakers`).

Negated speech ("has not confirmed") and refused speech ("declined to say") are kept and
flagged `negated: true`. An attribution whose cue lies inside another's content ("Kirby
warned that American intelligence believes …") points to it with `parent_id`, unless both
have the same speaker ("Kirby said he believes …"):
then the outer one already attributes the words to that speaker, and the inner one is dropped
(not a claim in a relative clause or after a preposition: `claim_in_description`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from .cues import (
    SUBJECT_DEPS,
    CueLexicon,
    Found,
    addressee_of,
    cue_lemma,
    cue_tokens,
    find_cue_attributions,
    gap_antecedent,
    is_cue,
    is_negated,
    is_passive_participle_on_noun,
    medium_of,
    name_phrase,
    noun_phrase,
    speaker_of,
    subject_of,
    verb_lemma,
)
from .lexicon import MODELS_DIR, read_lines, read_table
from .quote_marks import QuoteMarks, find_quotations
from .read import Article
from .span_index import SpanIndex
from .speakers import SpeakerLexicon, SpeakerResolver

#: "“…” ― Name": a dash after a quotation, then a name up to a comma or the line's end.
#: Spaces are any but a line break: news text often has a no-break space before the dash.
SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[^,\n(]{2,60})")
#: "VALE: …" / "ANNA BRANDT: …" at the start of a paragraph.
TRANSCRIPT_TURN = re.compile(
    r"(?m)^[\"“]?(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?P<colon>:)[^\S\n]+"
    r"(?P<content>\S.*\S)"
)
#: "Vale: Budget Vote Will Go Ahead": a headline opened by a name and a colon.
HEADLINE_TURN = re.compile(
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})(?P<colon>:)[^\S\n]+(?P<content>\S.*\S)"
)
#: The cue lemma of a transcript turn: its colon.
TURN_CUE = ":"
#: A quotation this short with no cue of its own is a scare quote ("the “dozens” that …").
MIN_UNCUED_QUOTE_WORDS = 4

#: How far (in characters) from a quotation a cue is its own ("“…,” the mayor said").
OWN_CUE_DISTANCE = 30

CharSpan = tuple[int, int]
#: The end of a sentence or paragraph between two quotations.
SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: Only a full stop between a claim and the quotation after it ("…, Reyes said. “…").
FULL_STOP_BETWEEN = re.compile(r"\s*\.\s*")
#: Nothing but spaces and commas between a quotation and its cue ("“…,” Vale said").
NOTHING_BETWEEN = re.compile(r"[ ,\u00a0]*")
#: A word between a speech tag and the next quotation ("“…,” he said, asking her, “…”").
WORD = re.compile(r"\w")
#: A letter, the first of which says whether a quotation opens a sentence.
QUOTED_LETTER = re.compile(r"[^\W\d_]")
#: What comes before a quotation that opens a sentence: nothing, a paragraph break, or the
#: end of a sentence.
OPENS_SENTENCE = re.compile(r"(?:\A|\n|[.!?][”’\"')]?)\s*\Z")
#: Words a title leaves in lower case ("Tides: A History of the Sea and the Shore").
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"})
#: The most words of a quoted title inside a sentence, and of a quoted subheading.
MAX_INLINE_TITLE_WORDS = 6
MAX_TITLE_WORDS = 8


def load_cue_lexicon(folder: Path = MODELS_DIR) -> CueLexicon:
    clause_only = frozenset(read_lines(folder / "cue_verbs_clause_only.txt"))
    return CueLexicon(
        verbs=frozenset(read_lines(folder / "cue_verbs.txt")) | clause_only,
        addressee_verbs=frozenset(read_lines(folder / "addressee_verbs.txt")),
        clause_only_verbs=clause_only,
        nouns=frozenset(read_lines(folder / "cue_nouns.txt")),
        source_nouns=frozenset(read_lines(folder / "source_nouns.txt")),
        speech_to_verbs=frozenset(read_lines(folder / "speech_to_verbs.txt")),
        media_nouns=frozenset(read_lines(folder / "media_nouns.txt")),
        publishing_verbs=frozenset(read_lines(folder / "publishing_verbs.txt")),
        evidence_verbs=frozenset(read_lines(folder / "evidence_verbs.txt")),
        causative_verbs=frozenset(read_lines(folder / "causative_verbs.txt")),
        naming_verbs=frozenset(read_lines(folder / "naming_verbs.txt")),
        refusal_verbs=frozenset(read_lines(folder / "refusal_verbs.txt")),
        transaction_verbs=frozenset(read_lines(folder / "transaction_verbs.txt")),
        hedge_words=frozenset(read_lines(folder / "hedge_words.txt")),
        rendering_nouns=frozenset(read_lines(folder / "rendering_nouns.txt")),
        data_nouns=frozenset(read_lines(folder / "data_nouns.txt")),
        speech_on_verbs=frozenset(read_lines(folder / "speech_on_verbs.txt")),
        as_it_verbs=frozenset(read_lines(folder / "as_it_verbs.txt")),
        figure_verbs=frozenset(read_lines(folder / "figure_verbs.txt")),
        access_verbs=frozenset(read_lines(folder / "access_verbs.txt")),
        audience_nouns=frozenset(read_lines(folder / "audience_nouns.txt")),
        stance_verbs=frozenset(read_lines(folder / "stance_verbs.txt")),
        topic_verbs=frozenset(read_lines(folder / "topic_verbs.txt")),
        act_objects=frozenset(
            (verb, noun)
            for verb, nouns in read_table(folder / "act_objects.tsv")
            for noun in nouns.split()
        ),
    )


@dataclass
class Attribution:
    """One attribution in character offsets, before it becomes a record."""

    content: list[CharSpan]
    kind: str
    cue: Span | None
    cue_lemma: str | None
    speaker: Span | None
    confidence: float
    negated: bool = False

    @property
    def start(self) -> int:
        return self.content[0][0]


class AttributionStage:
    """Callable stage: `stage(doc, article, entities) -> list of quotes.jsonl records`."""

    name = "attribution"

    def __init__(self, lexicon: CueLexicon | None = None) -> None:
        self.lexicon = lexicon or load_cue_lexicon()
        self.speaker_lexicon = SpeakerLexicon.load()

    def __call__(
        self, doc: Doc, article: Article, entities: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        text = article.text  # doc.text is rebuilt from the tokens on every access
        quotations = [q for q in find_quotations(text) if not is_title(text, q)]
        found = [from_tokens(doc, f) for f in find_cue_attributions(doc, self.lexicon)]
        found += transcript_turns(doc, text)
        found = merge_quotations(doc, text, found, quotations, self.lexicon)
        found = deduplicated(found)
        quoted = SpanIndex((*span, span) for span in quoted_spans(text, found, quotations))
        found = [a for a in found if not quoted_speech(a, quoted)]
        found.sort(key=lambda a: (a.start, a.content[-1][1]))
        resolver = SpeakerResolver(
            doc,
            doc.text,  # the article's, with plain spaces where the model read them
            entities,
            self.speaker_lexicon,
            quoted=[part for q in quotations for part in q.parts],
        )
        records = [
            quote_record(doc, text, article.doc_id, attribution, resolver)
            | speech_event(text, attribution, self.lexicon)
            for attribution in found
        ]
        records = [
            record
            for record, parent in zip(records, parents_of(records), strict=True)
            if not (
                restates(doc, record, parent, self.lexicon)
                or part_of_claim(doc, record, parent, self.lexicon)
            )
        ]
        for number, record in enumerate(records, start=1):
            record["quote_id"] = f"Q{number}"
        for record, parent in zip(records, parents_of(records), strict=True):
            record["parent_id"] = parent["quote_id"] if parent else None
        return records


def quoted_speech(attribution: Attribution, quoted: SpanIndex[CharSpan]) -> bool:
    """Speech reported inside a quote ("I think …", "as busy as she says she is") is the quoted
    speaker's own words, already in their quote, not an attribution of its own. A transcript
    turn is not: a transcript quoted as a whole ("\"VALE: …") still has its speakers."""
    cue = attribution.cue
    if cue is None or attribution.cue_lemma == TURN_CUE:
        return False
    return bool(quoted.around(cue.start_char, cue.end_char))


def quoted_spans(
    text: str, found: list[Attribution], quotations: list[QuoteMarks]
) -> list[CharSpan]:
    """The direct quotes, and the quotations long enough to be someone's words even when
    their speaker was not found (a scare quote is not)."""
    spans = [part for a in found if a.kind == "direct" for part in a.content]
    spans += [(q.start, q.end) for q in quotations if words(text, q) >= MIN_UNCUED_QUOTE_WORDS]
    return spans


def from_tokens(doc: Doc, found: Found) -> Attribution:
    def chars(span: tuple[int, int]) -> CharSpan:
        tokens = doc[span[0] : span[1]]
        return tokens.start_char, tokens.end_char

    return Attribution(
        content=[chars(part) for part in found.content],
        kind="indirect",  # until a quotation turns out to be (part of) the content
        cue=doc[found.cue[0] : found.cue[1]],
        cue_lemma=found.cue_lemma,
        speaker=doc[found.speaker[0] : found.speaker[1]] if found.speaker else None,
        confidence=found.confidence,
        negated=found.negated,
    )


def overlap(a: CharSpan, b: CharSpan) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(spans: list[CharSpan], region: CharSpan) -> int:
    return sum(overlap(span, region) for span in spans)


def merge_quotations(
    doc: Doc,
    text: str,
    found: list[Attribution],
    quotations: list[QuoteMarks],
    lexicon: CueLexicon,
) -> list[Attribution]:
    """Give each quotation to the attribution whose content it is, to the cue of its
    sentence, or to the direct quote it continues."""
    result = list(found)
    taken = {a.cue.start for a in found if a.cue}
    # Speech inside a quotation ("… a plan, I believe, to …") owns no quotation.
    long_quotes = SpanIndex(
        (q.start, q.end, (q.start, q.end))
        for q in quotations
        if words(text, q) >= MIN_UNCUED_QUOTE_WORDS
    )
    speakers = [a for a in found if not quoted_speech(a, long_quotes)]
    # Quotations do not overlap, so only a content as it was found can overlap a later one:
    # what is added to it below is quotations already read.
    contents = SpanIndex((*part, n) for n, a in enumerate(speakers) for part in a.content)
    previous: Attribution | None = None
    for quotation in quotations:
        region = (quotation.start, quotation.end)
        near = sorted(set(contents.overlapping(*region)))
        owners = [
            a
            for a in (speakers[n] for n in near)
            if owns(a, quotation) and not inside(a.cue, region)
        ]
        for owner in owners:
            take_quotation(text, owner, quotation)
        if owners:
            previous = owners[-1]
            continue
        if previous is not None and split_by_cue(text, previous, quotation):
            previous.content += quotation.parts  # "“A,” he said, referring to X, “B.”"
            continue
        misread = cue_right_after(text, quotation, found)
        if misread is not None:
            misread.content, misread.kind = list(quotation.parts), "direct"
            previous = misread
            continue
        cued = cued_quotation(doc, text, quotation, lexicon, taken)
        if cued is not None:
            gapped = same_cue(result, cued)
            if gapped is not None:  # "“A,” he said, “B”": one attribution, two parts
                gapped.content += quotation.parts
                previous = gapped
            else:
                result.append(cued)
                previous = cued
        elif reported := reported_right_before(doc, text, quotation, quotations, speakers):
            reported.content += quotation.parts  # "X, Reyes said. “B.”"
            reported.kind = "mixed"
            previous = reported
        elif previous is not None and continues(doc, text, quotation, previous, lexicon):
            if "\n" in text[previous.content[-1][1] : quotation.start]:
                previous = next_paragraph_quote(quotation, previous)
                result.append(previous)
            else:  # the same paragraph: more of the same quote
                previous.content += quotation.parts
        elif words(text, quotation) >= MIN_UNCUED_QUOTE_WORDS:
            previous = None
    return result


def reported_right_before(
    doc: Doc,
    text: str,
    quotation: QuoteMarks,
    quotations: list[QuoteMarks],
    found: list[Attribution],
) -> Attribution | None:
    """ "The council may delay the vote, Reyes said. “The other problem is …”": a quotation
    with no cue of its own, right after the sentence of a reported claim in the same
    paragraph, goes on with that claim's speaker. Not after a sentence with a quotation of its
    own ("“A,” she said, explaining why …. “B”"): that quotation's speaker goes on, if
    anyone."""
    if words(text, quotation) < MIN_UNCUED_QUOTE_WORDS:
        return None
    for attribution in found:
        if attribution.kind != "indirect" or attribution.speaker is None:
            continue
        spans = [
            attribution.content[-1],
            (attribution.speaker.start_char, attribution.speaker.end_char),
        ]
        if attribution.cue is not None:
            spans.append((attribution.cue.start_char, attribution.cue.end_char))
        end = max(span[1] for span in spans)
        if end > quotation.start or not FULL_STOP_BETWEEN.fullmatch(text, end, quotation.start):
            continue
        sentence = sentence_at(doc, end - 1)
        if sentence is not None and not any(
            sentence.start_char <= q.start < sentence.end_char for q in quotations
        ):
            return attribution
    return None


def split_by_cue(text: str, previous: Attribution, quotation: QuoteMarks) -> bool:
    """The previous direct quote's cue stands between it and this quotation, in one sentence
    ("“Each time you blame the weather,” Vale said, referring to the delays, “you lose …”").
    After more words than the speech tag, a quotation that opens with a capital letter is
    another's content: "“A,” Vale said, asking the board, “Will you resign?”"."""
    if previous.kind != "direct" or previous.cue is None or previous.speaker is None:
        return False
    end = previous.content[-1][1]
    between = text[end : quotation.start]
    if not end <= previous.cue.start_char < quotation.start or SENTENCE_END.search(between):
        return False
    tag_end = max(previous.cue.end_char, previous.speaker.end_char)
    return not (WORD.search(text, tag_end, quotation.start) and opens_capitalised(text, quotation))


def opens_capitalised(text: str, quotation: QuoteMarks) -> bool:
    first = QUOTED_LETTER.search(text, *quotation.parts[0])
    return first is not None and first.group().isupper()


def cue_right_after(
    text: str, quotation: QuoteMarks, found: list[Attribution]
) -> Attribution | None:
    """ "“You should step down,” Whitcombe told Harlan, after he conceded …": a quotation
    followed at once by a speaker and cue, or a cue and speaker, is their content, whatever
    clause after the cue the parse gave them ("“We won,” she said, “We will …”" can read as
    "she said “We will …”"). A short one only when it opens a sentence: "the “dozens” …" is
    no speech."""
    if ends_sentence(text, quotation):
        return None
    if words(text, quotation) < MIN_UNCUED_QUOTE_WORDS and not OPENS_SENTENCE.search(
        text[: quotation.start]
    ):
        return None
    for attribution in found:
        if attribution.cue is None or attribution.speaker is None:
            continue
        opening = min(attribution.cue.start_char, attribution.speaker.start_char)
        if (
            opening >= quotation.end
            and NOTHING_BETWEEN.fullmatch(text, quotation.end, opening)
            and attribution.start > attribution.cue.end_char
        ):
            return attribution
    return None


def ends_sentence(text: str, quotation: QuoteMarks) -> bool:
    """ "… was “a breach of our rules.” The station said it …": a full stop inside the
    closing mark ends the sentence, and the next one is not its cue."""
    return text[: quotation.parts[-1][1]].rstrip().endswith(".")


def owns(attribution: Attribution, quotation: QuoteMarks) -> bool:
    """The quotation is (part of) this content: they share at least half of the one or of
    the other, not just a stray mark at a sentence boundary."""
    if all(end <= quotation.start or start >= quotation.end for start, end in attribution.content):
        return False
    shared = sum(covered(attribution.content, part) for part in quotation.parts)
    quoted = sum(end - start for start, end in quotation.parts)
    content = sum(end - start for start, end in attribution.content)
    return shared > 0 and (shared >= 0.5 * quoted or shared >= 0.5 * content)


def same_cue(found: list[Attribution], new: Attribution) -> Attribution | None:
    return next(
        (
            a
            for a in found
            if a.kind == "direct"
            and a.cue is not None
            and new.cue is not None
            and a.cue.start == new.cue.start
        ),
        None,
    )


def inside(span: Span | None, region: CharSpan) -> bool:
    return span is not None and region[0] <= span.start_char and span.end_char <= region[1]


def take_quotation(text: str, owner: Attribution, quotation: QuoteMarks) -> None:
    """The quotation is the owner's content (direct), or a part of it (mixed)."""
    region = (quotation.start, quotation.end)
    content_length = sum(end - start for start, end in owner.content)
    if covered(owner.content, region) >= 0.8 * content_length or tagged_after(
        text, owner, quotation
    ):
        parts = [p for p in quotation.parts if covered(owner.content, p)]
        owner.content = parts  # of a quote over several paragraphs, the owner's paragraphs
        owner.kind = "direct"
        owner.confidence = max(owner.confidence, 0.9)
    elif owner.kind != "direct":
        owner.kind = "mixed"
        last_start, last_end = owner.content[-1]
        if last_start < quotation.start < last_end < quotation.end:
            # a mixed quote runs to its closing mark, whatever the parse cut off
            owner.content[-1] = (last_start, quotation.end)


def tagged_after(text: str, owner: Attribution, quotation: QuoteMarks) -> bool:
    """Content that the parse ran from inside a quotation closed by a comma on past its
    closing mark is the quotation: the rest is the speech tag ("“A. B,” Reyes, a senior
    adviser, said …") or the writer's ("saying “That is just good planning,” when Vale …")."""
    start, end = owner.content[0][0], owner.content[-1][1]
    return (
        quotation.start <= start < quotation.end < end
        and "," in text[quotation.parts[-1][1] : quotation.end]
    )


def cued_quotation(
    doc: Doc, text: str, quotation: QuoteMarks, lexicon: CueLexicon, taken: set[int]
) -> Attribution | None:
    """The cue of a quotation: the nearest cue verb with a subject outside it, in the
    sentence where it closes or opens, or first before a colon that introduces it ("He said: “…”");
    else the subject of any clause that introduces it with a colon, or of a bare subject and
    verb before a comma ("She continued, “…”"), or a dash and a name after it ("“…” ―
    Name, title"). A cue whose content the parse found elsewhere (`taken`)
    is not this quotation's: "The unnamed “senior official” described North Korea as …"
    quotes the writer's words for the speaker."""
    region = (quotation.start, quotation.end)
    sentences = {sentence_at(doc, quotation.end - 1), sentence_at(doc, quotation.start)}
    after = len(text) - len(text[quotation.end :].lstrip(" ,"))
    if after < len(text) and text[after] != "\n":  # "“A. B.” \n he said" is split by the parser
        sentences.add(sentence_at(doc, after))
    before = text[: quotation.start].rstrip()
    introducing = sentence_at(doc, len(before) - 1) if before.endswith(":") else None
    if introducing is not None:
        sentences.add(introducing)
    cues = [
        token
        for sentence in sentences
        if sentence is not None
        for token in sentence
        if is_cue(token, lexicon)
        and not region[0] <= token.idx < region[1]
        and token.i not in taken
    ]
    for cue in sorted(cues, key=lambda t: (t.sent != introducing, distance(t.idx, region))):
        speaker, _ = speaker_of(cue, lexicon)
        if speaker is not None:
            return Attribution(
                content=list(quotation.parts),
                kind="direct",
                cue=doc[slice(*cue_tokens(cue, lexicon))],
                cue_lemma=cue_lemma(cue, lexicon),
                speaker=doc[speaker[0] : speaker[1]],
                confidence=0.85,
                negated=is_negated(cue, lexicon),
            )
    if before.endswith((":", ",")):
        return introduced_quotation(doc, quotation, len(before) - 1, comma=before[-1] == ",")
    return signed_quotation(doc, text, quotation)


def introduced_quotation(
    doc: Doc, quotation: QuoteMarks, mark: int, comma: bool
) -> Attribution | None:
    """ "Okafor continued:", "Lind made the following remark:": a clause that ends with
    a colon right before a quotation introduces it, whatever its verb; its subject speaks.
    Before a comma only a subject and its verb do ("She continued, “…”", "He went on,
    “…”"): a longer clause is more likely to be the writer's."""
    sentence = sentence_at(doc, mark)
    if sentence is None:
        return None
    verb = sentence.root
    subject = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if subject is None or subject.dep_ != "nsubj" or subject.i > verb.i:
        return None
    between = doc[verb.i + 1 : doc.char_span(mark, mark + 1, alignment_mode="expand").start]
    if comma and (
        subject.left_edge.i != sentence.start
        or not all(t.pos_ in {"ADV", "ADP", "PART"} for t in between)
    ):
        return None
    start, end = noun_phrase(subject)
    return Attribution(
        content=list(quotation.parts),
        kind="direct",
        cue=doc[verb.i : verb.i + 1],
        cue_lemma=verb_lemma(verb),
        speaker=doc[start:end],
        confidence=0.75,
    )


def signed_quotation(doc: Doc, text: str, quotation: QuoteMarks) -> Attribution | None:
    """ "“…” ― Jane Roe, activist": the name after a dash that follows the quotation."""
    match = SIGNATURE.match(text, quotation.end)
    if match is None:
        return None
    dash = doc.char_span(*match.span("dash"), alignment_mode="expand")
    name = doc.char_span(*match.span("name"), alignment_mode="contract")
    if dash is None or name is None or not name[0].is_title:
        return None
    return Attribution(
        content=list(quotation.parts),
        kind="direct",
        cue=dash,
        cue_lemma=dash.text,
        speaker=name,
        confidence=0.8,
    )


def transcript_turns(doc: Doc, text: str) -> list[Attribution]:
    """ "VALE: Well, I think …": a paragraph opened by an upper-case name and a colon, or a
    headline opened by a name and a colon (not by a title-case phrase: `is_name`)."""
    turns = []
    headline = HEADLINE_TURN.match(text)
    for match in [*([headline] if headline else []), *TRANSCRIPT_TURN.finditer(text)]:
        name = doc.char_span(*match.span("name"), alignment_mode="contract")
        colon = doc.char_span(*match.span("colon"), alignment_mode="expand")
        if name is None or colon is None or not is_name(name):
            continue
        turns.append(
            Attribution(
                content=[match.span("content")],
                kind="direct",
                cue=colon,
                cue_lemma=TURN_CUE,
                speaker=name,
                confidence=0.8,
            )
        )
    return turns


def is_name(phrase: Span) -> bool:
    """ "Vale", "Poll", "Ada Quill" can open a headline as its speaker; "The Latest" and
    "Storm Over Taxes" are title-case words, not a name: they hold function words."""
    return not any(token.is_stop for token in phrase)


def continues(
    doc: Doc, text: str, quotation: QuoteMarks, previous: Attribution, lexicon: CueLexicon
) -> bool:
    """A quotation without a cue goes on with the previous direct quote, when that one is in
    the same paragraph, or in the paragraph before and the quotation opens its own paragraph
    (the convention for a quote over several paragraphs). After a mixed quote ("“A” of the plan, he
    said. “B.”") only a quotation long enough not to be a scare quote, and with no cue next
    to it, goes on."""
    if previous.kind == "indirect" or previous.speaker is None:
        return False
    between = text[previous.content[-1][1] : quotation.start]
    if len([line for line in between.split("\n")[1:-1] if line.strip()]) > 0:
        return False
    if "\n" in between and between.split("\n")[-1].strip():
        return False  # in the next paragraph, only a quotation that opens it goes on
    return previous.kind == "direct" or (
        words(text, quotation) >= MIN_UNCUED_QUOTE_WORDS
        and not has_own_cue(doc, quotation, lexicon)
    )


def has_own_cue(doc: Doc, quotation: QuoteMarks, lexicon: CueLexicon) -> bool:
    """A cue verb next to the quotation in its sentence ("“A,” she said, “B”"), even one
    whose attribution was found elsewhere: the quotation is that speaker's, not more of the
    quote before."""
    region = (quotation.start, quotation.end)
    sentence = sentence_at(doc, quotation.end - 1)
    return sentence is not None and any(
        is_cue(token, lexicon)
        and not region[0] <= token.idx < region[1]
        and distance(token.idx, region) <= OWN_CUE_DISTANCE
        for token in sentence
    )


def next_paragraph_quote(quotation: QuoteMarks, previous: Attribution) -> Attribution:
    return Attribution(
        content=list(quotation.parts),
        kind="direct",
        cue=None,
        cue_lemma=None,
        speaker=previous.speaker,
        confidence=0.6,
    )


def words(text: str, quotation: QuoteMarks) -> int:
    return sum(len(text[start:end].split()) for start, end in quotation.parts)


def distance(char: int, region: CharSpan) -> int:
    return region[0] - char if char < region[0] else char - region[1]


def sentence_at(doc: Doc, char: int) -> Span | None:
    """The sentence of the word at `char`, or of the next word if `char` is a space."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start].sent if span is not None and span.start < len(doc) else None


def deduplicated(found: list[Attribution]) -> list[Attribution]:
    """One attribution per cue, and per content: the more confident one."""
    kept: list[Attribution] = []
    cues: set[int] = set()
    contents: set[tuple[CharSpan, ...]] = set()
    for attribution in sorted(found, key=lambda a: -a.confidence):
        content = tuple(attribution.content)
        cue = attribution.cue.start if attribution.cue is not None else None
        if content in contents or cue in cues:
            continue
        kept.append(attribution)
        contents.add(content)
        if cue is not None:
            cues.add(cue)
    return kept


def quote_record(
    doc: Doc, text: str, doc_id: str, attribution: Attribution, resolver: SpeakerResolver
) -> dict[str, Any]:
    """The quotes.jsonl record; `quote_id` and `parent_id` are set once all are known."""
    start, end = attribution.content[0][0], attribution.content[-1][1]
    anchor = (
        attribution.cue
        if attribution.cue is not None
        else doc.char_span(start, end, alignment_mode="expand")
    )
    sentence = anchor[0].sent
    return {
        "doc_id": doc_id,
        "quote_id": None,
        "kind": attribution.kind,
        "content": {
            "text": text[start:end],
            "start": start,
            "end": end,
            "parts": [char_span_record(text, part) for part in attribution.content]
            if len(attribution.content) > 1
            else None,
        },
        "cue": None
        if attribution.cue is None
        else char_span_record(text, (attribution.cue.start_char, attribution.cue.end_char))
        | {"lemma": attribution.cue_lemma},
        "speaker": speaker_record(text, attribution, resolver) if attribution.speaker else None,
        "quantities": [],
        "dates": [],
        "speech_date": None,
        "sentence": char_span_record(text, (sentence.start_char, sentence.end_char)),
        "confidence": attribution.confidence,
        "negated": attribution.negated,
        "parent_id": None,
    }


def speaker_record(
    text: str, attribution: Attribution, resolver: SpeakerResolver
) -> dict[str, Any]:
    """The resolved speaker, its mention quoted from the article (whose no-break spaces the
    Doc has as plain ones)."""
    speaker = attribution.speaker
    cue_start = attribution.cue.start if attribution.cue is not None else None
    resolved = resolver.resolve(speaker, cue_start)
    return resolved | {"text": text[speaker.start_char : speaker.end_char]}


def is_title(text: str, quotation: QuoteMarks) -> bool:
    """ "on “The Night Desk”", "Marlowe’s “Harbour Lights”": a short quotation in title
    case inside a sentence names a work or a programme, not what anyone said. A quoted line
    in title case that is a paragraph of its own is a subheading ("'All Bets Are Off.'")."""
    if len(quotation.parts) != 1:
        return False
    inner = text[slice(*quotation.parts[0])]
    words = inner.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not in_title_case(words):
        return False
    before = text[: quotation.start].rstrip(" ")
    if not before or before.endswith("\n"):
        return text[quotation.end :].lstrip(" ")[:1] in {"", "\n"}  # a subheading
    return (
        len(words) <= MAX_INLINE_TITLE_WORDS
        and inner.rstrip()[-1:] not in {".", ",", "!", "?", ":"}
        and (before[-1].isalpha() or before[-1] in "’'")
    )


def in_title_case(words: list[str]) -> bool:
    return all(w[0].isupper() or w in TITLE_SMALL_WORDS or not w[0].isalpha() for w in words)


def speech_event(text: str, attribution: Attribution, lexicon: CueLexicon) -> dict[str, Any]:
    """To whom and how the cue's speech was made: `addressee` ("told the Guardian") and
    `medium` ("in a social media post"), each a span or None. Only a verb cue has them, and
    not inside its own content ("asked questions" asks no one), and either ends where the
    content starts ("told some of the nurses that …", parsed as the nurses' clause)."""
    event: dict[str, Any] = {"addressee": None, "medium": None}
    cue = attribution.cue
    if cue is None or cue.root.pos_ not in {"VERB", "AUX"}:
        return event
    last = cue.doc.char_span(*attribution.content[-1], alignment_mode="expand")
    medium = medium_of(cue.root, lexicon, content_end=last.end if last is not None else None)
    addressee = addressee_of(cue.root, lexicon, medium)
    for field, head in (("addressee", addressee), ("medium", medium)):
        if head is not None and not any(a <= head.idx < b for a, b in attribution.content):
            phrase = cue.doc[slice(*name_phrase(head))]
            start, end = phrase.start_char, phrase.end_char
            end = min([end] + [a for a, _ in attribution.content if start < a < end])
            end = len(text[:end].rstrip(" ,"))
            event[field] = char_span_record(text, (start, end))
    return event


def char_span_record(text: str, span: CharSpan) -> dict[str, Any]:
    return {"text": text[span[0] : span[1]], "start": span[0], "end": span[1]}


def parents_of(records: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each record, the record it is nested in: the smallest whose content holds its cue."""
    contents = SpanIndex(
        (part["start"], part["end"], n)
        for n, record in enumerate(records)
        for part in record["content"]["parts"] or [record["content"]]
    )
    parents: list[dict[str, Any] | None] = []
    for n, record in enumerate(records):
        cue = record["cue"]
        around = contents.around(cue["start"], cue["end"]) if cue is not None else []
        containers = [m for m in around if m != n]
        parents.append(
            records[min(containers, key=lambda m: (length(records[m]), m))] if containers else None
        )
    return parents


def length(record: dict[str, Any]) -> int:
    return record["content"]["end"] - record["content"]["start"]


def part_of_claim(
    doc: Doc, record: dict[str, Any], parent: dict[str, Any] | None, lexicon: CueLexicon
) -> bool:
    """ "She said the mayor wants to close the library": inside someone's content, a cue with
    a plain object or infinitive ("wants to close …") is part of what they said, not another
    source's claim; only a reported clause or quotation is ("she said experts believe that …")."""
    return (
        parent is not None
        and record["kind"] == "indirect"
        and not reports_clause(doc, record)
        and not claim_of_its_own(doc, record, lexicon)
    )


def claim_of_its_own(doc: Doc, record: dict[str, Any], lexicon: CueLexicon) -> bool:
    """A participle on a noun ("a video showing …": the video's claim), a document or
    recording that shows something ("stated that the footage … depicted the aftermath"), an
    estimate ("found that the office had put its cost at …"), a hedge ("alleged soldiers")
    and a passive cue with an infinitive ("what were believed to be the bodies of
    soldiers": a hedged claim, its source unnamed) are claims of their own inside another's
    content."""
    cue = doc.char_span(record["cue"]["start"], record["cue"]["end"], alignment_mode="expand")
    if cue is None:
        return False
    if (cue.root.tag_ == "VBG" and cue.root.dep_ == "acl") or cue.root.dep_ == "amod":
        return True
    if verb_lemma(cue.root) in lexicon.evidence_verbs and shows_document(doc, record, lexicon):
        return True
    if verb_lemma(cue.root) in lexicon.figure_verbs:
        return True  # "found that the office had put its cost at $610 million"
    passive = is_passive(cue.root) or is_passive_participle_on_noun(cue.root)
    return passive and record["content"]["text"].startswith("to ")


def is_passive(verb: Token) -> bool:
    """ "were believed", not the perfect "had agreed"."""
    return verb.tag_ == "VBN" and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def shows_document(doc: Doc, record: dict[str, Any], lexicon: CueLexicon) -> bool:
    """Whether the record's speaker is a document or recording ("the footage", "a study")."""
    speaker = record["speaker"]
    span = speaker and doc.char_span(speaker["start"], speaker["end"], alignment_mode="expand")
    return bool(span) and span.root.lemma_.lower() in lexicon.documents


def reports_clause(doc: Doc, record: dict[str, Any]) -> bool:
    content = record["content"]
    span = doc.char_span(content["start"], content["end"], alignment_mode="expand")
    if span is None:
        return True
    if span[0].lower_ in {"that", "whether", "if"} or span[0].tag_ in {"WDT", "WP", "WRB"}:
        return True
    root = span.root
    return root.pos_ in {"VERB", "AUX"} and (
        any(child.dep_ in SUBJECT_DEPS or child.dep_ == "expl" for child in root.children)
        or gap_antecedent(root) is not None  # "a man they said attacked …": the man did
    )


def restates(
    doc: Doc, record: dict[str, Any], parent: dict[str, Any] | None, lexicon: CueLexicon
) -> bool:
    """ "Kirby said he believes the figure is low": the inner attribution's speaker is the
    outer one's, so its content is already attributed to them; it is folded into the outer.
    Not a claim inside what the outer content is about (`claim_in_description`)."""
    if parent is None or record["speaker"] is None or parent["speaker"] is None:
        return False
    if record["speaker"]["name"].casefold() != parent["speaker"]["name"].casefold():
        return False
    return not claim_in_description(doc, record, lexicon)


def claim_in_description(doc: Doc, record: dict[str, Any], lexicon: CueLexicon) -> bool:
    """A cue in a relative clause ("attacked the donors, which he said were …") or a
    participle after a preposition ("responded by saying his refusal was …") makes a claim
    of its own, which the outer content only mentions. Not a naming verb ("condemned what he
    called a breach"): the name is the outer claim's."""
    cue = doc.char_span(record["cue"]["start"], record["cue"]["end"], alignment_mode="expand")
    if cue is None or verb_lemma(cue.root) in lexicon.naming_verbs:
        return False
    root = cue.root
    if root.dep_ == "relcl":
        return any(child.dep_ in SUBJECT_DEPS for child in root.children)
    return root.tag_ == "VBG" and root.dep_ == "pcomp"
