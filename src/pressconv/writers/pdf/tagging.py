"""PDF tagging: a tree of structure elements + marked content drawn by platypus -> a tagged PDF.

The writer builds a ``StructElem`` tree from the model before layout and wraps
each flowable in ``Marked``; while the pages are drawn, ``Tagger`` brackets each
flowable's operators in ``/Tag <</MCID n>> BDC … EMC`` (or an ``/Artifact``
sequence) and records which element owns each MCID on each page.  When the
canvas is saved ``write_structure`` adds StructTreeRoot, ParentTree, MarkInfo
and XMP metadata as reportlab PDF objects (the canvas adds each page's
StructParents and Tabs).  A flowable that splits across pages keeps its one
element, which then owns MCIDs on two pages.  reportlab has no API for structure
trees: what it needs of reportlab's internals goes through ``pressconv.compat.reportlab``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pressconv.compat.reportlab import cleared_keep_with_next, forward_class_attributes, pages, pdf_document
from pressconv.writers.pdf.xmp import XmpStream, xmp_packet

#: The standard structure types the writer may use (ISO 32000-1 §14.8.4); no RoleMap is written.
STANDARD_TYPES = frozenset(
    {
        "Document",
        "Part",
        "Sect",
        "Div",
        "H1",
        "H2",
        "H3",
        "P",
        "BlockQuote",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Span",
        "H4",
        "Table",
        "TR",
        "TH",
        "TD",
        "Caption",
        "Figure",
        "Link",
        "TOC",
        "TOCI",
    }
)


@dataclass(eq=False, slots=True)
class StructElem:
    """One structure element; kids are elements or (page index, MCID) pairs, in reading order."""

    tag: str
    parent: StructElem | None = None
    kids: list[StructElem | tuple[int, int]] = field(default_factory=list)
    number: int = -1
    """Its place in the written tree (object name ``pcSE<number>``), set by ``write_structure``."""
    actual_text: str | None = None
    """Its words in logical order, written as /ActualText: set where the content draws right-to-left
    glyphs in visual order, so assistive technology reading the tree gets the words as written."""
    alt: str | None = None
    """A figure's alternate text (/Alt)."""
    lang: str | None = None
    """Its language (/Lang) where it differs from the document's (a release in a press kit)."""
    attributes: Mapping[str, str | tuple[float, ...]] | None = None
    """Layout or table attributes (/A): owner ``O`` and names, written as PDF names (digits as an
    integer); a tuple of numbers is written as an array (a Figure's ``BBox``)."""
    annotations: list[tuple[int, Any, Any]] | None = None
    """Link annotations owned by the element, as (page index, annotation dictionary, reference); each
    is written as an OBJR kid after the element's other kids."""

    def add(self, tag: str) -> StructElem:
        """A new child element, appended."""
        assert tag in STANDARD_TYPES, tag
        child = StructElem(tag, self)
        self.kids.append(child)
        return child


@dataclass(frozen=True, slots=True)
class Artifact:
    """Content that is not part of the text: page furniture, decoration, repeated words."""

    properties: str = ""
    """The property list after ``/Artifact``, e.g. ``/Type /Pagination /Subtype /Footer``."""


PAGINATION_FOOTER = Artifact("/Type /Pagination /Subtype /Footer")
REPEATED_HEADER = Artifact("/Type /Pagination /Subtype /Header")
"""A table's header rows repeated at the top of a page: their words are in the tree once already."""
LAYOUT = Artifact("/Type /Layout")
REDUNDANT = Artifact()


@dataclass(slots=True)
class Tagger:
    """Numbers marked content per page while drawing, and remembers which element owns each MCID."""

    root: StructElem = field(default_factory=lambda: StructElem("Document"))
    owners: dict[int, list[StructElem]] = field(default_factory=dict)
    """Page index (0-based) -> the element owning MCID i at position i."""
    open: list[StructElem | Artifact] = field(default_factory=list)
    """The marked-content sequences open now, innermost last."""
    links: list[StructElem] = field(default_factory=list)
    """Every Link element made while drawing, in order (their annotations get StructParent keys)."""
    link_texts: dict[str, str] = field(default_factory=dict)
    """Each link target -> the words drawn for it, the annotation's /Contents."""

    def begin(self, canv: Canvas, target: StructElem | Artifact) -> None:
        """Open a marked-content sequence for ``target`` on the current page."""
        self.open.append(target)
        if isinstance(target, Artifact):
            props = f" <<{target.properties}>> BDC" if target.properties else " BMC"
            canv.addLiteral("/Artifact" + props)
            return
        page = canv.getPageNumber() - 1
        owners = self.owners.setdefault(page, [])
        mcid = len(owners)
        owners.append(target)
        target.kids.append((page, mcid))
        canv.addLiteral(f"/{target.tag} <</MCID {mcid}>> BDC")

    def end(self, canv: Canvas) -> None:
        """Close the innermost marked-content sequence."""
        self.open.pop()
        canv.addLiteral("EMC")

    def link(self, canv: Canvas, annotation: Any, reference: Any) -> None:
        """A link annotation just added to the page: owned by a new Link element inside the element
        being drawn (the paragraph whose words it covers)."""
        owner = next((t for t in reversed(self.open) if isinstance(t, StructElem)), self.root)
        if owner.tag == "Link":  # a Link element holding its words (a contents entry)
            link = owner
            if link.annotations is None:
                self.links.append(link)
        else:
            link = owner.add("Link")
            self.links.append(link)
        if link.annotations is None:
            link.annotations = []
        link.annotations.append((canv.getPageNumber() - 1, annotation, reference))


@contextmanager
def marked(canv: Canvas, target: StructElem | Artifact) -> Iterator[None]:
    """Bracket what is drawn inside in marked content, when the canvas tags at all."""
    tagger = getattr(canv, "tagger", None)
    if tagger is None:
        yield
        return
    tagger.begin(canv, target)
    try:
        yield
    finally:
        tagger.end(canv)


#: Runs when a flowable's first part is drawn: (canvas, x, y of its top).
FirstDraw = Callable[[Canvas, float, float], None]


@forward_class_attributes
class Marked(Flowable):
    """Any flowable, drawn inside a marked-content sequence for its element; parts of a split share it.

    Everything but drawing and splitting is delegated, so keepWithNext, spacing and
    widow control behave exactly as for the wrapped flowable.
    """

    def __init__(
        self,
        inner: Flowable,
        target: StructElem | Artifact,
        *,
        on_first_draw: FirstDraw | None = None,
        repeated: Artifact | None = None,
    ) -> None:
        """``on_first_draw`` runs once, when the first part is drawn (e.g. to bookmark it).

        ``repeated``: what the flowable is marked as when drawn again (a table's header row repeated
        on the next page), so its words are in the structure tree once.
        """
        self.__dict__.update(inner=inner, target=target, on_first_draw=on_first_draw, repeated=repeated)
        self.__dict__["drawn"] = False

    def keep_with_next(self, keep: bool = True) -> None:
        """Keep this flowable on the page of the one after it, or not, whatever its style says.

        Set where the doc template reads and clears the flag, in this wrapper's own dictionary.
        """
        self.__dict__["keepWithNext"] = int(keep)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["inner"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            self.__dict__[name] = value
        else:
            setattr(self.__dict__["inner"], name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self.__dict__["inner"], name)

    def _parts(self, parts: list[Flowable]) -> list[Flowable]:
        return [
            Marked(
                part,
                self.target,
                on_first_draw=self.on_first_draw if i == 0 else None,
            )
            for i, part in enumerate(parts)
        ]

    def getKeepWithNext(self) -> Any:
        # The doc template clears keepWithNext by writing straight into __dict__ once it has grouped the
        # flowable with the next one; honour that, or the group is regrouped forever.
        cleared = cleared_keep_with_next(self)
        return self.inner.getKeepWithNext() if cleared is None else cleared

    def getSpaceBefore(self) -> Any:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> Any:
        return self.inner.getSpaceAfter()

    def minWidth(self) -> Any:
        return self.inner.minWidth()

    def isIndexing(self) -> Any:
        return self.inner.isIndexing()

    def identity(self, maxLen: int | None = None) -> Any:
        return self.inner.identity(maxLen)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.inner.wrap(avail_width, avail_height)  # type: ignore[no-any-return]

    def wrapOn(self, canv: Canvas, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.inner.wrapOn(canv, avail_width, avail_height)  # type: ignore[no-any-return]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._parts(self.inner.split(avail_width, avail_height))

    def splitOn(self, canv: Canvas, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._parts(self.inner.splitOn(canv, avail_width, avail_height))

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self.on_first_draw is not None:
            self.on_first_draw(canv, x, y + self.inner.height)
        target = self.target
        if self.drawn and self.repeated is not None:
            target = self.repeated
        self.__dict__["drawn"] = True
        if isinstance(target, StructElem) and target.tag == "Figure" and target.attributes is None:
            target.attributes = figure_box(self.inner, x, y, _sW)
        with marked(canv, target):
            self.inner.drawOn(canv, x, y, _sW)


Attributes = dict[str, str | tuple[float, ...]]


def figure_box(inner: Flowable, x: float, y: float, avail_width: float = 0) -> Attributes:
    """A Figure's Layout attributes: the box ``inner`` is drawn in (left, bottom, right, top), placed at
    ``x, y`` by the frame, which draws in page space (PDF/UA: every Figure has a ``/BBox``).  Set when the
    figure's first part is drawn, so a figure that splits keeps the box of its first page."""
    align = getattr(inner, "hAlign", "LEFT")  # where platypus puts a flowable narrower than the frame
    shift = 0.5 if align in ("CENTER", "CENTRE") else 1.0 if align == "RIGHT" else 0.0
    left = x + shift * avail_width
    # An image's drawn size (reportlab's Image has no width and height of its own); any other flowable's.
    width, height = getattr(inner, "drawWidth", None), getattr(inner, "drawHeight", None)
    if width is None or height is None:
        width, height = inner.width, inner.height
    box = (left, y, left + width, y + height)
    return {"O": "Layout", "BBox": tuple(round(v, 2) for v in box)}


# ---------------------------------------------------------------------------------------------------------
# Writing the tree.


def _prune(elem: StructElem) -> bool:
    """Drop elements that received no content (e.g. a block that drew nothing); True when ``elem`` stays."""
    elem.kids = [k for k in elem.kids if not isinstance(k, StructElem) or _prune(k)]
    return bool(elem.kids or elem.annotations)


def write_structure(canv: Canvas, tagger: Tagger, title: str, language: str, when: datetime) -> None:
    """Add the structure tree, ParentTree, MarkInfo and XMP to the canvas's document (call before save)."""
    doc = pdf_document(canv)
    done = pages(canv)
    page_refs = [doc.Reference(page) for page in done]
    _prune(tagger.root)

    order: list[StructElem] = []
    stack = [tagger.root]
    while stack:
        elem = stack.pop()
        order.append(elem)
        stack.extend(reversed([k for k in elem.kids if isinstance(k, StructElem)]))
    for number, elem in enumerate(order):
        elem.number = number

    def ref(elem: StructElem) -> pdfdoc.PDFObjectReference:
        return pdfdoc.PDFObjectReference(f"pcSE{elem.number}")

    root_name = "pcStructTreeRoot"

    def element(elem: StructElem) -> pdfdoc.PDFDictionary:
        mcid_pages = {k[0] for k in elem.kids if isinstance(k, tuple)}
        one_page = len(mcid_pages) == 1
        kids: list[Any] = []
        for kid in elem.kids:
            if isinstance(kid, StructElem):
                kids.append(ref(kid))
            elif one_page:
                kids.append(kid[1])
            else:
                mcr = {"Type": pdfdoc.PDFName("MCR"), "Pg": page_refs[kid[0]], "MCID": kid[1]}
                kids.append(pdfdoc.PDFDictionary(mcr))
        for page, _, reference in elem.annotations or ():
            objr = {"Type": pdfdoc.PDFName("OBJR"), "Pg": page_refs[page], "Obj": reference}
            kids.append(pdfdoc.PDFDictionary(objr))
        entry: dict[str, Any] = {
            "Type": pdfdoc.PDFName("StructElem"),
            "S": pdfdoc.PDFName(elem.tag),
            "P": ref(elem.parent) if elem.parent is not None else pdfdoc.PDFObjectReference(root_name),
            # A single kid is written bare: the spec allows it and some checkers trip over one-element arrays.
            "K": kids[0] if len(kids) == 1 else pdfdoc.PDFArray(kids),
        }
        if one_page:
            entry["Pg"] = page_refs[next(iter(mcid_pages))]
        if elem.actual_text is not None:
            entry["ActualText"] = pdfdoc.PDFString(elem.actual_text)
        if elem.alt is not None:
            entry["Alt"] = pdfdoc.PDFString(elem.alt)
        if elem.lang is not None:
            entry["Lang"] = pdfdoc.PDFString(elem.lang)
        if elem.attributes:
            entry["A"] = pdfdoc.PDFDictionary({k: _attribute(v) for k, v in elem.attributes.items()})
        return pdfdoc.PDFDictionary(entry)

    # Each link annotation is keyed in the ParentTree after the pages' keys, to its Link element.
    annotation_owners: list[StructElem] = []
    for link in tagger.links:
        for _, annotation, _ in link.annotations or ():
            annotation["StructParent"] = len(done) + len(annotation_owners)
            annotation_owners.append(link)

    def parent_tree(_: None) -> pdfdoc.PDFDictionary:
        nums: list[Any] = []
        for index in range(len(done)):
            nums.extend([index, pdfdoc.PDFArray([ref(owner) for owner in tagger.owners.get(index, [])])])
        for key, owner in enumerate(annotation_owners, start=len(done)):
            nums.extend([key, ref(owner)])
        return pdfdoc.PDFDictionary({"Nums": pdfdoc.PDFArray(nums)})

    for elem in order:  # registered now, in this order, so object numbers are fixed; made when written
        doc.Reference(_Deferred(element, elem), f"pcSE{elem.number}")
    parent_tree_ref = doc.Reference(_Deferred(parent_tree, None))
    tree_root = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("StructTreeRoot"),
            "K": ref(tagger.root),
            "ParentTree": parent_tree_ref,
            "ParentTreeNextKey": len(done) + len(annotation_owners),
        }
    )
    doc.Catalog.StructTreeRoot = doc.Reference(tree_root, root_name)
    doc.Catalog.MarkInfo = pdfdoc.PDFDictionary({"Marked": pdfdoc.PDFtrue})
    doc.Catalog.Metadata = XmpStream(xmp_packet(title, language, when))


def _attribute(value: str | tuple[float, ...]) -> Any:
    if isinstance(value, tuple):
        return pdfdoc.PDFArray(list(value))
    return int(value) if value.isdigit() else pdfdoc.PDFName(value)


class _Deferred(pdfdoc.PDFObject):
    """A PDF object made only when the file is written, then dropped.

    A long release has tens of thousands of structure elements; holding each as a
    PDFDictionary (with its names, references and kid arrays) until reportlab writes the file
    cost ~10 MB per MB of text at the peak.  Made as it is written, each lives only for its own
    formatting; the bytes are the same, since reportlab formats the object just as it would have.
    """

    # No __dict__ per object: reportlab adds only __InternalName__ (not mangled: it ends in "__").
    __slots__ = ("__InternalName__", "_make", "_of")

    def __init__(self, make: Callable[[Any], Any], of: Any) -> None:
        self._make, self._of = make, of

    def format(self, document: Any) -> bytes:
        data: bytes = pdfdoc.format(self._make(self._of), document, toplevel=1)
        return data
