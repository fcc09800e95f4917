"""A model Figure as an inline picture with its description, then its caption and credit.

The picture is the wp:inline python-docx's ``add_picture`` builds (through
``pressconv.compat.docx``), its wp:docPr ``descr`` the figure's alt text (what
Word shows as Alt Text and screen readers read).  Image parts are named by
content hash (``word/media/image-<sha256[:16]>.png``), so the same picture twice
is one part and the bytes never depend on order or chance.  A picture wider
than the text is scaled down to the text width.  A figure with no embedded
image (a web address only) keeps its alt text as a link to it; an image Word
cannot show is reported and its alt text kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]

from pressconv.model import Figure, Mark, Marks
from pressconv.writers.docx.ooxml import w
from pressconv.writers.docx.relations import RT_IMAGE, Relations
from pressconv.writers.docx.styles import TextKind
from pressconv.writers.docx.tables import TEXT_WIDTH

_EMU_PER_TWIP = 635

#: Writes ``text`` with its ``marks`` into a new paragraph of style ``style_id`` under ``parent``.
Writer = Callable[[etree._Element, str, str, Marks], etree._Element]


@dataclass(slots=True)
class Media:
    """The pictures of one document: zip name -> (bytes, media type), and the shapes drawn."""

    parts: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    shapes: int = 0
    unplaceable: int = 0
    """Embedded images Word cannot show (an SVG, a WebP …): their alt text is kept instead."""


def figure(
    parent: etree._Element,
    model: Figure,
    ids: dict[TextKind, str],
    paragraph: Writer,
    relations: Relations,
    media: Media,
) -> None:
    """Append the picture paragraph, the caption and the credit to ``parent``."""
    facts = None
    if model.data is not None:
        from pressconv.compat import docx as compat

        facts = compat.image_facts(model.data)
        if facts is None:
            media.unplaceable += 1
    if model.data is not None and facts is not None:
        media_type, extension, cx, cy = facts
        digest = hashlib.sha256(model.data).hexdigest()[:16]
        name = f"image-{digest}.{extension}"
        media.parts[f"word/media/{name}"] = (model.data, media_type)
        rel_id = relations.internal("Img", RT_IMAGE, f"media/{name}")
        limit = TEXT_WIDTH * _EMU_PER_TWIP
        if cx > limit:
            cx, cy = limit, max(1, cy * limit // cx)
        media.shapes += 1
        from pressconv.compat import docx as compat

        inline = compat.picture_inline(media.shapes, rel_id, name, cx, cy)
        doc_pr = inline.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        if doc_pr is not None:
            doc_pr.set("descr", model.alt)
        p = paragraph(parent, ids["figure"], "", ())
        etree.SubElement(etree.SubElement(p, w("r")), w("drawing")).append(inline)
    elif model.alt:
        # No picture to embed: the alt text stands in its place, linked to the image when it has an address.
        marks = (Mark(0, len(model.alt), "link", model.src),) if model.src else ()
        paragraph(parent, ids["figure"], model.alt, marks)
    if model.caption:
        paragraph(parent, ids["caption"], model.caption, model.caption_marks)
    if model.credit:
        paragraph(parent, ids["credit"], model.credit, ())
