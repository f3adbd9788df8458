"""The review page: one self-contained HTML file of an output folder.

For each article, its text with the quote contents, speaker mentions, cues, quantities and
dates highlighted (the tooltip of each gives the resolved name, the value and bounds, …); above
the articles, the corpus speaker table and a claims table that puts every quantity said in a
quote side by side. The page is rendered by Jinja2 with autoescaping: article text is never
markup. It loads nothing: the styles are inline and there is no script.

The article texts are not in the output files, so they are read back from the source named in
documents.jsonl, or else from the parse cache in `DIR/.whosaid`, and used only when their
sha256 is the one recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from . import __version__
from .highlight import Fragment, Mark, merge_same_spans, nest
from .read import decode_text, text_sha256
from .runner import STATE_DIR
from .speaker_table import speaker_table
from .write import atomic_write_bytes, read_jsonl

Record = dict[str, Any]
#: The files the page is made of; a missing one counts as empty (e.g. after `--stage` runs).
INPUT_FILES = ("documents", "errors", "entities", "quantities", "dates", "quotes", "speakers")
#: The files with records of one article.
ARTICLE_FILES = ("errors", "quantities", "dates", "quotes")
LEGEND = {
    "quote": "what was said (quote content)",
    "speaker": "speaker mention (hover: resolved name)",
    "cue": "cue (said, told, according to …)",
    "quantity": "quantity (hover: value and bounds)",
    "date": "date (hover: TIMEX3 value)",
}


class ReportError(Exception):
    """DIR is not an output folder of `whosaid extract`: a usage error."""


@dataclass
class ArticleView:
    document: Record
    text: str | None
    nodes: list[Fragment | str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)
    errors: list[Record] = field(default_factory=list)


@dataclass
class Claim:
    """A row of the claims table: one quantity inside a quote."""

    quantity: Record
    speaker: str | None
    when: str | None
    published: bool  # `when` is the publication date, not the date of the statement
    context: tuple[str, str, str]  # the quote content before, at and after the quantity


def write_report(out_dir: Path, html_path: Path) -> int:
    """Render the page of `out_dir` into `html_path`; returns the number of articles."""
    records = load_outputs(out_dir)
    by_article = group_by_article(records)
    articles = [
        article_view(out_dir, doc, by_article.get(doc["doc_id"], {}))
        for doc in records["documents"]
    ]
    html = render(
        articles=articles,
        speakers=sorted(records["speakers"], key=lambda s: (-s["statements"], s["name"])),
        claims=claims(records),
        legend=LEGEND,
        out_dir=str(out_dir),
        version=__version__,
    )
    atomic_write_bytes(html_path, html.encode("utf-8"))
    return len(articles)


def load_outputs(out_dir: Path) -> dict[str, list[Record]]:
    if not (out_dir / "documents.jsonl").is_file():
        raise ReportError(f"{out_dir} has no documents.jsonl: run `whosaid extract` into it first")
    records = {}
    for name in INPUT_FILES:
        path = out_dir / f"{name}.jsonl"
        records[name] = read_jsonl(path) if path.is_file() else []
    if not records["speakers"]:
        records["speakers"] = speaker_table(records["quotes"], records["entities"])
    return records


def group_by_article(records: dict[str, list[Record]]) -> dict[str, dict[str, list[Record]]]:
    grouped: dict[str, dict[str, list[Record]]] = {}
    for name in ARTICLE_FILES:
        for record in records[name]:
            article = grouped.setdefault(record["doc_id"], {n: [] for n in ARTICLE_FILES})
            article[name].append(record)
    return grouped


def render(**context: Any) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["amount"] = amount
    env.tests["web_url"] = web_url
    return env.get_template("report.html").render(**context)


# --- article texts


def article_text(out_dir: Path, document: Record) -> str | None:
    """The article's text as extracted: from its source, else from the parse cache."""
    text = text_from_source(document["source"])
    if text is None or text_sha256(text) != document["sha256"]:
        text = text_from_cache(out_dir, document)
    return text if text is not None and text_sha256(text) == document["sha256"] else None


def text_from_source(source: str) -> str | None:
    """The text of a `.txt` source, or of line N of a `file.jsonl:N` source."""
    path, _, line = source.rpartition(":")
    try:
        if line.isdigit() and path.endswith(".jsonl"):
            return jsonl_line_text(Path(path), int(line))
        text = decode_text(Path(source).read_bytes())
    except (OSError, ValueError):
        return None
    return text if isinstance(text, str) else None


def jsonl_line_text(path: Path, line_no: int) -> str | None:
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == line_no:
                record = json.loads(raw)
                text = record.get("text") if isinstance(record, dict) else None
                return text if isinstance(text, str) else None
    return None


def text_from_cache(out_dir: Path, document: Record) -> str | None:
    """The text of a cached parse; its strings travel with the DocBin, so no model is needed.
    spaCy is imported here, not with the module: `extract` must not pay for it on a re-run."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    sha = document["sha256"]
    for path in sorted((out_dir / STATE_DIR / "parse" / sha[:2]).glob(f"{sha}.*.spacy")):
        for doc in DocBin().from_bytes(path.read_bytes()).get_docs(Vocab()):
            return doc.text
    return None


# --- highlighted articles


def article_view(out_dir: Path, document: Record, records: dict[str, list[Record]]) -> ArticleView:
    """One article's page section; `records` are its records by file name."""
    records = {name: records.get(name, []) for name in ARTICLE_FILES}
    view = ArticleView(document, article_text(out_dir, document), errors=records["errors"])
    view.counts = {name: len(records[name]) for name in ("quotes", "quantities", "dates")}
    if view.text is None:
        return view
    marks = []
    for mark, expected in article_marks(document["doc_id"], records):
        if view.text[mark.start : mark.end] == expected:
            marks.append(mark)
        else:
            view.mismatches.append(f"{mark.kind} {' '.join(mark.refs)} at {mark.start}")
    view.nodes = nest(view.text, merge_same_spans(marks))
    return view


def article_marks(doc_id: str, records: dict[str, list[Record]]) -> Iterator[tuple[Mark, str]]:
    """Every highlight of one article, with the text its record says is at its offsets."""
    for quote in records["quotes"]:
        yield from quote_marks(quote)
    for quantity in records["quantities"]:
        mark = span_mark("quantity", quantity, quantity["quantity_id"], quantity_title(quantity))
        yield replace(mark, anchor=f"{doc_id}-{quantity['quantity_id']}"), quantity["text"]
    for date in records["dates"]:
        yield span_mark("date", date, date["date_id"], date_title(date)), date["text"]


def quote_marks(quote: Record) -> Iterator[tuple[Mark, str]]:
    """The quote's content (or each of its parts), speaker mention and cue."""
    quote_id, content, speaker, cue = (quote[k] for k in ("quote_id", "content", "speaker", "cue"))
    title = quote_title(quote)
    for part in content["parts"] or [content]:
        yield span_mark("quote", part, quote_id, title), part["text"]
    if speaker:
        yield span_mark("speaker", speaker, quote_id, speaker_title(speaker)), speaker["text"]
    if cue:
        yield span_mark("cue", cue, quote_id, f"cue “{cue['text']}” ({cue['lemma']})"), cue["text"]


def span_mark(kind: str, span: Record, ref: str, title: str) -> Mark:
    return Mark(kind, span["start"], span["end"], (ref,), title)


def quote_title(quote: Record) -> str:
    speaker = quote["speaker"]["name"] if quote["speaker"] else "no speaker"
    when = f", {quote['speech_date']}" if quote["speech_date"] else ""
    negated = ", negated" if quote.get("negated") else ""
    return f"{quote['quote_id']} {quote['kind']}{negated}: {speaker}{when}"


def speaker_title(speaker: Record) -> str:
    label = f"{speaker['label']}, " if speaker["label"] else ""
    return f"{speaker['text']} → {speaker['name']} ({label}{speaker['resolved_by']})"


def quantity_title(quantity: Record) -> str:
    parts = [f"{quantity['quantity_id']}: {amount(quantity)}"]
    if quantity["unit"]:
        parts.append(f"unit {quantity['unit']}")
    if quantity["quantified"]:
        parts.append(f"counts {quantity['quantified']}")
    flags = [flag for flag in ("approximate", "vague") if quantity[flag]]
    if quantity["modifier"]:
        flags.append(f"modifier “{quantity['modifier']}”")
    return " · ".join(parts + flags)


def date_title(date: Record) -> str:
    value = date["value"] or "unresolved"
    mod = f" ({date['mod']})" if date["mod"] else ""
    anchor = f" · anchor {date['anchor']}" if date["anchor"] else ""
    return f"{date['date_id']}: {date['type']} {value}{mod}{anchor}"


def web_url(url: str | None) -> bool:
    """Whether a link may be made of the url: only http(s), never `javascript:` and the like."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def format_number(value: float) -> str:
    """3000.0 → "3,000"; 2.5 → "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def amount(quantity: Record) -> str:
    """The value, else the bounds: "3,000", "12–120", "≥ 10", "≤ 5"; "?" when none is known."""
    low, high = quantity["low"], quantity["high"]
    if quantity["value"] is not None and low is None and high is None:
        return format_number(quantity["value"])
    if low is not None and high is not None:
        return f"{format_number(low)}–{format_number(high)}"
    if low is not None:
        return f"≥ {format_number(low)}"
    if high is not None:
        return f"≤ {format_number(high)}"
    return "?"


# --- the claims table


def claims(records: dict[str, list[Record]]) -> list[Claim]:
    """Each quantity inside a quote, with who said it and when, in the order it was said."""
    quotes = {(q["doc_id"], q["quote_id"]): q for q in records["quotes"]}
    published = {d["doc_id"]: d["published"] for d in records["documents"]}
    rows = []
    for quantity in records["quantities"]:
        quote = quotes.get((quantity["doc_id"], quantity["quote_id"]))
        if quote is None:
            continue
        when = quote["speech_date"] or published.get(quantity["doc_id"])
        rows.append(
            Claim(
                quantity=quantity,
                speaker=speaker_of(quote, quotes),
                when=when,
                published=not quote["speech_date"],
                context=context(quote["content"], quantity),
            )
        )
    return sorted(rows, key=lambda c: (c.when or "~", c.quantity["doc_id"], c.quantity["start"]))


def speaker_of(quote: Record | None, quotes: dict[tuple[str, str], Record]) -> str | None:
    """The quote's speaker, else that of the attribution it is nested in ("reportedly …")."""
    seen = set()
    while quote is not None and quote["quote_id"] not in seen:
        if quote["speaker"]:
            return quote["speaker"]["name"]
        seen.add(quote["quote_id"])
        quote = quotes.get((quote["doc_id"], quote["parent_id"]))
    return None


def context(content: Record, quantity: Record, width: int = 70) -> tuple[str, str, str]:
    """The words of the quote around the quantity, at most `width` characters each side."""
    text, offset = content["text"], content["start"]
    start, end = quantity["start"] - offset, quantity["end"] - offset
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start > width:
        before = "…" + before.split(" ", 1)[-1]
    if len(text) - end > width:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after
