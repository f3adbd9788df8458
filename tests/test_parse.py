from __future__ import annotations

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from pipeline.parse import ModelNotFound, ParseBin, ParseCache, load_model, model_id, parse_texts
from pipeline.read import text_sha256

TEXT = "Matthew Miller told reporters in Washington on Tuesday that it was over."


def test_model_id_names_model_and_version(nlp):
    assert model_id(nlp) == f"en_{nlp.meta['name']}-{nlp.meta['version']}"


def test_unknown_model_is_reported():
    with pytest.raises(ModelNotFound, match="no_such_model"):
        load_model("no_such_model")


def test_cached_parse_equals_fresh_parse(nlp, tmp_path):
    cache = ParseCache(tmp_path, nlp)
    sha = text_sha256(TEXT)
    [fresh] = parse_texts(nlp, [(sha, TEXT)], cache)
    assert cache.path(sha).exists()
    cached = cache.get(sha)
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in cached] == [
        (t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in fresh
    ]
    assert [s.text for s in cached.sents] == [s.text for s in fresh.sents]


def annotations(doc):
    fields = ("text", "whitespace_", "tag_", "pos_", "dep_", "lemma_", "norm_", "ent_type_")
    return [
        (*(getattr(t, field) for field in fields), t.head.i, str(t.morph), t.is_sent_start)
        for t in doc
    ]


def test_parse_bin_keeps_the_strings_a_doc_bin_keeps(nlp):
    doc = nlp(TEXT + "\n\nShe said: “It’s done.”")
    assert ParseBin(docs=[doc]).strings - {"_"} == DocBin(docs=[doc]).strings


def test_parse_bin_reads_back_without_the_model(nlp):
    doc = nlp(TEXT + " The Paris-based group’s U.N. envoy, Dr. Ana Roe, disagreed.")
    data = ParseBin(store_user_data=False, docs=[doc]).to_bytes()
    [read] = DocBin().from_bytes(data).get_docs(Vocab())
    assert annotations(read) == annotations(doc)
    assert [(e.text, e.label_) for e in read.ents] == [(e.text, e.label_) for e in doc.ents]


def test_the_cache_writes_a_parse_bin(nlp, tmp_path):
    doc = nlp(TEXT)
    cache = ParseCache(tmp_path, nlp)
    cache.put("ab12", doc)
    expected = ParseBin(store_user_data=False, docs=[doc]).to_bytes()
    assert cache.path("ab12").read_bytes() == expected


def test_cached_texts_are_not_parsed_again(nlp, tmp_path, monkeypatch):
    cache = ParseCache(tmp_path, nlp)
    pairs = [(text_sha256(t), t) for t in ("One text.", "Another text.")]
    list(parse_texts(nlp, pairs[:1], cache))
    seen: list[str] = []
    real_pipe = nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    docs = list(parse_texts(nlp, pairs, cache))
    assert seen == ["Another text."]
    assert [d.text for d in docs] == ["One text.", "Another text."]


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp(
        "Quill Says Ferry Will Stay Shut\nThe governor said she was not invited to the launch"
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Quill Says Ferry Will Stay Shut",
        "The governor said she was not invited to the launch",
    ]
    paragraphs = nlp(
        "“It is over,” said Jo Roe of Tarnow.\n\nDemocrats noted that the vote was close."
    )
    assert [s.text.strip() for s in paragraphs.sents][
        -1
    ] == "Democrats noted that the vote was close."


@pytest.mark.parametrize(
    "text",
    [
        "Records show the judge told the jury she believed the 13th Amendment deserved a vote.",
        "“Are you coming?” she asked, but he was already gone.",
    ],
    ids=["after a word", "before a lower-case word"],
)
def test_the_model_breaks_no_sentence_here(nlp, text):
    """The model alone breaks each of these sentences in two."""
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        (
            "Word that only two guards had taken part in what critics called “abuse” "
            "prompted Sens. Lena Marsh and Ada Vale to question him.",
            "Sens.",
        ),
        ("Reporters asked Sgt. Ben Okafor whether the road was open.", "Sgt."),
    ],
)
def test_a_title_abbreviation_is_one_token_and_ends_no_sentence(nlp, text, abbreviation):
    """The tokenizer alone splits these from their period, and the model then breaks the
    sentence after it."""
    doc = nlp(text)
    assert abbreviation in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_a_cache_file_cut_short_is_parsed_again(nlp, tmp_path):
    cache = ParseCache(tmp_path, nlp)
    sha = text_sha256(TEXT)
    list(parse_texts(nlp, [(sha, TEXT)], cache))
    cache.path(sha).write_bytes(cache.path(sha).read_bytes()[:40])
    assert cache.get(sha) is None
    [doc] = parse_texts(nlp, [(sha, TEXT)], cache)
    assert doc.text == TEXT and cache.get(sha) is not None


def test_a_curly_apostrophe_is_read_as_a_straight_one(nlp):
    curly = nlp("It welcomed the administration’s plans to increase funding.")
    straight = nlp("It welcomed the administration's plans to increase funding.")
    assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [
        (t.tag_, t.dep_, t.head.i) for t in straight
    ]
    assert curly[5].tag_ == "NNS"  # "plans", read as a verb with the curly mark
    assert curly.text == "It welcomed the administration’s plans to increase funding."
    word = nlp.vocab["O’Brien"]  # a word the model meets for the first time
    assert (word.shape_, word.prefix_, word.norm_) == ("X'Xxxxx", "O", "o'brien")
    assert nlp.vocab["’"].shape_ == "’"  # a closing quotation mark stays one


def test_a_horizontal_bar_is_read_as_a_dash(nlp):
    bar = nlp("The film ― which weaves together the voices of historians ― explains the past.")
    dash = nlp("The film — which weaves together the voices of historians — explains the past.")
    assert [(t.tag_, t.dep_, t.head.i) for t in bar] == [(t.tag_, t.dep_, t.head.i) for t in dash]
    assert bar[2].pos_ == "PUNCT" and bar[1].dep_ == "nsubj" and bar[1].head.text == "explains"
    assert nlp.vocab["―"].norm_ == "-"


def test_other_spaces_are_read_as_plain_ones(nlp):
    text = "The film ―\u00a0which\u00a0weaves together the voices of historians ―\u2009explains it."
    doc = nlp(text)
    assert not any(token.is_space for token in doc)
    assert [t.idx for t in doc] == [
        t.idx for t in nlp(text.replace("\u00a0", " ").replace("\u2009", " "))
    ]
    assert doc[1].head.text == "explains"  # not the subject of a no-break space


def test_a_lower_case_word_is_no_proper_noun(nlp):
    doc = nlp(
        "Miriam Castellano said the county health department first learned of it. The NHEB, "
        "which advises the education ministry on school buildings, praised Charles de Gaulle."
    )
    tags = {t.text: (t.tag_, t.pos_) for t in doc}
    assert tags["department"] == tags["ministry"] == ("NN", "NOUN")  # NNP from the tagger
    assert tags["health"] == ("NN", "NOUN")
    assert tags["de"] != ("NN", "NOUN")  # a particle of a name
    assert tags["Castellano"] == ("NNP", "PROPN")
