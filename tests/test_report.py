"""The review page: hand-made output folders (overlapping spans, astral characters, markup in
the text), then the real pipeline's output, checked in headless Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.read import text_sha256
from pipeline.report import amount, claims, load_outputs
from pipeline.runner import STATE_DIR
from pipeline.write import write_jsonl
from tests.conftest import CORPUS_MULTI, read_out, write_article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed: the browser tests need Debian's `chromium` "
    "(apt-get install chromium; .ci/run installs it)",
)

TEXT = (
    "Port strike 🚢 <b>&amp;</b>\n"
    "“We expect about 300 𝐰orkers to join on Monday,” Elena Varga said on Tuesday.\n"
    "A city official reportedly told reporters that several hundred had left.\n"
)


def at(phrase: str, nth: int = 0) -> dict[str, Any]:
    """The span of the nth occurrence of `phrase` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return {"text": phrase, "start": start, "end": start + len(phrase)}


def quantity(qid: str, phrase: str, quote_id: str | None, **values: Any) -> dict[str, Any]:
    fields = {"value": None, "low": None, "high": None, "unit": None, "quantified": None}
    flags = {"approximate": False, "vague": False, "modifier": None}
    return {"doc_id": "d1", "quantity_id": qid, "quote_id": quote_id, **at(phrase)} | (
        fields | flags | values
    )


def quote(qid: str, content: str, speaker: str | None, name: str | None, cue: str | None, **kw):
    record = {
        "doc_id": "d1",
        "quote_id": qid,
        "kind": "indirect",
        "content": at(content) | {"parts": None},
        "speaker": None,
        "cue": at(cue) | {"lemma": cue} if cue else None,
        "speech_date": None,
        "negated": False,
        "parent_id": None,
        "quantities": [],
        "dates": [],
    }
    if speaker:
        record["speaker"] = at(speaker) | {
            "name": name,
            "label": None,
            "entity_id": None,
            "resolved_by": "coreference",
        }
    return record | kw


def hand_made_output(folder: Path, text: str = TEXT) -> Path:
    """An output folder for one article `d1` whose text is in `folder/articles/d1.txt`."""
    source = folder / "articles" / "d1.txt"
    source.parent.mkdir(parents=True)
    source.write_text(text, encoding="utf-8")
    out = folder / "out"
    document = {
        "doc_id": "d1",
        "source": str(source),
        "sha256": text_sha256(text),
        "published": "2025-03-04",
        "title": "Port <strike>",
        "url": "javascript:alert(1)",
        "status": "ok",
    }
    direct = quote(
        "Q1", "We expect about 300 𝐰orkers to join on Monday,", "Elena Varga", None, "said"
    )
    direct["speaker"] |= {"name": "Elena Varga", "label": "PERSON", "resolved_by": "self"}
    direct |= {"kind": "direct", "speech_date": "2025-03-04"}
    outer = quote(
        "Q2",
        "A city official reportedly told reporters that several hundred had left.",
        None,
        None,
        "reportedly",
    )
    inner = quote(
        "Q3",
        "that several hundred had left",
        "A city official",
        "city official",
        "told",
        parent_id="Q2",
    )
    # crossing spans: the outer quote's content ends inside this date-like span
    date = {"doc_id": "d1", "date_id": "D1", **at("Monday"), "type": "DATE"}
    date |= {"value": "2025-03-03", "mod": None, "anchor": "2025-03-04"}
    crossing = {"doc_id": "d1", "date_id": "D2", **at("left.\n"), "type": "DATE"}
    crossing |= {"value": None, "mod": None, "anchor": None}
    write_jsonl(out / "documents.jsonl", [document])
    write_jsonl(out / "quotes.jsonl", [direct, outer, inner])
    write_jsonl(
        out / "quantities.jsonl",
        [
            quantity("N1", "about 300", "Q1", value=300.0, approximate=True, modifier="about"),
            quantity("N2", "several hundred", "Q3", low=200.0, high=900.0, vague=True),
        ],
    )
    write_jsonl(out / "dates.jsonl", [date, crossing])
    return out


def test_article_text_and_titles_are_escaped_and_nothing_is_loaded(tmp_path, run_cli):
    out = hand_made_output(tmp_path)
    page = tmp_path / "page.html"

    code, err = run_cli("report", out, "--html", page)

    assert code == 0, err
    markup = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in markup
    assert "Port &lt;strike&gt;" in markup and "<strike>" not in markup
    assert "javascript:" not in markup
    for loads_something in ("<script", "<link", " src=", "url(", "@import", "http"):
        assert loads_something not in markup


def test_claims_name_the_speaker_of_an_enclosing_attribution_and_the_date(tmp_path):
    out = hand_made_output(tmp_path)
    rows = claims(load_outputs(out))

    assert [(c.quantity["text"], c.speaker, c.when, c.published) for c in rows] == [
        ("about 300", "Elena Varga", "2025-03-04", False),
        ("several hundred", "city official", "2025-03-04", True),
    ]
    assert rows[1].context == ("that ", "several hundred", " had left")


def test_a_speaker_less_quote_takes_its_parents_speaker(tmp_path):
    out = hand_made_output(tmp_path)
    records = load_outputs(out)
    for record in records["quotes"]:
        if record["quote_id"] == "Q3":
            record["speaker"], record["parent_id"] = None, "Q1"
    assert [c.speaker for c in claims(records)] == ["Elena Varga", "Elena Varga"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"value": 3000.0, "low": None, "high": None}, "3,000"),
        ({"value": 2.5, "low": None, "high": None}, "2.5"),
        ({"value": None, "low": 12.0, "high": 120.0}, "12–120"),
        ({"value": 10.0, "low": 10.0, "high": None}, "≥ 10"),
        ({"value": 5.0, "low": None, "high": 5.0}, "≤ 5"),
        ({"value": None, "low": None, "high": None}, "?"),
    ],
)
def test_amount_gives_the_value_or_the_bounds(values, expected):
    assert amount(values) == expected


def shown_texts(page: Path) -> list[str]:
    """The article texts as the page shows them, without the highlight markup."""
    markup = page.read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="text"[^>]*>(.*?)</div>', markup, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", box)) for box in boxes]


@pytest.mark.slow
def test_the_text_comes_from_the_parse_cache_when_the_source_has_changed(tmp_path, run_cli):
    folder, out, page = tmp_path / "articles", tmp_path / "out", tmp_path / "page.html"
    text = "Elena Varga said the port would reopen."
    write_article(folder, "a", text)
    assert run_cli("extract", folder, "--out", out, "--no-progress")[0] == 0
    write_article(folder, "a", "Another text altogether.")

    assert run_cli("report", out, "--html", page)[0] == 0
    assert shown_texts(page) == [text]

    shutil.rmtree(out / STATE_DIR)
    assert run_cli("report", out, "--html", page)[0] == 0
    assert shown_texts(page) == []
    assert "The text is not available" in page.read_text(encoding="utf-8")


def test_the_text_of_a_jsonl_source_is_its_line(tmp_path, run_cli):
    out = hand_made_output(tmp_path)
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "x", "text": "other"}) + "\n" + json.dumps({"text": TEXT}))
    documents = read_out(out, "documents.jsonl")
    write_jsonl(out / "documents.jsonl", [documents[0] | {"source": f"{lines}:2"}])
    (tmp_path / "articles" / "d1.txt").unlink()

    assert run_cli("report", out, "--html", tmp_path / "page.html")[0] == 0
    assert shown_texts(tmp_path / "page.html") == [TEXT]


def test_a_folder_without_documents_is_a_usage_error(tmp_path, run_cli):
    code, err = run_cli("report", tmp_path, "--html", tmp_path / "page.html")
    assert code == 2
    assert "no documents.jsonl" in err
    assert not (tmp_path / "page.html").exists()


# --- in the browser

CHECK_SCRIPT = """
<script id="expected-sources" type="application/json">%s</script>
<script>
(function () {
  const sources = JSON.parse(document.getElementById("expected-sources").textContent);
  // Record offsets count code points; JS strings count UTF-16 units.
  const cut = (text, start, end) => Array.from(text).slice(start, end).join("");
  const problems = [], marks = {};
  let elements = 0;
  for (const box of document.querySelectorAll(".text[data-doc]")) {
    const doc = box.dataset.doc, source = sources[doc];
    if (box.textContent !== source) problems.push(doc + ": the page text is not the article");
    for (const el of box.querySelectorAll(".hl")) {
      elements++;
      const d = el.dataset;
      if (el.textContent !== cut(source, +d.from, +d.to))
        problems.push(doc + " " + d.kind + " " + d.refs + ": " + JSON.stringify(el.textContent));
      const key = [doc, d.kind, d.start, d.end].join(" ");
      const inside = [];
      for (let p = el.parentElement; p !== box; p = p.parentElement) inside.push(p.dataset.kind);
      marks[key] = marks[key] || {doc: doc, kind: d.kind, start: +d.start, end: +d.end,
                                  title: el.title, refs: d.refs, inside: inside,
                                  text: "", to: +d.start};
      const mark = marks[key];
      if (+d.from !== mark.to) problems.push(key + ": fragments are not contiguous");
      mark.text += el.textContent;
      mark.to = +d.to;
    }
  }
  for (const mark of Object.values(marks)) {
    if (mark.to !== mark.end || mark.text !== cut(sources[mark.doc], mark.start, mark.end))
      problems.push(mark.doc + " " + mark.kind + " " + mark.start + ": wrong text " + mark.text);
  }
  const verdict = document.createElement("pre");
  verdict.id = "verdict";
  verdict.textContent = JSON.stringify({elements: elements, problems: problems,
                                        marks: Object.values(marks)});
  document.body.appendChild(verdict);
})();
</script>
"""


def chromium(profile: Path, *args: str) -> str:
    command = [CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run"]
    command += ["--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def check_in_browser(page: Path, sources: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    """Load the page with the check script added, in headless Chromium; the script's verdict."""
    data = json.dumps(sources, ensure_ascii=False).replace("<", "\\u003c")
    checked = tmp_path / "checked.html"
    markup = page.read_text(encoding="utf-8")
    checked.write_text(markup.replace("</body>", CHECK_SCRIPT % data + "</body>"), "utf-8")
    dom = chromium(tmp_path / "profile", "--dump-dom", checked.as_uri())
    found = re.search(r'<pre id="verdict">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"the check script did not run: {dom[-500:]}"
    return json.loads(html.unescape(found.group(1)))


def screenshot(page: Path, png: Path, tmp_path: Path, size: str = "1280,1800") -> None:
    chromium(tmp_path / "profile", f"--screenshot={png}", f"--window-size={size}", page.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def expected_marks(out: Path) -> set[tuple[str, str, int, int]]:
    """(doc_id, kind, start, end) of every span the records of `out` should highlight."""
    expected = set()
    for record in read_out(out, "quotes.jsonl"):
        doc, content = record["doc_id"], record["content"]
        for part in content["parts"] or [content]:
            expected.add((doc, "quote", part["start"], part["end"]))
        for kind in ("speaker", "cue"):
            if record[kind]:
                expected.add((doc, kind, record[kind]["start"], record[kind]["end"]))
    for kind, name in (("quantity", "quantities.jsonl"), ("date", "dates.jsonl")):
        expected |= {(r["doc_id"], kind, r["start"], r["end"]) for r in read_out(out, name)}
    return expected


@pytest.mark.slow
@needs_chromium
def test_overlapping_highlights_in_the_browser(tmp_path, run_cli):
    out = hand_made_output(tmp_path)
    page = tmp_path / "page.html"
    assert run_cli("report", out, "--html", page)[0] == 0

    verdict = check_in_browser(page, {"d1": TEXT}, tmp_path)

    assert verdict["problems"] == []
    marks = {(m["kind"], m["start"], m["end"]): m for m in verdict["marks"]}
    assert {("d1", *key) for key in marks} == expected_marks(out)
    assert verdict["elements"] > len(marks)  # the crossing date was cut in two
    n1 = marks[("quantity", at("about 300")["start"], at("about 300")["end"])]
    assert n1["inside"] == ["quote"]
    assert "300" in n1["title"] and "approximate" in n1["title"]
    n2 = marks[("quantity", at("several hundred")["start"], at("several hundred")["end"])]
    assert set(n2["inside"]) == {"quote"} and len(n2["inside"]) == 2  # Q3 inside Q2
    assert "200–900" in n2["title"]
    speaker = marks[("speaker", at("A city official")["start"], at("A city official")["end"])]
    assert "city official" in speaker["title"].split("→")[1]
    monday = marks[("date", at("Monday")["start"], at("Monday")["end"])]
    assert "2025-03-03" in monday["title"]


@pytest.mark.slow
@needs_chromium
def test_the_page_of_a_real_run_in_the_browser(tmp_path, run_cli, multi_out):
    page = tmp_path / "report.html"
    assert run_cli("report", multi_out, "--html", page)[0] == 0
    sources = {path.stem: path.read_text(encoding="utf-8") for path in CORPUS_MULTI.glob("*.txt")}

    verdict = check_in_browser(page, sources, tmp_path)

    assert verdict["problems"] == []
    found = {(m["doc"], m["kind"], m["start"], m["end"]) for m in verdict["marks"]}
    assert found == expected_marks(multi_out)
    for mark in verdict["marks"]:
        if mark["kind"] == "speaker":
            quote = next(
                q
                for q in read_out(multi_out, "quotes.jsonl")
                if q["doc_id"] == mark["doc"] and q["quote_id"] in mark["refs"].split()
            )
            assert quote["speaker"]["name"] in mark["title"]
    screenshot(page, tmp_path / "report.png", tmp_path)
    print(f"screenshot: {tmp_path / 'report.png'}")
