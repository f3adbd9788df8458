from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.fast_components import IndexedAttributeRuler
from pipeline.model_meta import find_model

#: Patterns of every kind the index reads, and some it leaves to spaCy's Matcher.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "'s"}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"lower": "gon"}, {"lower": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN"}, {"TAG": "NN", "OP": "+"}]], "attrs": {"LEMMA": "x"}},
    {"patterns": [[{"POS": "NOUN"}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"TAG": "NN"}], [{"LOWER": "y'"}]], "attrs": {"LEMMA": "two"}, "index": -1},
]
WORDS = ["Y'", "all", "gon", "na", "say", "nothin'", "\n", "that", "'s", "a", "chair", "table"]
TAGS = ["PRP", "DT", "VBG", "TO", "VBD", "NN", "_SP", "DT", "VBZ", "DT", "NN", "NN"]
DEPS = ["nsubj", "det", "aux", "aux", "ROOT", "dobj", "dep", "nsubj", "ccomp", "det", "nn", "attr"]
HEADS = [4, 0, 4, 4, 4, 4, 5, 8, 4, 11, 11, 8]


def rulers(vocab: Vocab) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    stock, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    for ruler in (stock, indexed):
        ruler.add_patterns(PATTERNS)
    return stock, indexed


def tagged(vocab: Vocab) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_index_finds_the_matches_of_spacys_attribute_ruler():
    vocab = spacy.blank("en").vocab
    stock, indexed = rulers(vocab)
    doc = tagged(vocab)
    assert indexed.match(doc) == stock.match(doc)
    assert len(indexed.match(doc)) == 15
    assert indexed.match(Doc(vocab, words=[])) == []


def test_the_indexed_ruler_sets_the_same_attributes():
    vocab = spacy.blank("en").vocab
    stock, indexed = rulers(vocab)
    by_stock, by_indexed = stock(tagged(vocab)), indexed(tagged(vocab))
    assert annotations(by_indexed) == annotations(by_stock)
    # the later of two patterns wins: "y'" as the last token of a match of its own
    assert [by_indexed[i].lemma_ for i in (0, 3)] == ["two", "to"]
    assert by_indexed[4].pos_ == "VERB"


def test_patterns_added_later_are_matched_too():
    vocab = spacy.blank("en").vocab
    indexed = IndexedAttributeRuler(vocab)
    indexed.add_patterns(PATTERNS[:1])
    assert len(indexed.match(tagged(vocab))) == 3
    indexed.add([[{"LOWER": "chair"}]], {"LEMMA": "seat"})
    assert len(indexed.match(tagged(vocab))) == 4
    indexed.clear()
    assert indexed.match(tagged(vocab)) == []


def test_the_loaded_model_annotates_as_the_model_as_spacy_loads_it(nlp):
    text = "Y'all gon na see: it's nothin' the officials said they had been told in 2023."
    stock = spacy.load(find_model(None).name)
    assert type(nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert annotations(nlp(text)) == annotations(stock(text))
