"""Every reportlab internal the PDF writer relies on, in one place, with a probe of each.

reportlab has no public API for what a tagged, reproducible, memory-lean PDF needs: marked
content and structure trees (the canvas's PDFDocument, page dictionaries), paragraphs parsed
only when laid out (a class swap), lines drawn right to left (a paragraph's laid-out lines and
a text object's operator list), page streams compressed as soon as a page is done, and the ToUnicode maps
of embedded fonts.  Nothing outside this module names a private
reportlab attribute; each function below names one and says why.  ``probe()`` checks the
installed reportlab for every one of them (the test suite runs it), so an untested release
fails with a message naming what changed instead of a wrong PDF.

Tested with reportlab 5.1.0 (the PDF suite and byte-identical outputs); the writer was earlier
tested on 4.2.0 and 4.2.5.  ``pyproject.toml`` allows ``>=4.2,<5.2``: a newer minor release
must pass ``probe()`` and the PDF tests before the bound moves.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from fnmatch import fnmatch
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, cleanBlockQuotedText
from reportlab.platypus.paragraph import textTransformFrags  # type: ignore[attr-defined]
from reportlab.platypus.paraparser import ParaParser

#: The reportlab releases this module was tested with: at least the first, below the second.
TESTED_RANGE = ((4, 2), (5, 2))


def version() -> tuple[int, ...]:
    """The installed reportlab's version as numbers (``5.1.0`` -> ``(5, 1, 0)``)."""
    return tuple(int(part) for part in reportlab.Version.split(".")[:3] if part.isdigit())


# ---------------------------------------------------------------------------------------------------------
# Objects: a class swap.


def become(obj: object, cls: type) -> None:
    """Turn ``obj`` into an instance of ``cls`` in place (a deferred Paragraph becoming reportlab's own).

    Not private API, but an object-model swap reportlab never promised to allow: ``cls`` must keep
    the same instance layout (no ``__slots__``), which ``probe()`` checks for ``Paragraph``.
    """
    obj.__class__ = cls


# ---------------------------------------------------------------------------------------------------------
# Paragraphs and text objects.


def laid_out(paragraph: Any) -> Any:
    """A wrapped Paragraph's line breaking (``blPara``: ``kind``, ``lines``, font of a kind-0 paragraph)."""
    return paragraph.blPara


def is_laid_out(paragraph: Any) -> bool:
    """Whether a Paragraph holds lines broken by its last ``wrap`` (``blPara``): ``split`` deletes them
    when it moves the whole paragraph on or rebalances widows and orphans, and the next ``wrap``
    must break them again."""
    return "blPara" in paragraph.__dict__


def emit(text_object: PDFTextObject, operator: str) -> None:
    """Append a raw PDF operator (marked-content brackets) inside a text object's BT … ET."""
    text_object._code.append(operator)  # type: ignore[attr-defined]


def show(text_object: PDFTextObject, glyphs: str) -> None:
    """Show ``glyphs`` at the text origin without moving the cursor by their width (``_textOut``)."""
    text_object._textOut(glyphs, 0)  # type: ignore[attr-defined]


#: The entities the PDF writer's ``escape`` writes, and the characters they stand for.
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_ENTITY = re.compile("(&amp;|&lt;|&gt;)")


def plain_fragments(markup: str, style: Any) -> tuple[str, list[Any]] | None:
    """The cleaned text and the fragments ``Paragraph(markup, style)`` would parse, for markup without
    tags; None for markup with a tag or an ``&`` that is not ``&amp;``, ``&lt;`` or ``&gt;``.

    ``ParaParser.parse`` runs the text through Python's HTML tokenizer, which hands each run of
    text between entities, and each entity, to ``handle_data`` as its own piece (one fragment
    each).  The parser's tuple-tree entry (``tt_parse``) takes those pieces ready-made and skips
    the tokenizer, the larger part of a plain paragraph's parse; the text is cleaned before
    (``cleanBlockQuotedText``) and transformed after (``textTransformFrags``) as
    ``Paragraph._setup`` does.  ``probe()`` compares the two on texts with entities and spaces.
    """
    text = cleanBlockQuotedText(markup)
    if "<" in text:
        return None
    pieces: list[str] = []
    for i, piece in enumerate(_ENTITY.split(text)):
        if i % 2:
            pieces.append(_ENTITIES[piece])
        elif "&" in piece:
            return None
        elif piece:
            pieces.append(piece)
    parsed_style, frags, bullet = ParaParser().tt_parse(("para", {}, pieces), style)  # type: ignore[no-untyped-call]
    if frags is None or bullet or parsed_style is not style:
        return None
    textTransformFrags(frags, style)
    return text, frags


class SpacedTextObject(PDFTextObject):
    """A text object whose lines each end in a space, so line ends stay word breaks in extracted text.

    Paragraph draws each line with ``_textOut(text, TStar=1)``; adding the space there is the only
    hook (a line's words are not otherwise reachable once laid out).
    """

    def _textOut(self, text: str, TStar: int = 0) -> None:
        super()._textOut(text + " " if TStar else text, TStar)  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------------------
# Flowables.

#: Flowable attributes defined on the class (so ``__getattr__`` of a wrapper never sees them).
FLOWABLE_CLASS_ATTRIBUTES = ("_fixedWidth", "_fixedHeight")


_F = TypeVar("_F", bound=type[Flowable])


def forward_class_attributes(cls: _F) -> _F:
    """A delegating Flowable wrapper class (``self.inner``) given properties forwarding the attributes
    Flowable defines on the class, where the wrapper's ``__getattr__`` never sees them."""

    def forward(name: str) -> property:
        return property(lambda self: getattr(self.inner, name))

    for name in FLOWABLE_CLASS_ATTRIBUTES:
        setattr(cls, name, forward(name))
    return cls


def cleared_keep_with_next(flowable: Flowable) -> int | None:
    """The keepWithNext the doc template wrote into ``flowable.__dict__`` once it grouped it, if any.

    ``BaseDocTemplate.handle_keepWithNext`` clears the flag by writing the instance dictionary
    directly; a delegating wrapper must honour that or the group is regrouped forever.
    """
    value = flowable.__dict__.get("keepWithNext")
    return None if value is None else int(value)


# ---------------------------------------------------------------------------------------------------------
# The canvas and its PDFDocument.


def pdf_document(canvas: Canvas) -> Any:
    """reportlab's PDFDocument behind a canvas (``_doc``): its Catalog, Pages and object references."""
    return canvas._doc  # type: ignore[attr-defined]


def pages(canvas: Canvas) -> list[Any]:
    """The PDFPage objects finished so far (``_doc.Pages.pages``)."""
    pages: list[Any] = pdf_document(canvas).Pages.pages
    return pages


def has_unfinished_page(canvas: Canvas) -> bool:
    """Whether something was drawn since the last showPage (``_code``), as ``Canvas.save`` asks."""
    return bool(canvas._code)  # type: ignore[attr-defined]


def add_page_entries(page: Any, **entries: Any) -> None:
    """Give a finished page dictionary entries reportlab does not know (StructParents, Tabs).

    A PDFPage writes only the keys listed in its ``__NoDefault__``; the list is extended on this
    page object, never on the class.
    """
    page.__NoDefault__ = [*page.__NoDefault__, *entries]
    for key, value in entries.items():
        setattr(page, key, value)


class _Applied:
    """A stream filter whose work is already done: only its name goes into the file."""

    def __init__(self, pdfname: str) -> None:
        self.pdfname = pdfname

    def encode(self, content: bytes) -> bytes:
        return content


def encode_page_now(page: Any) -> None:
    """Compress a finished page's content stream now, as reportlab's save would (the same bytes).

    reportlab keeps every page's stream as text (``page.stream``) until the file is saved; a long
    release held all of them at once.  The filters are chosen as ``PDFPage.check_format`` does.
    """
    if page.Contents or not page.stream or not page.compression:
        return
    filters: list[Any] = [pdfdoc.PDFZCompress]
    if rl_config.useA85:
        filters.insert(0, pdfdoc.PDFBase85Encode)
    content = page.stream
    for step in reversed(filters):
        content = step.encode(content)
    stream = pdfdoc.PDFStream(content=content, filters=[_Applied(step.pdfname) for step in filters])
    stream.__Comment__ = "page stream"  # type: ignore[attr-defined]  # reportlab's own marker
    page.Contents = stream
    page.stream = None


def last_annotation(canvas: Canvas) -> tuple[Any, Any]:
    """The annotation dictionary a ``linkURL`` call just added to the page, and a reference to it.

    reportlab names each annotation ``NUMBER<count>`` from the canvas's ``_annotationCount`` and
    keeps it in its PDFDocument under ``annotationName(name)``.
    """
    doc = pdf_document(canvas)
    name = f"NUMBER{canvas._annotationCount}"  # type: ignore[attr-defined]
    return doc.idToObject[doc.annotationName(name)], doc.refAnnotation(name)


def link_to_destination(canvas: Canvas, destination: str, rect: tuple[float, ...], contents: str) -> None:
    """A link annotation on the current page to the named destination (a bookmark, made now or later).

    reportlab's ``linkRect`` makes a ``LinkAnnotation`` object that refuses a ``/StructParent``
    entry, which a tagged link needs; this makes the same annotation as a dictionary, through the
    canvas's ``_bookmarkReference``, ``_absRect`` (``rect`` in the current coordinates) and
    ``_addAnnotation``.  ``last_annotation`` then finds it, as after ``linkURL``.
    """
    annotation = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("Annot"),
            "Subtype": pdfdoc.PDFName("Link"),
            "Rect": pdfdoc.PDFArray(canvas._absRect(rect, 1)),  # type: ignore[attr-defined]
            "Border": pdfdoc.PDFArray([0, 0, 0]),
            "Contents": pdfdoc.PDFString(contents),
            "Dest": canvas._bookmarkReference(destination),  # type: ignore[attr-defined]
        }
    )
    canvas._addAnnotation(annotation)  # type: ignore[attr-defined]


def init_ttfont(font: TTFont, name: str, face: TTFontFace) -> None:
    """Set ``font`` up as ``TTFont.__init__`` does, with a face the caller made.

    reportlab's ``__init__`` makes a plain ``TTFontFace`` of the file itself; the writer's faces
    keep their character tables in the user's cache (``writers.pdf.face_cache``).  ``probe()``
    checks that the attributes set here are the ones ``TTFont.__init__`` sets.
    """
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable  # type: ignore[attr-defined]
    # The glob list as ttfonts imported it from rl_config (TTFont.__init__ reads that copy).
    font.shapable = not any(fnmatch(name, pattern) for pattern in ttfonts.unShapedFontGlob)  # type: ignore[attr-defined]


def to_unicode_cmaps(document: Any) -> Iterator[Any]:
    """The ToUnicode CMap stream objects registered in a PDFDocument (``idToObject``), in order."""
    for name, obj in document.idToObject.items():
        if isinstance(name, str) and name.startswith("toUnicodeCMap:") and isinstance(obj.content, str):
            yield obj


# ---------------------------------------------------------------------------------------------------------
# The probe.


def _check(problems: list[str], what: str, test: Callable[[], object]) -> None:
    try:
        ok = test()
    except Exception as exc:  # any failure of a probe is the finding, whatever it is
        problems.append(f"{what}: {type(exc).__name__}: {exc}")
        return
    if not ok:
        problems.append(what)


def probe() -> list[str]:
    """What in the installed reportlab differs from what this module relies on; empty when all holds."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    problems: list[str] = []
    low, high = TESTED_RANGE
    if not low <= version()[:2] < high:
        problems.append(
            f"reportlab {reportlab.Version} is outside the tested range "
            f">={'.'.join(map(str, low))},<{'.'.join(map(str, high))}"
        )

    class Deferred(Paragraph):
        pass

    def swap() -> bool:
        para = Deferred.__new__(Deferred)
        become(para, Paragraph)
        Paragraph.__init__(para, "two words", ParagraphStyle("probe"))
        para.wrap(200, 200)
        return type(para) is Paragraph

    _check(problems, "a Deferred(Paragraph) object can become a Paragraph (__class__ swap)", swap)

    def lines() -> bool:
        plain = Paragraph("two words", ParagraphStyle("probe"))
        plain.wrap(200, 200)
        mixed = Paragraph("two <b>bold</b> words", ParagraphStyle("probe"))
        mixed.wrap(200, 200)
        one, runs = laid_out(plain), laid_out(mixed)
        return (
            one.kind == 0
            and one.lines[0][1] == ["two", "words"]
            and all(hasattr(one, a) for a in ("fontName", "fontSize", "textColor"))
            and runs.kind == 1
            and any(getattr(f, "text", "") == "bold" for f in runs.lines[0].words)
            and all(hasattr(f, "fontName") for f in runs.lines[0].words if hasattr(f, "text"))
        )

    _check(problems, "Paragraph.blPara after wrap(): kind 0 lines (width, words), kind 1 lines .words", lines)

    def dropped_lines() -> bool:
        para = Paragraph("words " * 40, ParagraphStyle("probe", leading=12))
        before = is_laid_out(para)
        para.wrap(100, 1000)
        laid = is_laid_out(para)
        return not before and laid and para.split(100, 5) == [] and not is_laid_out(para)

    _check(problems, "Paragraph.blPara set by wrap(), deleted by a split() moving it all on", dropped_lines)

    from pressconv.compat.reportlab_subsets import probe_subsets

    problems += probe_subsets()
    from pressconv.compat.reportlab_layout import probe_layout

    problems += probe_layout()

    def fragments() -> bool:
        texts = (
            "two  words\n more",
            "a &amp; b &lt;c&gt;&amp;",
            "&amp;",
            "",
            " x\xa0y ",
            "&lt;b&gt;bold&lt;/b&gt;",
        )
        for text in texts:
            style = ParagraphStyle("probe", textTransform="uppercase" if "x" in text else None)
            plain, parsed = plain_fragments(text, style), Paragraph(text, style)
            if plain is None or plain[0] != parsed.text:
                return False
            if [vars(f) for f in plain[1]] != [vars(f) for f in parsed.frags]:
                return False
        return plain_fragments("a <b>b</b>", ParagraphStyle("probe")) is None

    _check(problems, "ParaParser.tt_parse gives parse()'s fragments for text between entities", fragments)

    canvas = Canvas(io.BytesIO(), invariant=1)

    def text_object() -> bool:
        tx = SpacedTextObject(canvas, 0, 0)
        tx.setFont("Helvetica", 10)
        emit(tx, "/Span BMC")
        show(tx, "a")
        tx._textOut("line", 1)
        code = tx.getCode()
        return "/Span BMC" in code and "(a) Tj" in code and "(line ) Tj T*" in code

    _check(problems, "PDFTextObject._code (a list) and _textOut(text, TStar)", text_object)

    def document() -> bool:
        doc = pdf_document(canvas)
        canvas.drawString(10, 10, "x")
        pending = has_unfinished_page(canvas)
        canvas.showPage()
        page = pages(canvas)[-1]
        add_page_entries(page, Tabs=pdfdoc.PDFName("S"))
        return (
            pending
            and not has_unfinished_page(canvas)
            and hasattr(doc, "Catalog")
            and callable(doc.Reference)
            and isinstance(doc.idToObject, dict)
            and "Tabs" in page.__NoDefault__
            and "Tabs" not in type(page).__NoDefault__
        )

    _check(problems, "Canvas._doc (Catalog, Pages.pages, Reference, idToObject), Canvas._code", document)

    def page_stream() -> bool:
        page = pages(canvas)[-1]
        return all(hasattr(page, a) for a in ("Contents", "stream", "compression")) and all(
            hasattr(f, "encode") and hasattr(f, "pdfname")
            for f in (pdfdoc.PDFZCompress, pdfdoc.PDFBase85Encode)
        )

    _check(problems, "PDFPage.Contents/stream/compression and the stream filters", page_stream)
    _check(problems, "rl_config.useA85", lambda: hasattr(rl_config, "useA85"))
    _check(
        problems,
        "Flowable._fixedWidth/_fixedHeight on the class",
        lambda: all(hasattr(Flowable, a) for a in FLOWABLE_CLASS_ATTRIBUTES),
    )

    def annotations() -> bool:
        canv = Canvas(io.BytesIO(), invariant=1)
        canv.linkURL("https://example.org/", (0, 0, 10, 10), relative=1, Contents=pdfdoc.PDFString("x"))
        annotation, reference = last_annotation(canv)
        return (
            str(annotation["Subtype"]) == "/Link"
            and "Contents" in annotation.dict
            and isinstance(reference, pdfdoc.PDFObjectReference)
        )

    _check(problems, "Canvas.linkURL(**kw), _annotationCount, annotationName/refAnnotation", annotations)

    def destination_links() -> bool:
        canv = Canvas(io.BytesIO(), invariant=1)
        link_to_destination(canv, "probe", (0, 0, 10, 10), "x")
        annotation, _ = last_annotation(canv)
        canv.bookmarkPage("probe")
        return str(annotation["Subtype"]) == "/Link" and "Dest" in annotation.dict

    _check(
        problems, "Canvas._absRect, _bookmarkReference, _addAnnotation (document links)", destination_links
    )

    def table_events() -> bool:
        from reportlab.platypus import Table

        seen: list[str] = []
        table = Table([["a", "b"]], renderCB=lambda t, event, *a: seen.append(event))  # type: ignore[arg-type]
        canv = Canvas(io.BytesIO(), invariant=1)
        table.wrapOn(canv, 200, 200)
        table.drawOn(canv, 0, 0)
        return {"startBG", "endBG", "startLines", "endLines"} <= set(seen)

    _check(problems, "Table(renderCB=…) called with startBG/endBG/startLines/endLines", table_events)

    def unicode_maps() -> bool:
        from pathlib import Path

        from reportlab.pdfbase.ttfonts import TTFont

        doc = pdf_document(Canvas(io.BytesIO(), invariant=1))
        font = TTFont("pc-probe", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
        font.splitString("ab", doc)  # not registered: nothing outside this document changes
        font.addObjects(doc)
        found = list(to_unicode_cmaps(doc))
        return len(found) == 1 and "beginbfchar" in found[0].content and "<0061>" in found[0].content

    _check(problems, "ToUnicode CMaps as 'toUnicodeCMap:…' text streams in idToObject", unicode_maps)

    def setup() -> bool:
        from pathlib import Path

        path = str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
        theirs = TTFont("pc-probe", path)
        ours = TTFont.__new__(TTFont)
        init_ttfont(ours, "pc-probe", theirs.face)
        mine, real = vars(ours), vars(theirs)
        return sorted(mine) == sorted(real) and all(
            mine[name] == real[name] for name in real if name not in ("encoding", "state")
        )

    _check(problems, "TTFont.__init__ sets fontName, face, encoding, state, _asciiReadable, shapable", setup)
    return problems
