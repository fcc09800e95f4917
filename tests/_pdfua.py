"""PDF bytes -> a report on the PDF/UA points a script can decide (pikepdf for structure, pdfminer for text).

Checked: MarkInfo (Marked, not Suspects), /Lang, DisplayDocTitle, XMP
(dc:title, dc:language, pdfuaid:part 1), Info title = XMP title,
StructTreeRoot with standard types only, lists nested L > LI > Lbl/LBody,
tables Table > TR > TH/TD, every Figure with /Alt, every link annotation with
/Contents and owned (OBJR, StructParent in the ParentTree) by a Link element,
headings starting at H1 without skipped levels, every page with StructParents
and Tabs /S, every painting operator inside an MCID sequence or an Artifact
(never one inside the other), MCIDs unique per page, ParentTree and tree
agreeing both ways, every font embedded with a ToUnicode map.
``Report.elements`` gives the tree's text per element, in reading order, so
tests can compare it with the model's words.

Not decidable here (needs veraPDF/PAC and a person): whether tags fit the
meaning, whether artifacts really are artifacts, alt text, contrast, glyph
widths (ISO 32000 7.21.5).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pikepdf
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

STANDARD = frozenset(
    [
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    ]
)
PAINT = frozenset(
    {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI", "INLINE IMAGE"}
)


@dataclass
class Report:
    """What the checker found."""

    failures: list[str] = field(default_factory=list)
    tagged_ops: int = 0
    artifact_ops: int = 0
    untagged_ops: int = 0
    elements: list[tuple[str, str]] = field(default_factory=list)
    """(structure type, text) for every element that owns content, in reading order."""
    types: dict[str, int] = field(default_factory=dict)
    """How many elements of each structure type."""
    links: int = 0
    """Link structure elements."""
    link_annotations: int = 0
    """Link annotations on the pages."""

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def text_words(self, skip: frozenset[str] = frozenset()) -> list[str]:
        """The words of the tree's text in reading order, leaving out elements of the ``skip`` types."""
        return [w for tag, text in self.elements if tag not in skip for w in text.split()]


class _TextByMcid(PDFDevice):  # type: ignore[misc]
    """A pdfminer device that collects decoded text per (page index, MCID)."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.page = -1
        self.stack: list[int | None] = []
        self.text: dict[tuple[int, int], str] = {}

    def begin_page(self, page: Any, ctm: Any) -> None:
        self.page += 1
        self.stack = []

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append(mcid if isinstance(mcid, int) else None)

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        mcid = next((m for m in reversed(self.stack) if m is not None), None)
        if mcid is None:
            return
        font = textstate.font
        out = []
        for obj in seq:
            if isinstance(obj, bytes):
                for cid in font.decode(obj):
                    try:
                        out.append(font.to_unichr(cid))
                    except Exception:  # an unmapped code is simply not text
                        out.append("\ufffd")
        key = (self.page, mcid)
        self.text[key] = self.text.get(key, "") + "".join(out)


def _mcid_text(data: bytes) -> dict[tuple[int, int], str]:
    rsrc = PDFResourceManager()
    device = _TextByMcid(rsrc)
    interpreter = PDFPageInterpreter(rsrc, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
    return device.text


def _fonts(resources: Any, report: Report, seen: set[tuple[int, int]]) -> None:
    if resources is None:
        return
    for _, font in (resources.get("/Font") or {}).items():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        name = str(font.get("/BaseFont"))
        if "/ToUnicode" not in font:
            report.fail(f"font {name} has no ToUnicode")
        target = font
        if font.get("/Subtype") == "/Type0":
            target = font["/DescendantFonts"][0]
        desc = target.get("/FontDescriptor")
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            report.fail(f"font {name} is not embedded")
    for _, xobj in (resources.get("/XObject") or {}).items():
        if xobj.get("/Subtype") == "/Form":
            _fonts(xobj.get("/Resources"), report, seen)


def _walk_content(page: Any, index: int, report: Report) -> dict[int, int]:
    """Checks marked content on one page; returns MCID -> count of occurrences."""
    mcids: dict[int, int] = {}
    stack: list[str] = []  # "mcid", "artifact" or "other" per open sequence
    for instr in pikepdf.parse_content_stream(page):
        op = str(instr.operator)
        if op in ("BDC", "BMC"):
            tag = str(instr.operands[0])
            props = instr.operands[1] if op == "BDC" else None
            if tag == "/Artifact":
                if "mcid" in stack:
                    report.fail(f"page {index + 1}: Artifact inside tagged content")
                stack.append("artifact")
            elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                if "artifact" in stack:
                    report.fail(f"page {index + 1}: tagged content inside an Artifact")
                mcid = int(props["/MCID"])
                mcids[mcid] = mcids.get(mcid, 0) + 1
                stack.append("mcid")
            else:
                stack.append("other")
        elif op == "EMC":
            if not stack:
                report.fail(f"page {index + 1}: EMC without BDC")
            else:
                stack.pop()
        elif op in PAINT:
            if "mcid" in stack:
                report.tagged_ops += 1
            elif "artifact" in stack:
                report.artifact_ops += 1
            else:
                report.untagged_ops += 1
    if stack:
        report.fail(f"page {index + 1}: {len(stack)} marked-content sequences left open")
    for mcid, count in mcids.items():
        if count > 1:
            report.fail(f"page {index + 1}: MCID {mcid} used {count} times")
    return mcids


def check(data: bytes) -> Report:
    """Every machine-checkable point above, on one PDF."""
    report = Report()
    pdf = pikepdf.open(io.BytesIO(data))
    root = pdf.Root
    if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
        report.fail("MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")):
        report.fail("catalog has no /Lang")
    prefs = root.get("/ViewerPreferences")
    if not (prefs and bool(prefs.get("/DisplayDocTitle"))):
        report.fail("DisplayDocTitle is not true")
    if pdf.pdf_version < "1.7":
        report.fail(f"PDF version {pdf.pdf_version} < 1.7")
    if bool(root.get("/MarkInfo", {}).get("/Suspects", False)):
        report.fail("MarkInfo /Suspects is true")
    info_title = str(pdf.docinfo.get("/Title", ""))
    if not info_title:
        report.fail("Info has no /Title")
    if "/Metadata" not in root:
        report.fail("no XMP metadata")
    else:
        xmp = root.Metadata.read_bytes().decode("utf-8")
        title = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
        if not title:
            report.fail("XMP has no dc:title")
        elif _xml_unescape(title.group(1)) != info_title:
            report.fail("XMP dc:title differs from Info /Title")
        if not re.search(r"<dc:language>.*?<rdf:li>[^<]+</rdf:li>", xmp, re.S):
            report.fail("XMP has no dc:language")
        if not re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp):
            report.fail("XMP has no pdfuaid:part 1")
    if "/StructTreeRoot" not in root:
        report.fail("no StructTreeRoot")
        return report

    page_index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    content_mcids: dict[int, dict[int, int]] = {}
    seen_fonts: set[tuple[int, int]] = set()
    for i, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            report.fail(f"page {i + 1} has no StructParents")
        if page.obj.get("/Tabs") != "/S":
            report.fail(f"page {i + 1} has no /Tabs /S")
        content_mcids[i] = _walk_content(page, i, report)
        _fonts(page.obj.get("/Resources"), report, seen_fonts)
    if report.untagged_ops:
        report.fail(f"{report.untagged_ops} painting operators neither tagged nor Artifact")

    text = _mcid_text(data)
    tree = root.StructTreeRoot
    owners: dict[tuple[int, int], tuple[int, int]] = {}  # (page, mcid) -> element objgen
    objr_owners: dict[tuple[int, int], tuple[int, int]] = {}  # annotation objgen -> element objgen

    headings: list[int] = []

    def walk(elem: Any, parent_tag: str = "") -> None:
        tag = str(elem.get("/S"))[1:]
        report.types[tag] = report.types.get(tag, 0) + 1
        if tag not in STANDARD:
            report.fail(f"non-standard structure type {tag}")
        # Matterhorn 09-004/09-005: list items only in lists, labels and bodies only in items.
        allowed_parent = _PARENTS.get(tag)
        if allowed_parent and parent_tag not in allowed_parent:
            report.fail(f"{tag} inside {parent_tag or 'the root'}")
        if parent_tag == "L" and tag not in ("LI", "Caption"):
            report.fail(f"{tag} directly inside L")
        if re.fullmatch(r"H[1-6]", tag):
            headings.append(int(tag[1]))
        if tag == "Figure" and not str(elem.get("/Alt", "")).strip():
            report.fail("Figure without /Alt")  # Matterhorn 13-004
        if tag == "Figure" and not _has_bbox(elem):
            # ISO 32000-1 Table 344: a Figure's Layout attributes give the box it occupies on the page.
            report.fail("Figure without a Layout /BBox")
        if tag == "Link":
            report.links += 1
        pg = elem.get("/Pg")
        kids = elem.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        parts: list[str] = []
        for kid in kids:
            if isinstance(kid, int | pikepdf.Object) and _is_int(kid):
                if pg is None:
                    report.fail(f"{tag}: MCID kid without /Pg")
                    continue
                key = (page_index[pg.objgen], int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                key = (page_index[kid.Pg.objgen], int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                # Matterhorn 28-011: an annotation is owned by a structure element (Link for a link).
                annotation = kid.Obj
                objr_owners[annotation.objgen] = elem.objgen
                if tag != "Link" and annotation.get("/Subtype") == "/Link":
                    report.fail(f"link annotation owned by {tag}, not Link")
                continue
            elif isinstance(kid, pikepdf.Dictionary):
                if kid.get("/P") is None or kid.P.objgen != elem.objgen:
                    report.fail(f"{kid.get('/S')} does not point back to its parent {tag}")
                walk(kid, tag)
                continue
            else:
                report.fail(f"{tag}: unexpected kid {kid!r}")
                continue
            if key in owners:
                report.fail(f"MCID {key} owned twice")
            owners[key] = elem.objgen
            if key[1] not in content_mcids.get(key[0], {}):
                report.fail(f"{tag}: MCID {key} not in the page content")
            parts.append(text.get(key, ""))
        if parts:
            report.elements.append((tag, "".join(parts)))

    top = tree.get("/K")
    for kid in list(top) if isinstance(top, pikepdf.Array) else [top]:
        walk(kid)
    # Matterhorn 14-002/14-003: the first heading is H1 and no level is skipped on the way down.
    if headings and headings[0] != 1:
        report.fail(f"first heading is H{headings[0]}")
    for before, after in pairwise(headings):
        if after > before + 1:
            report.fail(f"heading level skips from H{before} to H{after}")

    nums = tree.ParentTree.get("/Nums")
    parent_tree: dict[int, Any] = {}
    if nums is None:
        report.fail("ParentTree is not a flat /Nums tree")
    else:
        for k in range(0, len(nums), 2):
            parent_tree[int(nums[k])] = nums[k + 1]
    for i, page in enumerate(pdf.pages):
        key = int(page.obj.get("/StructParents", -1))
        array = parent_tree.get(key)
        for mcid in content_mcids[i]:
            if array is None or mcid >= len(array):
                report.fail(f"page {i + 1}: MCID {mcid} missing from the ParentTree")
            elif owners.get((i, mcid)) != array[mcid].objgen:
                report.fail(f"page {i + 1}: ParentTree maps MCID {mcid} to the wrong element")
            if (i, mcid) not in owners:
                report.fail(f"page {i + 1}: MCID {mcid} belongs to no structure element")
    # Matterhorn 28-002/28-008/28-011: every link annotation has /Contents, a StructParent the
    # ParentTree maps to the element owning it through an OBJR, and the page tab order follows structure.
    for i, page in enumerate(pdf.pages):
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            report.link_annotations += 1
            if not str(annotation.get("/Contents", "")).strip():
                report.fail(f"page {i + 1}: link annotation without /Contents")
            key = annotation.get("/StructParent")
            owner = objr_owners.get(annotation.objgen)
            if key is None or owner is None:
                report.fail(f"page {i + 1}: link annotation outside the structure tree")
            elif parent_tree.get(int(key)) is None or parent_tree[int(key)].objgen != owner:
                report.fail(f"page {i + 1}: ParentTree maps a link annotation to the wrong element")
    if parent_tree and int(tree.get("/ParentTreeNextKey", 0)) <= max(parent_tree):
        report.fail("ParentTreeNextKey is not above every ParentTree key")
    return report


_PARENTS = {
    "LI": ("L",),
    "Lbl": ("LI",),
    "LBody": ("LI",),
    "TR": ("Table", "THead", "TBody", "TFoot"),
    "TH": ("TR",),
    "TD": ("TR",),
}


def _is_int(obj: Any) -> bool:
    try:
        int(obj)
    except (TypeError, ValueError):
        return False
    return not isinstance(obj, pikepdf.Dictionary | pikepdf.Array)


def _xml_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def _has_bbox(elem: Any) -> bool:
    """Whether a structure element's attributes (one dictionary or an array of them) give a four-number
    /BBox with the Layout owner."""
    attributes = elem.get("/A")
    if attributes is None:
        return False
    found = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(
        isinstance(a, pikepdf.Dictionary) and a.get("/O") == "/Layout" and len(a.get("/BBox", [])) == 4
        for a in found
    )
