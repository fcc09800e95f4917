"""Output bytes -> words, compared with a Document's words: "nothing lost, nothing altered".

``model_words`` lists the words a writer must carry, in reading order;
``extract_words`` pulls the words back out of an HTML, DOCX, PDF or EPUB
output; ``check_fidelity`` fails with a readable diff when a model word is
missing, reordered or altered, or when the output carries a word the model
cannot account for.  The module is importable from ``tests/`` and ``bench/``.

The rule, precisely:

* A *word* is a maximal run of non-whitespace after NFC normalisation
  (``str.split``).  Punctuation glued to a word stays part of it, so a
  dropped comma or a straightened quote mark is an altered word.
* The *body sequence* is the headline, the subtitle, then every section
  (body sections first, then boilerplate, as every writer sets them apart
  after the body): its heading, then each block's words.  It must appear in
  the output's word sequence *as a subsequence*: in order, each word intact.
* The *furniture phrases* (publisher or letterhead, release notice, byline,
  each contact block, the end mark) must each appear somewhere as a
  contiguous run of words: none is exempt, every word of them is shown; writers
  place them where a reader expects them, so their position is not fixed.
* Every output word that the subsequence match skipped is an *extra*.
  Extras are allowed only when they are (a) words of the document's own
  furniture (headline/title, subtitle, headings, speakers and attribution,
  byline, date, release, contacts, dateline, publisher, keywords, end mark) —
  running heads, navigation, a speaker caption; (b) punctuation-only tokens,
  list markers ("1.", "a)") and bare numbers (page numbers); (c) a small
  per-format vocabulary of labels (``FURNITURE``).  Anything else is a
  duplicated or invented word and fails.
* PDF only: text extraction breaks a word where the writer broke the line
  (a 10,000-character word, CJK wrapped at any character) and runs words
  together where it misjudges a narrow space (pdftotext reads "a b c" on a
  short line as "abc"), so PDF words are matched character by character
  across extracted word boundaries: a model word may span several extracted
  fragments or share one with its neighbours, and a "-" ending a fragment may
  be a hyphen the line break added.  Characters must still all be there, in
  order, and unaltered.  Soft hyphens (U+00AD) are ignored in PDF text, and
  so are lines that hold only a page number ("Page 3 of 7", "3 of 7"): a footer
  lands in the text flow at the page end, even inside a word split across
  the page break.
"""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from pressconv.model import Document, Figure, ListBlock, Marks, Note, Paragraph, Quote, Section, Table
from pressconv.writers._labels import labels
from pressconv.writers._pagination import PAGE_WORDS

FORMATS = ("html", "docx", "pdf", "epub")

#: Label words a writer may add around the text, per format (compared casefolded, punctuation stripped).
FURNITURE: dict[str, frozenset[str]] = {
    "common": frozenset(
        {"by", "media", "contact", "contacts", "published", "release", "about", "end", "for", "immediate"}
    ),
    "html": frozenset(),
    "docx": frozenset({"page", "of"}),
    "pdf": frozenset({"page", "of"}),
    # The navigation document's and landmarks' labels are added in the document's language below.
    "epub": frozenset({"navigation"}),
}

_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_MARKER = re.compile(r"^[(\[]?(?:\d{1,6}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,8})[.)\]]?$")
_INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
        "ruby",
        "rb",
        "rt",
        "rp",
        "ins",
        "del",
        "font",
    ]
)
# The PDF footer, "Page X of Y" in any of the writers' languages (the count is a separate form, so
# an extractor may also see "Page X" and "X of Y" apart).
_BEFORE = "|".join(sorted({re.escape(b.strip()) for b, _ in PAGE_WORDS.values() if b.strip()}))
_BETWEEN = "|".join(sorted({re.escape(w.strip()) for _, w in PAGE_WORDS.values()}))
_PAGE_LINE = re.compile(
    rf"^[^\S\n]*(?:(?:{_BEFORE})[^\S\n]+\d+(?:[^\S\n]+(?:{_BETWEEN})[^\S\n]+\d+)?"
    rf"|\d+[^\S\n]+(?:{_BETWEEN})[^\S\n]+\d+)[^\S\n]*$",
    re.M,
)
_SKIP_TAGS = frozenset({"script", "style", "template", "head", "noscript", "title"})


def words(text: str) -> list[str]:
    """The words of ``text``: NFC-normalised, split on any whitespace."""
    return unicodedata.normalize("NFC", text).split()


def _block_strings(section: Section) -> Iterator[str]:
    if section.heading:
        yield section.heading
    for block in section.blocks:
        match block:
            case Paragraph(text=text) | Quote(text=text):
                yield text
            case ListBlock(items=items):
                yield from items
            case Table(caption=caption, header=header, rows=rows):
                # Model v3: the caption, then the cells row by row (header rows first).
                if caption:
                    yield caption
                yield from (cell.text for row in (*header, *rows) for cell in row)
            case Figure(caption=caption, credit=credit):
                # The alt text is an attribute in markup (checked by ``check_structure``), shown as text
                # only where an image cannot be: it is an allowed extra, not part of the sequence.
                yield from (part for part in (caption, credit) if part)


def cited_notes(document: Document) -> list[Note]:
    """Footnotes and endnotes, in order (writers set them after the notes to editors)."""
    return [note for note in document.notes if note.kind != "editors"]


def editors_notes(document: Document) -> list[Note]:
    """The notes to editors, in order (writers set them after the body and boilerplate)."""
    return [note for note in document.notes if note.kind == "editors"]


#: Formats whose footnotes and endnotes live apart from the body text (Word's footnotes part): their
#: words are checked by the format's structure check, not in the body sequence.
CITED_NOTES_APART = frozenset({"docx"})


def _note_strings(document: Document, cited: bool = True) -> Iterator[str]:
    editors = editors_notes(document)
    if editors and document.notes_heading:
        yield document.notes_heading
    yield from (note.text for note in editors)
    if cited:
        yield from (note.text for note in cited_notes(document))


def model_words(document: Document, fmt: str | None = None) -> list[str]:
    """The body sequence: headline, subtitle, body sections, boilerplate sections, then the notes.

    Tables give their caption and cells (header rows first), figures their caption and credit; the
    notes to editors follow the sections under their heading, then footnotes and endnotes (unless
    ``fmt`` keeps them apart, see ``CITED_NOTES_APART``).
    """
    parts: list[str] = [document.headline]
    if document.subtitle:
        parts.append(document.subtitle)
    ordered = [s for s in document.sections if s.role != "boilerplate"]
    ordered += [s for s in document.sections if s.role == "boilerplate"]
    for section in ordered:
        parts.extend(_block_strings(section))
    parts.extend(_note_strings(document, cited=fmt not in CITED_NOTES_APART))
    return [w for part in parts for w in words(part)]


def model_phrases(document: Document) -> list[list[str]]:
    """Furniture phrases that must each appear contiguously somewhere: publisher, release, byline, contacts,
    end mark."""
    meta = document.metadata
    texts = [meta.publisher, meta.release, meta.byline, *meta.contacts, meta.end_mark]
    # Notes (model v3) stand apart from the body sequence: footnotes at a page foot or in a notes
    # section, notes to editors after the body; each note's words must still appear together.
    texts += [note.text for note in document.notes]
    return [w for w in (words(t) for t in texts if t) if w]


def _strip_punct(token: str) -> str:
    return "".join(ch for ch in token if unicodedata.category(ch)[0] in "LNM").casefold()


def allowed_extras(document: Document, fmt: str) -> frozenset[str]:
    """Casefolded, punctuation-stripped words an output may add beyond the body sequence."""
    meta = document.metadata
    texts: list[str] = [document.headline, document.title, document.subtitle or "", document.dateline or ""]
    texts += [s.heading for s in document.sections if s.heading]
    for block in document.blocks():
        if isinstance(block, Quote):
            texts += [block.speaker or "", block.attribution or "", block.speaker_title or ""]
    texts += [meta.byline or "", meta.date or "", meta.release or "", meta.publisher or "", meta.language]
    texts += [meta.end_mark or "", *meta.contacts, *meta.keywords, meta.embargo or ""]
    # Shown where an image cannot be (an EPUB holds no outside image): the figure's alt text.
    texts += [block.alt for block in document.blocks() if isinstance(block, Figure)]
    # The headings writers give the notes, in the document's language (``writers._labels``): "Notes", and
    # "Notes to editors" when the source had none.
    label = labels(meta.language)
    if cited_notes(document):
        texts.append(label.notes)
    if editors_notes(document) and not document.notes_heading:
        texts.append(label.notes_to_editors)
    if fmt == "epub":  # the navigation document's and landmarks' words
        texts += [label.contents, label.landmarks, label.cover, label.title_page, label.start_of_content]
    texts += [note.label for note in document.notes]
    if fmt in CITED_NOTES_APART:  # shown where the format keeps them, checked by its structure check
        texts += [note.text for note in cited_notes(document)]
    allowed = {_strip_punct(w) for t in texts for w in words(t)}
    if meta.date:
        # A date may be shown spelled out ("October 28, 2024"): its parts are furniture.
        allowed |= set(_MONTHS) | {_strip_punct(p) for p in re.split(r"[-T:]", meta.date)}
    return frozenset(allowed | FURNITURE["common"] | FURNITURE.get(fmt, frozenset()))


def _is_allowed(token: str, allowed: frozenset[str]) -> bool:
    stripped = _strip_punct(token)
    if not stripped:  # punctuation or symbols only: rules, bullets, dashes
        return True
    if _MARKER.match(token) or stripped.isdigit():
        return True
    return stripped in allowed


# --- extraction -----------------------------------------------------------------------------------


def _html_text(markup: str | bytes) -> str:
    """Text of an HTML/XHTML page's body with a line break at every block boundary."""
    from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
    from bs4 import ProcessingInstruction as PI

    with warnings.catch_warnings():
        # html.parser reads XHTML too; bs4 would warn that it looks like XML.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "html.parser")
    root: Tag = soup.body or soup
    out: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                name = child.name.lower().split(":")[-1]
                if name in _SKIP_TAGS or (name == "a" and "noteref" in (child.get("class") or [])):
                    continue  # a note reference is the writer's marker (its label), glued to a word
                block = name not in _INLINE_TAGS
                if block:
                    out.append("\n")
                walk(child)
                if block:
                    out.append("\n")
            elif isinstance(child, NavigableString) and not isinstance(child, Comment | Doctype | PI):
                out.append(str(child))

    walk(root)
    return "".join(out)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


_NOTE_PARTS = ("word/footnotes.xml", "word/endnotes.xml")


def _docx_text(data: bytes) -> str:
    """Body text of a .docx in document order (tables and content controls included; no headers),
    then the footnotes' and endnotes' text, as a reader meets them at the page foot and the end."""
    from lxml import etree

    # lxml directly, not python-docx: python-docx's parser refuses a text node over 10 MB
    # (a 10 MB one-line release), and opening with python-docx is the validator's job.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        root = etree.fromstring(zf.read("word/document.xml"), etree.XMLParser(huge_tree=True))
        notes = [
            etree.fromstring(zf.read(n)) for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names
        ]
    body = root.find(f"{_W}body")
    out: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag
        if tag == f"{_W}t":
            out.append(el.text or "")
            return
        if tag == f"{_W}r" and el.find(f"{_W}footnoteReference") is not None:
            return  # a note's reference mark (its own label, when it has one), not a word of the text
        if tag == f"{_W}r" and el.find(f"{_W}endnoteReference") is not None:
            return
        if tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
            return
        if tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
            return
        if tag == f"{_W}noBreakHyphen":
            out.append("\u2011")
            return
        if tag in (f"{_W}delText", f"{_W}instrText", _MC_FALLBACK, f"{_W}sectPr"):
            return
        for child in el:
            walk(child)
        if tag == f"{_W}p":
            out.append("\n")

    walk(body)
    for part in notes:
        for note in part:
            if note.get(f"{_W}type") in (None, "normal"):  # not the separators
                walk(note)
    return "".join(out)


_BIDI_EMBEDDINGS = dict.fromkeys(map(ord, "\u202a\u202b\u202c"))


def _pdf_text(data: bytes, engine: str | None = None) -> str:
    """Text of a PDF, by pdftotext when installed (fast), else pdfminer.six.

    ``pdftotext -raw`` keeps the content stream's order, as pdfminer does: the default
    layout mode joins a line ending in "-" to the next and drops the hyphen, and runs the
    words of a short line together ("a b c" -> "abc"), which would read as altered words.
    """
    engine = engine or ("pdftotext" if shutil.which("pdftotext") else "pdfminer")
    if engine == "pdftotext":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "in.pdf")
            path.write_bytes(data)
            done = subprocess.run(
                ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False
            )
            if done.returncode != 0:
                raise AssertionError(f"pdftotext failed: {done.stderr.decode(errors='replace').strip()}")
            text = done.stdout.decode("utf-8")
    else:
        from pdfminer.high_level import extract_text

        text = extract_text(io.BytesIO(data))
    text = text.replace("\u00ad", "")
    # pdftotext wraps each right-to-left run it reads in embedding controls (RLE ... PDF, LRE ... PDF):
    # its markup for a bidi display, not the PDF's text.
    text = text.translate(_BIDI_EMBEDDINGS)
    # Page furniture sits in the text flow at each page end, even inside a word split across pages.
    return _PAGE_LINE.sub("", text)


def epub_spine(data: bytes) -> list[tuple[str, bytes]]:
    """(path, bytes) of each EPUB content document, in spine order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        container = ET.fromstring(zf.read("META-INF/container.xml"))
        rootfile = next(el for el in container.iter() if el.tag.endswith("rootfile"))
        opf_path = rootfile.attrib["full-path"]
        opf = ET.fromstring(zf.read(opf_path))
        base = PurePosixPath(opf_path).parent
        manifest = {el.attrib["id"]: el.attrib["href"] for el in opf.iter() if el.tag.endswith("}item")}
        spine = [el.attrib["idref"] for el in opf.iter() if el.tag.endswith("}itemref")]
        out = []
        for idref in spine:
            path = str(base / unquote(manifest[idref])) if str(base) != "." else unquote(manifest[idref])
            out.append((path, zf.read(path)))
        return out


def extract_text(fmt: str, data: bytes) -> str:
    """The reading text of one output, block boundaries as line breaks."""
    match fmt:
        case "html":
            return _html_text(data)
        case "docx":
            return _docx_text(data)
        case "pdf":
            return _pdf_text(data)
        case "epub":
            return "\n".join(_html_text(doc) for _, doc in epub_spine(data))
    raise ValueError(f"no text extractor for format {fmt!r}")


def extract_words(fmt: str, data: bytes) -> list[str]:
    """The words of one output in reading order."""
    return words(extract_text(fmt, data))


@dataclass(frozen=True)
class PdfStructure:
    """What a tagged PDF says beyond its running text: link targets, alt texts, cells, note texts."""

    links: list[tuple[str, str]]
    """(URI, /Contents) of each link annotation, page by page."""
    alts: list[str]
    """The /Alt of each Figure, in reading order."""
    cells: list[tuple[str, str]]
    """(TH or TD, the cell's words) in reading order; a header repeated on a later page counts once."""
    notes: list[str]
    """The words of each item in a list under a "Notes…" heading (notes to editors, footnotes)."""


def pdf_structure(data: bytes) -> PdfStructure:
    """Link targets, alt texts, table cells and notes of a tagged PDF, read from its annotations and tree."""
    import pikepdf

    from _pdfua import check

    links: list[tuple[str, str]] = []
    alts: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                action = annotation.get("/A")
                if annotation.get("/Subtype") == "/Link" and action is not None and "/URI" in action:
                    links.append((str(action.URI), str(annotation.get("/Contents", ""))))

        def walk(elem: Any) -> None:
            if not isinstance(elem, pikepdf.Dictionary):
                return
            if elem.get("/S") == "/Figure":
                alts.append(str(elem.get("/Alt", "")))
            kids = elem.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K)
    elements = check(data).elements
    cells = [(tag, " ".join(text.split())) for tag, text in elements if tag in ("TH", "TD")]
    notes: list[str] = []
    in_notes = False
    for tag, text in elements:
        if re.fullmatch(r"H[1-6]", tag):
            in_notes = text.strip().casefold().startswith("notes")
        elif in_notes and tag == "LBody":
            notes.append(" ".join(text.split()))
    return PdfStructure(links, alts, cells, notes)


# --- comparison -----------------------------------------------------------------------------------


@dataclass
class Report:
    """The outcome of one comparison; ``ok`` when nothing is missing, reordered, altered or invented."""

    fmt: str
    model: list[str]
    output: list[str]
    missing_at: int | None = None
    """Index in ``model`` of the first word not found (in order) in the output."""
    output_at: int = 0
    """Index in ``output`` where the search for that word started."""
    extras: list[tuple[int, str]] = field(default_factory=list)
    """Output words the model does not account for, with their index."""
    missing_phrases: list[list[str]] = field(default_factory=list)
    matched: int = 0

    @property
    def ok(self) -> bool:
        return self.missing_at is None and not self.extras and not self.missing_phrases

    @property
    def percent(self) -> float:
        return 100.0 * self.matched / len(self.model) if self.model else 100.0

    def describe(self, context: int = 12, limit: int = 60) -> str:
        """A readable account of what failed, with a unified diff around the first fault."""
        lines = [
            f"{self.fmt}: {self.matched}/{len(self.model)} model words found in order ({self.percent:.2f}%)"
        ]
        if self.missing_at is not None:
            i, j = self.missing_at, self.output_at
            lines.append(f"first missing/altered/reordered word: #{i} {_show(self.model[i])!r}")
            diff = difflib.unified_diff(
                [_show(w) for w in self.model[max(0, i - context) : i + context]],
                [_show(w) for w in self.output[max(0, j - context) : j + 2 * context]],
                "model",
                f"{self.fmt} output",
                n=3,
                lineterm="",
            )
            lines += list(diff)[:limit]
        if self.extras:
            shown = ", ".join(f"#{k} {w!r}" for k, w in self.extras[:20])
            lines.append(f"{len(self.extras)} unexpected extra word(s) in the output: {shown}")
        for phrase in self.missing_phrases[:5]:
            lines.append(f"furniture phrase not found: {' '.join(phrase)!r}")
        return "\n".join(lines)


def _show(word: str) -> str:
    shown = word if len(word) <= 80 else f"{word[:40]}…({len(word)} chars)…{word[-20:]}"
    return shown.encode("unicode_escape").decode("ascii") if not shown.isprintable() else shown


def _match_at(
    word: str, output: list[str], k: int, off: int, joins: bool, labels: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Where ``word`` ends when it starts at ``output[k][off:]``, or None.

    Without joins the word must be the whole token.  With joins (PDF) the word's characters are
    matched across token boundaries, in both directions: extraction may split a word where the
    line broke, or run two words together where it misjudged a narrow space; a "-" ending a token
    may be a hyphen the line break added; a token that is a note reference's label (``labels``) may
    stand inside a word, where the reference was drawn ("days" "1" "," for "days,").
    """
    token = output[k]
    if off == 0 and token == word:
        return k + 1, 0
    if not joins:
        return None
    i, n = 0, len(word)
    while i < n:
        if k >= len(output):
            return None
        token = output[k]
        if off == len(token):
            k, off = k + 1, 0
            continue
        if off == 0 and i > 0 and token in labels:
            k += 1
            continue
        ch = token[off]
        if ch == word[i]:
            i, off = i + 1, off + 1
        elif ch == "-" and off == len(token) - 1 and i > 0:
            off += 1
        else:
            return None
    return (k + 1, 0) if off == len(output[k]) else (k, off)


def _contains(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return True
    first, n = needle[0], len(needle)
    return any(haystack[k : k + n] == needle for k, w in enumerate(haystack) if w == first)


def compare(document: Document, fmt: str, output: list[str]) -> Report:
    """Compare a document's words with words extracted from its ``fmt`` output."""
    model = model_words(document, fmt)
    joins = fmt == "pdf"
    labels = frozenset(note.label for note in cited_notes(document)) if joins else frozenset()
    allowed = allowed_extras(document, fmt)
    report = Report(fmt, model, output)
    skipped: list[str] = []
    skipped_at: list[int] = []
    j = off = 0
    for i, word in enumerate(model):
        k, o, end = j, off, None
        while k < len(output):
            end = _match_at(word, output, k, o, joins, labels)
            if end is not None:
                break
            skipped.append(output[k][o:])
            skipped_at.append(k)
            k, o = k + 1, 0
        if end is None:
            report.missing_at, report.output_at = i, j
            break
        j, off = end
        report.matched = i + 1
    if report.missing_at is None:
        if j < len(output):
            skipped.append(output[j][off:])
            skipped_at.append(j)
            skipped += output[j + 1 :]
            skipped_at += range(j + 1, len(output))
        report.extras = [
            (k, w) for k, w in zip(skipped_at, skipped, strict=True) if not _is_allowed(w, allowed)
        ]
    joined = "".join(output) if joins else ""
    for phrase in model_phrases(document):
        if not _contains(output, phrase) and not (joins and "".join(phrase) in joined):
            report.missing_phrases.append(phrase)
    return report


def fidelity_report(document: Document, fmt: str, data: bytes) -> Report:
    """The comparison of ``document`` with the words extracted from ``data``."""
    return compare(document, fmt, extract_words(fmt, data))


def check_fidelity(document: Document, fmt: str, data: bytes) -> Report:
    """Fail (AssertionError with a diff) unless every model word is in the ``fmt`` output, in order."""
    report = fidelity_report(document, fmt, data)
    if not report.ok:
        raise AssertionError(report.describe())
    return report


def writer_available(fmt: str) -> bool:
    """True when the writer module for ``fmt`` exists (writers land one by one)."""
    import importlib.util

    try:
        return importlib.util.find_spec(f"pressconv.writers.{fmt}") is not None
    except ModuleNotFoundError:
        return False


def available_formats(candidates: Iterable[str] = FORMATS) -> list[str]:
    """The formats among ``candidates`` whose writer module exists."""
    return [fmt for fmt in candidates if writer_available(fmt)]


# --- structure: link targets, alt text, table cells, note text -----------------------------------


@dataclass
class Structure:
    """What an output says beyond its words, or what the model says it should: in reading order."""

    links: list[tuple[str, str]] = field(default_factory=list)
    """(link text, target) of every link, note references and back-links left out."""
    alts: list[str] = field(default_factory=list)
    """Each figure's alt text."""
    tables: list[tuple[str, list[list[str]]]] = field(default_factory=list)
    """Each table's caption ("" when none) and rows of cell texts, header rows first."""
    notes: list[str] = field(default_factory=list)
    """Each note's text: notes to editors, then footnotes and endnotes."""


_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "ftp:")


def _relative(target: str) -> bool:
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) is None


#: Which model link targets a format writes: a page keeps relative references, an EPUB (which may
#: hold no outside resource) only absolute ones; neither writes an unsafe scheme (javascript:).
LINK_POLICY: dict[str, Any] = {
    "html": lambda t: t.lower().startswith(_SAFE_SCHEMES) or _relative(t),
    "epub": lambda t: t.lower().startswith(_SAFE_SCHEMES),
}


def _mark_links(text: str, marks: Marks) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.target.strip()) for m in marks if m.kind == "link" and m.target]


def _block_links(block: Any) -> list[tuple[str, str]]:
    match block:
        case Paragraph() | Quote():
            return _mark_links(block.text, block.marks)
        case ListBlock():
            return [link for i, item in enumerate(block.items) for link in _mark_links(item, block.marks(i))]
        case Table():
            found = _mark_links(block.caption or "", block.caption_marks)
            for row in (*block.header, *block.rows):
                for cell in row:
                    found += _mark_links(cell.text, cell.marks)
            return found
        case Figure():
            return _mark_links(block.caption or "", block.caption_marks)
    return []


def model_structure(document: Document, fmt: str) -> Structure:
    """What ``fmt``'s output of ``document`` must carry, in the order writers set it."""
    expected = Structure()
    links = _mark_links(document.headline, document.headline_marks)
    links += _mark_links(document.subtitle or "", document.subtitle_marks)
    ordered = [s for s in document.sections if s.role != "boilerplate"]
    ordered += [s for s in document.sections if s.role == "boilerplate"]
    for section in ordered:
        links += _mark_links(section.heading or "", section.heading_marks)
        for block in section.blocks:
            links += _block_links(block)
            if isinstance(block, Figure):
                expected.alts.append(block.alt)
            elif isinstance(block, Table):
                rows = [[cell.text for cell in row] for row in (*block.header, *block.rows)]
                expected.tables.append((block.caption or "", rows))
    notes = [*editors_notes(document), *cited_notes(document)]
    for note in notes:
        links += _mark_links(note.text, note.marks)
    expected.notes = [note.text for note in notes]
    meta = document.metadata
    if len(meta.contact_details) == len(meta.contacts):
        for contact in meta.contact_details:
            links += _mark_links(contact.text, contact.marks)
    keep = LINK_POLICY.get(fmt, lambda t: True)
    expected.links = [(text, target) for text, target in links if keep(target)]
    return expected


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _html_structure(markup: str | bytes) -> Structure:
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "html.parser")
    found = Structure()
    last: Any = None
    for a in soup.find_all("a"):
        classes = a.get("class") or []
        if "noteref" in classes or "backlink" in classes or not a.get("href"):
            continue
        text, href = a.get_text(), str(a["href"])
        before = a.find_previous(string=True)
        if last is not None and last.get("href") == href and before is not None and last in before.parents:
            found.links[-1] = (found.links[-1][0] + text, href)  # one link the markup split in two
        else:
            found.links.append((text, href))
        last = a
    for figure in soup.find_all("figure"):
        img = figure.find("img")
        stand_in = figure.find("p", class_="figure-alt")
        found.alts.append(
            str(img.get("alt", "")) if img is not None else stand_in.get_text() if stand_in else ""
        )
    for table in soup.find_all("table"):
        caption = table.find("caption")
        rows = [[_one_line(c.get_text()) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
        found.tables.append((_one_line(caption.get_text()) if caption else "", rows))
    for section in soup.select("section.notes, section.notes-to-editors"):
        for item in section.select("ol.notes > li"):
            for extra in item.select("a.backlink, span.note-label"):
                extra.decompose()
            found.notes.append(_one_line(item.get_text()))
    return found


def _epub_structure(data: bytes) -> Structure:
    found = Structure()
    for _, doc in epub_spine(data):
        part = _html_structure(doc)
        found.links += part.links
        found.alts += part.alts
        found.tables += part.tables
        found.notes += part.notes
    return found


#: Per format: output bytes -> its ``Structure``.  The PDF and DOCX writers' owners add theirs here.
STRUCTURE_EXTRACTORS: dict[str, Any] = {"html": _html_structure, "epub": _epub_structure}


def extract_structure(fmt: str, data: bytes) -> Structure:
    """Link targets, alt texts, table cells and note texts of one output."""
    if fmt not in STRUCTURE_EXTRACTORS:
        raise NotImplementedError(f"no structure extractor for {fmt!r} yet")
    extracted: Structure = STRUCTURE_EXTRACTORS[fmt](data)
    return extracted


def check_structure(document: Document, fmt: str, data: bytes) -> Structure:
    """Fail (AssertionError naming each difference) unless the output carries the model's link targets,
    alt texts, table cells and note texts, each in order."""
    expected = model_structure(document, fmt)
    found = extract_structure(fmt, data)
    faults: list[str] = []
    links = [(_one_line(t), h) for t, h in found.links]
    wanted = [(_one_line(t), h) for t, h in expected.links]
    at = 0
    for link in wanted:  # in order; an output may link more (contacts a writer links itself)
        try:
            at = links.index(link, at) + 1
        except ValueError:
            faults.append(f"link {link!r} missing or out of order (found {links})")
            break
    if found.alts != expected.alts:
        faults.append(f"alt texts {found.alts!r} != model {expected.alts!r}")
    want_tables = [
        (_one_line(c), [[_one_line(x) for x in row] for row in rows]) for c, rows in expected.tables
    ]
    if found.tables != want_tables:
        faults.append(f"tables {found.tables!r} != model {want_tables!r}")
    if found.notes != [_one_line(n) for n in expected.notes]:
        faults.append(f"notes {found.notes!r} != model {expected.notes!r}")
    if faults:
        raise AssertionError(f"{fmt}: " + "\n".join(faults))
    return found


# --- DOCX structure (model v3): link targets, alt text, table cells, note text ----------------------


@dataclass
class DocxStructure:
    """What a .docx carries beyond its words' order: what Word shows as links, alt text, cells, notes."""

    links: list[tuple[str, str]] = field(default_factory=list)
    """(link text, target) of every w:hyperlink, in document order (notes after the body)."""
    alts: list[str] = field(default_factory=list)
    """The description (wp:docPr descr) of every picture, in document order."""
    tables: list[list[list[str]]] = field(default_factory=list)
    """Each table's rows of cell texts; cells a vertical merge continues are left out."""
    notes: list[str] = field(default_factory=list)
    """The text of every footnote and endnote, its reference mark excluded."""


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, _, leaf = part.rpartition("/")
    name = f"{folder}/_rels/{leaf}.rels"
    if name not in zf.namelist():
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in ET.fromstring(zf.read(name))}


def _text_of(element: Any) -> str:
    out = []
    for node in element.iter():
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif node.tag == f"{_W}tab":
            out.append("\t")
    return "".join(out)


def docx_structure(data: bytes) -> DocxStructure:
    """Links (with their relationship targets), picture descriptions, table cells and note texts."""
    found = DocxStructure()
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    doc_pr = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        parts = ["word/document.xml"] + [n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names]
        for part in parts:
            rels = _rels(zf, part)
            root = ET.fromstring(zf.read(part))
            for link in root.iter(f"{_W}hyperlink"):
                target = (
                    rels.get(link.get(r_id, ""), "") if link.get(r_id) else "#" + link.get(f"{_W}anchor", "")
                )
                found.links.append((_text_of(link), target))
            if part != "word/document.xml":
                for note in root:
                    if note.get(f"{_W}type") in (None, "normal"):
                        found.notes.append(_text_of(note).strip())
                continue
            found.alts += [el.get("descr", "") for el in root.iter(doc_pr)]
            for table in root.iter(f"{_W}tbl"):
                rows = []
                for tr in table.findall(f"{_W}tr"):
                    cells = []
                    for tc in tr.findall(f"{_W}tc"):
                        merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                        if merge is not None and merge.get(f"{_W}val") != "restart":
                            continue
                        cells.append(_text_of(tc))
                    rows.append(cells)
                found.tables.append(rows)
    return found


_FOLLOWED = re.compile(r"(?i)(?:https?|mailto|tel|ftps?|sms|news):")


def docx_structure_problems(document: Document, data: bytes) -> list[str]:
    """What of the model's links, alt texts, table cells and note texts the .docx does not carry."""
    found = docx_structure(data)
    problems: list[str] = []
    wanted_links = []
    texts: list[tuple[str, tuple[Any, ...]]] = [(document.headline, document.headline_marks)]
    for block in document.blocks():
        match block:
            case Paragraph(text=text, marks=marks) | Quote(text=text, marks=marks):
                texts.append((text, marks))
            case ListBlock(items=items):
                texts += [(item, block.marks(i)) for i, item in enumerate(items)]
            case Table(header=header, rows=rows):
                texts += [(cell.text, cell.marks) for row in (*header, *rows) for cell in row]
            case Figure(caption=caption, caption_marks=marks) if caption:
                texts.append((caption, marks))
    texts += [(note.text, note.marks) for note in document.notes]
    for text, marks in texts:
        for mark in marks:
            # Only links a writer may follow are demanded (javascript: and relative ones keep only words).
            if mark.kind == "link" and mark.target and _FOLLOWED.match(mark.target.strip()):
                wanted_links.append((text[mark.start : mark.end], mark.target.strip()))
    for link in wanted_links:
        if link not in found.links:
            problems.append(f"link {link!r} missing (found {found.links!r})")
    for block in document.blocks():
        if isinstance(block, Figure) and block.data is not None and block.alt not in found.alts:
            problems.append(f"alt text {block.alt!r} missing (found {found.alts!r})")
    model_tables = [b for b in document.blocks() if isinstance(b, Table)]
    for index, table in enumerate(model_tables):
        want = [[cell.text for cell in row] for row in (*table.header, *table.rows)]
        got = found.tables[index] if index < len(found.tables) else None
        trimmed = [[c for c in row if c] for row in got] if got is not None else None
        if trimmed != [[c for c in row if c] for row in want]:
            problems.append(f"table {index + 1}: cells {got!r}, wanted {want!r}")
    shown = " ".join(found.notes) + "\n" + _docx_text(data)
    for note in document.notes:
        if " ".join(words(note.text)) not in " ".join(words(shown)):
            problems.append(f"note {note.id!r} text missing")
    return problems
