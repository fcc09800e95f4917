"""The writer's own flowables: a list item with its label in a gutter, a quote behind its rule, a rule.

Each draws its parts inside marked content for their structure elements (``tagging``).
"""

from __future__ import annotations

from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pressconv.writers.pdf.styles import Styles
from pressconv.writers.pdf.tagging import LAYOUT, REDUNDANT, StructElem, marked


class ListItem(Flowable):
    """A list item: label (Lbl) in the gutter beside the body (LBody); only the first part has the label.

    The gutter is on the left, or on the right for a right-to-left item.
    """

    def __init__(
        self,
        label: RLParagraph | None,
        body: Flowable,
        indent: float,
        lbl: StructElem,
        lbody: StructElem,
        space_after: float | None = None,
        rtl: bool = False,
        offset: float = 0.0,
    ) -> None:
        """``space_after`` overrides the body's, for the last item of a list; ``offset`` is the indent
        of a nested item's gutter."""
        super().__init__()
        self.label, self.body, self.indent, self.lbl, self.lbody = label, body, indent, lbl, lbody
        self.space_after, self.rtl, self.offset = space_after, rtl, offset

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.body_height = self.body.wrap(avail_width - self.indent - self.offset, avail_height)
        if self.label is not None:
            self.label.wrap(self.indent, avail_height)
        self.width, self.height = avail_width, self.body_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width - self.indent - self.offset, avail_height)
        last = len(parts) - 1
        return [
            ListItem(
                self.label if i == 0 else None,
                part,
                self.indent,
                self.lbl,
                self.lbody,
                self.space_after if i == last else None,
                self.rtl,
                self.offset,
            )
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.space_after if self.space_after is not None else self.body.getSpaceAfter())

    def draw(self) -> None:
        canv = self.canv
        if self.rtl:
            label_x, body_x = self.width - self.indent - self.offset, 0.0
        else:
            label_x, body_x = self.offset, self.offset + self.indent
        if self.label is not None:
            with marked(canv, self.lbl):
                self.label.drawOn(canv, label_x, self.body_height - self.label.height)
        with marked(canv, self.lbody):
            self.body.drawOn(canv, body_x, 0)


class QuoteBlock(Flowable):
    """A quote (P inside BlockQuote) behind a rule, with its speaker line (an artifact) under the last part.

    One flowable rather than two kept together: the speaker line can never start a
    page alone, and no KeepTogether re-wraps the quote on every frame.
    """

    def __init__(
        self, body: Flowable, speaker: RLParagraph | None, elem: StructElem, styles: Styles, end: bool = True
    ) -> None:
        """``end``: this is the quote's last part, which keeps the space a speaker line would leave."""
        super().__init__()
        self.body, self.speaker, self.elem, self.styles, self.end = body, speaker, elem, styles, end

    def _speaker_height(self, avail_width: float, avail_height: float) -> float:
        if self.speaker is None:
            return 0.0
        _, height = self.speaker.wrap(avail_width, avail_height)
        return float(height + self.speaker.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.body_height = self.body.wrap(avail_width, avail_height)
        self.width, self.height = (
            avail_width,
            self.body_height + self._speaker_height(avail_width, avail_height),
        )
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width, avail_height)
        if len(parts) < 2:
            # The words fit but the speaker line does not: carry the last lines over with it.
            room = avail_height - self._speaker_height(avail_width, avail_height)
            parts = self.body.split(avail_width, room)
            if len(parts) < 2:
                return []
        last = len(parts) - 1
        return [
            QuoteBlock(
                part, self.speaker if i == last else None, self.elem, self.styles, self.end and i == last
            )
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        if self.speaker is not None:
            return float(self.speaker.getSpaceAfter())
        if self.end:  # no speaker line shown: the quote is still set apart from the text after it
            return float(max(self.body.getSpaceAfter(), self.styles.speaker.spaceAfter))
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        canv, m = self.canv, self.styles.measures
        top = self.height
        with marked(canv, LAYOUT):
            canv.saveState()
            canv.setStrokeColor(self.styles.rule_color)
            canv.setLineWidth(m.quote_rule_width)
            if getattr(self.body, "rtl", False):  # the rule stands where a right-to-left line starts
                rule_x = self.width - self.styles.quote.rightIndent + m.quote_rule_x
            else:
                rule_x = self.styles.quote.leftIndent - m.quote_rule_x
            canv.line(rule_x, top - self.body_height + 2, rule_x, top - 1)
            canv.restoreState()
        with marked(canv, self.elem):
            self.body.drawOn(canv, 0, top - self.body_height)
        if self.speaker is not None:
            # The speaker's name is not in the model's words (the attribution in the quote is), so
            # assistive technology skips it: an artifact, not a P.
            with marked(canv, REDUNDANT):
                self.speaker.drawOn(canv, 0, 0)


class Rule(Flowable):
    """A thin full-width rule, a layout artifact, that sets the "About" boilerplate apart from the body."""

    def __init__(self, styles: Styles) -> None:
        super().__init__()
        self.styles = styles
        self.keepWithNext = 1  # never alone at a page foot, away from the heading it introduces

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 1.0
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.styles.boilerplate_heading.spaceBefore)

    def draw(self) -> None:
        with marked(self.canv, LAYOUT):
            self.canv.saveState()
            self.canv.setStrokeColor(self.styles.rule_color)
            self.canv.setLineWidth(0.5)
            self.canv.line(0, 0.5, self.width, 0.5)
            self.canv.restoreState()
