"""Titles and roles the article gives a named entity, read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})

#: Words after a title's head: "spokesman for the agency", "head of the union".
TITLE_PREPOSITIONS = frozenset({"for", "of", "at", "to", "in", "with", "on"})


def find_titles(span: Span, honorifics: frozenset[str], modifiers: frozenset[str]) -> list[str]:
    """Roles from a premodifier ("spokesman Matthew Miller") and an apposition ("Kirby, the
    top White House official"). A leading honorific ("Dr.") or time word ("former") is cut."""
    found = [premodifier_title(span), apposition_title(span)]
    titles = [strip_leading(title, honorifics | modifiers) for title in found if title]
    return [title for title in titles if title]


def strip_leading(title: Span, words: frozenset[str]) -> str | None:
    start = title.start
    while start < title.end and (title.doc[start].lower_ in words or title.doc[start].text == "-"):
        start += 1
    rest = title.doc[start : title.end]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in rest):
        return None
    return rest.text


def premodifier_title(span: Span) -> Span | None:
    """The words directly before the name that attach to it (or to each other) rightwards,
    without determiners or possessives: "outgoing President Joe Biden" → "outgoing President"."""
    doc = span.doc
    start = span.start
    while start > 0:
        token = doc[start - 1]
        attaches_right = start <= token.head.i < span.end
        if not attaches_right or not (token.dep_ in PREMODIFIER_DEPS or is_inner_hyphen(token)):
            break
        start -= 1
    return doc[start : span.start] if start < span.start else None


def is_inner_hyphen(token: Token) -> bool:
    """The hyphen of "military-focused": no space on either side."""
    return token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_


def apposition_title(span: Span) -> Span | None:
    """ "Kirby, the top White House official" and "its dictator, Kim Jong-un" → the role."""
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_:
        return role_phrase(root.head, before=span.start)
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= span.end:
            return role_phrase(child, before=None)
    return None


def role_phrase(head: Token, *, before: int | None) -> Span | None:
    """The role noun with its modifiers and "of"/"for"/"in" phrases ("captain of the side",
    "WHO’s emergency coordinator for East Africa"), without determiners, possessive pronouns
    or clauses (also one the parse hangs on a noun of the phrases: "retired postal worker from
    the suburb of Orren, who has been …"), and ending before `before` (the name itself) when
    given."""
    left = head.left_edge.i
    while left < head.i and (
        head.doc[left].dep_ in {"det", "punct", "case"}
        or (head.doc[left].dep_ == "poss" and head.doc[left].pos_ == "PRON")
    ):
        left += 1
    right = head.i
    for child in head.rights:  # "of …", "for …"; a clause or apposition ends the role
        if child.dep_ != "prep":
            break
        right = child.right_edge.i
    right = end_before_clause(head, right)
    if before is not None:
        right = min(right, before - 1)
    while right > head.i and head.doc[right].is_punct:
        right -= 1
    return head.doc[left : right + 1] if left <= right else None


def end_before_clause(head: Token, right: int) -> int:
    """The role's last token: `right`, or the one before the first relative clause after the
    head."""
    for token in head.doc[head.i + 1 : right + 1]:
        if token.dep_ == "relcl":
            return max(token.left_edge.i - 1, head.i)
    return right


def title_head(title: str) -> str:
    """A title's head word: its last word before a preposition ("spokesman for the National
    Roads Agency" is a spokesman, "general secretary of the union" a secretary)."""
    words = title.split()
    before = next((n for n, word in enumerate(words) if word.lower() in TITLE_PREPOSITIONS), None)
    head = words[:before]
    return head[-1] if head else ""
