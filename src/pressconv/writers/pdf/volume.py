"""A press kit's contents page: the kit's title, then one linked entry per release with its first page.

Tagged ``H1`` for the title and ``TOC`` > ``TOCI`` for the entries; each entry's words are a
``Link`` (an annotation to the release's headline bookmark) and its page number follows inside
the ``TOCI``.  The page a release starts on is known only once it is laid out, so each number is
a form XObject named here and filled in at save time (as the footer's page count is); a
zero-size ``PageMark`` at the head of each release records the page.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pressconv.writers.pdf.canvas import PressCanvas
from pressconv.writers.pdf.styles import Styles
from pressconv.writers.pdf.tagging import Marked, StructElem, marked

#: Room kept at the right of an entry for its page number.
_NUMBER_WIDTH = 36


def page_form(number: int) -> str:
    """The name of the form that shows the page release ``number`` (from 1) starts on."""
    return f"pcKitPage{number}"


class PageMark(Flowable):
    """Draws nothing; records the page it lands on (the first page of a release)."""

    def __init__(self, pages: dict[int, int], number: int) -> None:
        super().__init__()
        self.pages, self.number = pages, number

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.pages[self.number] = self.canv.getPageNumber()


class TocEntry(Flowable):
    """One release in the contents: its headline (a link to it) and, right-aligned, its first page."""

    def __init__(
        self, title: RLParagraph, words: str, number: int, destination: str, toci: StructElem, styles: Styles
    ) -> None:
        super().__init__()
        self.title, self.words, self.number, self.destination = title, words, number, destination
        self.toci, self.link, self.styles = toci, toci.add("Link"), styles

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self.title.wrap(avail_width - _NUMBER_WIDTH, avail_height)
        self.width, self.height = avail_width, height
        return self.width, self.height

    def getSpaceAfter(self) -> float:
        return 6.0

    def draw(self) -> None:
        canv = self.canv
        with marked(canv, self.link):
            self.title.drawOn(canv, 0, 0)
            if isinstance(canv, PressCanvas):
                canv.link_to(self.destination, (0, 0, self.width, self.height), self.words)
        with marked(canv, self.toci):  # the number's baseline on the title's last line
            canv.saveState()
            canv.translate(self.width, self.title.style.leading * 0.22)
            canv.doForm(page_form(self.number))
            canv.restoreState()


def define_page_forms(canv: Canvas, pages: dict[int, int], styles: Styles) -> None:
    """Each release's page-number form, right-aligned at its origin (call before save)."""
    face, size = styles.toc.fontName, styles.toc.fontSize
    for number, page in sorted(pages.items()):
        canv.beginForm(page_form(number), lowerx=-_NUMBER_WIDTH, lowery=-10, upperx=2, uppery=40)
        canv.setFont(face, size)
        canv.setFillColor(styles.toc.textColor)
        canv.drawRightString(0, 0, str(page))
        canv.endForm()


def contents(
    title: RLParagraph,
    entries: list[tuple[str, RLParagraph, str]],
    styles: Styles,
    root: StructElem,
    bookmark: Callable[[Canvas, float, float], None],
) -> list[Flowable]:
    """The contents page's flowables: the kit's ``title`` (H1) and one entry per release, given as
    (its words, its paragraph in the ``toc`` style, the destination of its headline)."""
    flowables: list[Flowable] = [Marked(title, root.add("H1"), on_first_draw=bookmark)]
    toc = root.add("TOC")
    for number, (words, paragraph, destination) in enumerate(entries, start=1):
        flowables.append(TocEntry(paragraph, words, number, destination, toc.add("TOCI"), styles))
    return flowables
