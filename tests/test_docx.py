"""DOCX writer: styles read back with python-docx, words in order, golden parts, stable bytes, templates.

Golden files under tests/golden/docx/<case>/ hold the unzipped parts as
canonical XML (C14N 2.0, then indented), not bytes, so a diff shows what
changed.  ``word/styles.xml`` is reduced to the document defaults and the
styles of the writer's style map (the rest is python-docx's template,
verbatim).  Regenerate after a deliberate change, then review the diff:

    PRESSCONV_REGEN=1 .venv/bin/pytest tests/test_docx.py -k golden
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from pressconv import serialize
from pressconv.decode import clean
from pressconv.errors import Notes, WriterError
from pressconv.model import Document, ListBlock, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.readers.text import read_text
from pressconv.writers import docx as docx_writer
from pressconv.writers.docx.styles import STYLES

GOLDEN = Path(__file__).parent / "golden" / "docx"
SAMPLE = Path(__file__).resolve().parent.parent / "source" / "pentagon-briefing.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

DATELINE = "GENEVA, March 3, 2025 —"


def features() -> Document:
    """One of everything the writer renders, in the order a reader expects it."""
    return Document(
        headline="Relief Agency Opens Three Field Clinics",
        subtitle="Mobile teams reach 40,000 people a month",
        dateline=DATELINE,
        metadata=Metadata(
            title="Relief Agency Opens Three Field Clinics",
            byline="Ana Ruiz",
            date="2025-03-03",
            language="en-US",
            identifier="abc123",
            keywords=("health", "clinics"),
            release="FOR IMMEDIATE RELEASE",
            contacts=("Media contact:\nAna Ruiz\npress@example.org",),
            end_mark="###",
            publisher="Example Relief",
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph(f"{DATELINE} The agency opened three clinics today."),
                    Quote("“We go where the need is,” said Dr. Lena Ortiz.", "Lena Ortiz", "said Dr. Lena"),
                    ListBlock(False, ("Vaccines for children", "Clean water", "Maternal care")),
                    ListBlock(True, ("Register", "Visit")),
                    Quote("“Nobody told us,” a resident said.", None, "a resident said"),
                ),
            ),
            Section(
                "What Comes Next",
                (
                    Paragraph("Two more clinics open in June."),
                    ListBlock(True, ("Hire staff", "Train volunteers")),
                ),
            ),
            Section(
                "About Example Relief",
                (Paragraph("Example Relief works in 30 countries."),),
                role="boilerplate",
            ),
        ),
    )


FEATURES_STYLES = [
    ("Publisher", "Example Relief"),  # the letterhead, above the release line (#21)
    ("Release Line", "FOR IMMEDIATE RELEASE"),
    ("Title", "Relief Agency Opens Three Field Clinics"),
    ("Subtitle", "Mobile teams reach 40,000 people a month"),
    ("Byline", "Ana Ruiz"),
    ("Body Text", f"{DATELINE} The agency opened three clinics today."),
    ("Quote", "“We go where the need is,” said Dr. Lena Ortiz."),
    ("List Bullet", "Vaccines for children"),
    ("List Bullet", "Clean water"),
    ("List Bullet", "Maternal care"),
    ("List Number", "Register"),
    ("List Number", "Visit"),
    ("Quote", "“Nobody told us,” a resident said."),
    ("Heading 1", "What Comes Next"),
    ("Body Text", "Two more clinics open in June."),
    ("List Number", "Hire staff"),
    ("List Number", "Train volunteers"),
    ("Boilerplate Heading", "About Example Relief"),
    ("Boilerplate", "Example Relief works in 30 countries."),
    ("Contact", "Media contact:\nAna Ruiz\npress@example.org"),
    ("End Mark", "###"),
]


def pentagon() -> Document:
    return serialize.loads((GOLDEN / "pentagon-briefing.model.json").read_text(encoding="utf-8"))


def render(document: Document, options: WriteOptions | None = None, notes: Notes | None = None) -> bytes:
    return docx_writer.write(document, options or WriteOptions(), notes if notes is not None else Notes())


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def model_words(document: Document) -> list[str]:
    """The model's words in the writer's order: letterhead, release, headline, dek, byline, body, contacts,
    end mark."""
    meta = document.metadata
    texts = [
        meta.publisher or "",
        meta.release or "",
        document.headline,
        document.subtitle or "",
        meta.byline or "",
    ]
    sections = [s for s in document.sections if s.role == "body"] + [
        s for s in document.sections if s.role == "boilerplate"
    ]
    for section in sections:
        texts.append(section.heading or "")
        for block in section.blocks:
            texts.extend(block.items if isinstance(block, ListBlock) else [block.text])
    texts += [*meta.contacts, meta.end_mark or ""]
    return [word for text in texts for word in clean(text, Notes()).split()]


def output_words(data: bytes) -> list[str]:
    return [word for p in reopen(data).paragraphs for word in p.text.split()]


# --- structure ---------------------------------------------------------------------------------


def test_every_block_wears_its_style() -> None:
    found = [(p.style.name, p.text) for p in reopen(render(features())).paragraphs]
    assert found == FEATURES_STYLES


def test_sample_reads_back_as_title_two_headings_and_nine_quotes() -> None:
    document = pentagon()
    paragraphs = reopen(render(document)).paragraphs
    names = [p.style.name for p in paragraphs]
    assert names[0] == "Title"
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == [
        "Potential Iranian Retaliation Against Israel",
        "Humanitarian Assistance in Gaza",
    ]
    assert names.count("Quote") == sum(isinstance(b, Quote) for b in document.blocks())
    assert names.count("Quote") >= 9


@pytest.mark.parametrize("make", [features, pentagon], ids=["features", "pentagon"])
def test_every_word_comes_back_in_order(make: object) -> None:
    document = make()  # type: ignore[operator]
    assert output_words(render(document)) == model_words(document)


def test_placeholder_reader_output_round_trips() -> None:
    document = read_text(SAMPLE.read_text(encoding="utf-8"))
    assert output_words(render(document)) == model_words(document)


def test_dateline_is_a_styled_run_inside_the_first_paragraph_not_a_copy() -> None:
    body = etree.fromstring(parts(render(features()))["word/document.xml"])
    first = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='BodyText']", namespaces=NS)[0]
    runs = first.xpath("w:r", namespaces=NS)
    assert runs[0].xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) == "Dateline"
    assert runs[0].xpath("string(w:t)", namespaces=NS) == DATELINE
    assert body.xpath("string(.)", namespaces=NS).count("GENEVA") == 1


def test_speakers_are_custom_properties_tied_to_quote_bookmarks() -> None:
    files = parts(render(features()))
    custom = etree.fromstring(files["docProps/custom.xml"])
    properties = {p.get("name"): p[0].text for p in custom}
    assert properties == {"Quote 1 speaker": "Lena Ortiz"}  # the second quote has no known speaker
    body = etree.fromstring(files["word/document.xml"])
    quotes = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Quote']", namespaces=NS)
    names = [q.xpath("string(w:bookmarkStart/@w:name)", namespaces=NS) for q in quotes]
    assert names == ["_Quote_1", "_Quote_2"]


def test_second_ordered_list_restarts_at_one() -> None:
    files = parts(render(features()))
    body = etree.fromstring(files["word/document.xml"])
    numbered = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='ListNumber']", namespaces=NS)
    ids = [p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) for p in numbered]
    assert ids[:2] == ["", ""]  # the first list takes the style's own numbering
    assert ids[2] == ids[3] != ""
    numbering = etree.fromstring(files["word/numbering.xml"])
    start = numbering.xpath(f"//w:num[@w:numId='{ids[2]}']//w:startOverride/@w:val", namespaces=NS)
    assert start == ["1"]


def test_pandoc_sees_the_headings_as_level_one_headers(tmp_path: Path) -> None:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc not installed")
    target = tmp_path / "x.docx"
    target.write_bytes(render(pentagon()))
    native = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "native", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert len(re.findall(r"Header\s+1\b", native)) == 2
    assert "Potential" in native and "Humanitarian" in native


# --- metadata and page furniture ---------------------------------------------------------------


def test_core_properties_come_from_the_document() -> None:
    props = reopen(render(features())).core_properties
    assert props.title == "Relief Agency Opens Three Field Clinics"
    assert props.subject == "Mobile teams reach 40,000 people a month"
    assert props.author == "Ana Ruiz"
    assert props.keywords == "health, clinics"
    assert props.language == "en-US"
    assert props.identifier == "abc123"
    assert props.revision == 1
    for stamp in (props.created, props.modified, props.last_printed):
        assert stamp is not None and stamp.isoformat() == "2025-03-03T00:00:00+00:00"


def test_dates_fall_back_to_source_date_epoch_never_the_clock_or_template() -> None:
    undated = replace(features(), metadata=replace(features().metadata, date=None))
    props = reopen(render(undated, WriteOptions(source_date_epoch=1_700_000_000))).core_properties
    assert props.created is not None and props.created.isoformat() == "2023-11-14T22:13:20+00:00"
    props = reopen(render(undated)).core_properties
    assert props.created is not None and props.created.year == 1980  # not python-docx's 2013 template date


def test_document_language_is_the_default_run_language() -> None:
    def lang(document: Document) -> dict[str, str]:
        styles = etree.fromstring(parts(render(document))["word/styles.xml"])
        (element,) = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang", namespaces=NS)
        return {etree.QName(k).localname: v for k, v in element.attrib.items()}

    assert lang(features())["val"] == "en-US"
    german = replace(features(), metadata=replace(features().metadata, language="de-DE"))
    assert lang(german)["val"] == "de-DE"
    japanese = replace(features(), metadata=replace(features().metadata, language="ja"))
    assert lang(japanese)["eastAsia"] == "ja"


def test_no_stale_clean_spelling_mark() -> None:
    settings_xml = parts(render(features()))["word/settings.xml"]
    assert b"proofState" not in settings_xml


def test_footer_has_real_page_and_numpages_fields() -> None:
    data = render(features())
    section = reopen(data).sections[-1]
    assert section.footer.paragraphs[0].text == "Page 1 of 1"
    footer = next(v for k, v in parts(data).items() if re.fullmatch(r"word/footer\d*\.xml", k))
    instructions = etree.fromstring(footer).xpath("//w:instrText/text()", namespaces=NS)
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]


def test_footer_words_follow_the_language() -> None:
    german = replace(features(), metadata=replace(features().metadata, language="de"))
    assert reopen(render(german)).sections[-1].footer.paragraphs[0].text == "Seite 1 von 1"


@pytest.mark.parametrize(
    ("language", "page_size", "width"),
    [("en-US", None, 12240), ("en-GB", None, 11906), ("de", None, 11906), ("en-US", "a4", 11906)],
)
def test_page_size(language: str, page_size: str | None, width: int) -> None:
    document = replace(features(), metadata=replace(features().metadata, language=language))
    section = reopen(render(document, WriteOptions(page_size=page_size))).sections[-1]  # type: ignore[arg-type]
    assert section.page_width is not None and section.page_width.twips == width
    assert section.left_margin is not None and section.left_margin.inches == 1


# --- bad text ----------------------------------------------------------------------------------


def test_markup_looking_text_and_control_characters() -> None:
    notes = Notes()
    document = Document(
        headline="<script>alert(1)</script> & <b>bold</b>",
        sections=(Section(None, (Paragraph("a < b &amp; c\x01 d\x0b e\ufffe"), Paragraph("tab\there\x02"))),),
    )
    data = render(document, notes=notes)
    texts = [p.text for p in reopen(data).paragraphs]
    assert texts == ["<script>alert(1)</script> & <b>bold</b>", "a < b &amp; c d e", "tab\there"]
    assert [w.code for w in notes.items] == ["control-chars"]
    assert "removed 4 " in notes.items[0].message  # one warning for the document, every character counted


def test_two_thousand_paragraphs() -> None:
    blocks = tuple(Paragraph(f"Paragraph number {i} of the long release.") for i in range(2000))
    document = Document(headline="Long", sections=(Section(None, blocks),))
    paragraphs = reopen(render(document)).paragraphs
    assert len(paragraphs) == 2001
    assert paragraphs[-1].text == "Paragraph number 1999 of the long release."
    assert output_words(render(document)) == model_words(document)


# --- determinism -------------------------------------------------------------------------------


def test_same_bytes_twice_and_a_sound_zip() -> None:
    first, second = render(features()), render(features())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
    assert [i.filename for i in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    rest = [i.filename for i in infos[2:]]
    assert rest == sorted(rest)


def test_same_bytes_in_separate_processes(tmp_path: Path) -> None:
    script = (
        "import sys; from pressconv import serialize; from pressconv.errors import Notes; "
        "from pressconv.options import WriteOptions; from pressconv.writers import docx; "
        "doc = serialize.loads(open(sys.argv[1], encoding='utf-8').read()); "
        "sys.stdout.buffer.write(docx.write(doc, WriteOptions(), Notes()))"
    )
    fixture = str(GOLDEN / "pentagon-briefing.model.json")
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script, fixture],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] == render(pentagon())


def test_importing_the_writer_does_not_import_python_docx() -> None:
    code = "import sys, pressconv.writers.docx; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- reference documents -----------------------------------------------------------------------


def _reference(
    tmp_path: Path, *, drop: tuple[str, ...] = (), a4: bool = False, footer: str | None = None
) -> Path:
    template = docx.Document()
    styles = template.styles.element
    for name in drop:
        for style in styles.xpath(f"w:style[w:name/@w:val='{name}']"):
            styles.remove(style)
    section = template.sections[0]
    if a4:
        section.page_width, section.page_height = docx.shared.Mm(210), docx.shared.Mm(297)
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    section.header.paragraphs[0].text = "ACME Corp letterhead"
    template.add_paragraph("Template body text that must not appear")
    template.core_properties.title = "Old template title"
    path = tmp_path / "reference.docx"
    template.save(str(path))
    return path


def test_reference_missing_the_quote_style_gets_it_added(tmp_path: Path) -> None:
    reference = _reference(tmp_path, drop=("Quote", "Body Text", "List Number"))
    data = render(features(), WriteOptions(docx_reference=reference))
    found = [(p.style.name, p.text) for p in reopen(data).paragraphs]
    assert found == FEATURES_STYLES


def test_reference_supplies_header_footer_and_page_size(tmp_path: Path) -> None:
    reference = _reference(tmp_path, a4=True, footer="ACME confidential")
    data = render(features(), WriteOptions(docx_reference=reference))
    result = reopen(data)
    section = result.sections[-1]
    assert section.header.paragraphs[0].text == "ACME Corp letterhead"
    assert section.footer.paragraphs[0].text == "ACME confidential"
    assert section.page_width is not None and section.page_width.twips == docx.shared.Mm(210).twips
    assert result.core_properties.title == features().title
    assert "Template body text" not in "\n".join(p.text for p in result.paragraphs)
    asked = reopen(render(features(), WriteOptions(docx_reference=reference, page_size="letter")))
    assert asked.sections[-1].page_width is not None and asked.sections[-1].page_width.twips == 12240


def test_reference_without_footer_gets_page_numbers(tmp_path: Path) -> None:
    data = render(features(), WriteOptions(docx_reference=_reference(tmp_path)))
    assert reopen(data).sections[-1].footer.paragraphs[0].text == "Page 1 of 1"


def test_earlier_output_as_reference_does_not_repeat_speakers(tmp_path: Path) -> None:
    reference = tmp_path / "earlier.docx"
    reference.write_bytes(render(features()))
    data = render(features(), WriteOptions(docx_reference=reference))
    custom = etree.fromstring(parts(data)["docProps/custom.xml"])
    assert [p.get("name") for p in custom] == ["Quote 1 speaker"]
    assert [(p.style.name, p.text) for p in reopen(data).paragraphs] == FEATURES_STYLES


@pytest.mark.parametrize("content", [b"just some text", b"PK\x03\x04broken", None])
def test_reference_that_is_not_a_docx_names_the_file(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "corporate.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WriterError) as caught:
        render(features(), WriteOptions(docx_reference=path))
    assert "corporate.docx" in str(caught.value)


def test_reference_that_is_another_office_file(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        types = "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>"
        archive.writestr("[Content_Types].xml", types)
    with pytest.raises(WriterError, match=r"sheet\.docx"):
        render(features(), WriteOptions(docx_reference=path))


# --- golden parts ------------------------------------------------------------------------------


def canonical(name: str, data: bytes) -> str:
    root = etree.fromstring(data)
    if name == "word/styles.xml":
        wanted = {spec.name.lower() for spec in STYLES.values()} | {"footer"}
        for style in root.xpath("w:style", namespaces=NS):
            if style.xpath("string(w:name/@w:val)", namespaces=NS).lower() not in wanted:
                root.remove(style)
        for latent in root.xpath("w:latentStyles", namespaces=NS):
            root.remove(latent)
    flat = etree.tostring(root, method="c14n2", strip_text=True)
    parser = etree.XMLParser(remove_blank_text=True)
    return str(etree.tostring(etree.fromstring(flat, parser), pretty_print=True, encoding="unicode"))


@pytest.mark.parametrize("case", ["features", "pentagon"])
def test_golden_parts(case: str) -> None:
    document = features() if case == "features" else pentagon()
    files = parts(render(document))
    folder = GOLDEN / case
    manifest = "\n".join(files) + "\n"
    xml = {name: data for name, data in files.items() if name.endswith((".xml", ".rels"))}
    rendered = {name: canonical(name, data) for name, data in xml.items()}
    if os.environ.get("PRESSCONV_REGEN"):
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in {**rendered, "MANIFEST": manifest}.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    assert manifest == (folder / "MANIFEST").read_text(encoding="utf-8")
    for name, text in rendered.items():
        assert text == (folder / name).read_text(encoding="utf-8"), name


# --- any document ------------------------------------------------------------------------------

_text = st.text(st.characters(codec="utf-8"), max_size=40)
_blocks = st.one_of(
    st.builds(Paragraph, _text),
    st.builds(Quote, _text, st.one_of(st.none(), _text)),
    st.builds(ListBlock, st.booleans(), st.lists(_text, min_size=1, max_size=3).map(tuple)),
)
_documents = st.builds(
    Document,
    headline=_text,
    subtitle=st.one_of(st.none(), _text),
    dateline=st.one_of(st.none(), _text),
    metadata=st.builds(
        Metadata,
        language=st.sampled_from(["en", "de-AT", "ar", "zh-Hans-CN", "x\x00"]),
        release=st.one_of(st.none(), _text),
        contacts=st.lists(_text, max_size=2).map(tuple),
        end_mark=st.one_of(st.none(), _text),
        keywords=st.lists(_text, max_size=2).map(tuple),
    ),
    sections=st.lists(
        st.builds(
            Section,
            st.one_of(st.none(), _text),
            st.lists(_blocks, max_size=4).map(tuple),
            st.sampled_from(["body", "boilerplate"]),
        ),
        max_size=3,
    ).map(tuple),
)


@settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_any_document_writes_same_bytes_and_every_word(document: Document) -> None:
    data = render(document)
    assert data == render(document)
    assert output_words(data) == model_words(document)


def test_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    document_path = _reference(tmp_path, drop=("Quote",))
    with zipfile.ZipFile(document_path) as archive:
        entries = [(name, archive.read(name)) for name in archive.namelist()]
    template = tmp_path / "corporate.dotx"
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in entries:
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            archive.writestr(name, data)
    data = render(features(), WriteOptions(docx_reference=template))
    assert [(p.style.name, p.text) for p in reopen(data).paragraphs] == FEATURES_STYLES
    assert b"template.main+xml" not in parts(data)["[Content_Types].xml"]


def test_right_to_left_language_sets_paragraph_direction_by_default() -> None:
    arabic = replace(features(), metadata=replace(features().metadata, language="ar-EG"))
    styles = etree.fromstring(parts(render(arabic))["word/styles.xml"])
    assert styles.xpath("w:docDefaults/w:pPrDefault/w:pPr/w:bidi", namespaces=NS)
    assert styles.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:bidi)", namespaces=NS) == "ar-EG"
    english = etree.fromstring(parts(render(features()))["word/styles.xml"])
    assert not english.xpath("//w:docDefaults//w:bidi", namespaces=NS)


@pytest.mark.parametrize("without_numbering_part", [False, True])
def test_created_list_styles_carry_their_own_numbering(tmp_path: Path, without_numbering_part: bool) -> None:
    template = docx.Document()
    styles = template.styles.element
    for name in ("List Bullet", "List Number"):
        for style in styles.xpath(f"w:style[w:name/@w:val='{name}']"):
            styles.remove(style)
    if without_numbering_part:
        for rel_id, rel in list(template.part.rels.items()):
            if rel.reltype.endswith("/numbering"):
                del template.part.rels[rel_id]
    reference = tmp_path / "plain.docx"
    template.save(str(reference))
    files = parts(render(features(), WriteOptions(docx_reference=reference)))
    numbering = etree.fromstring(files["word/numbering.xml"])
    styles_part = etree.fromstring(files["word/styles.xml"])
    formats = {}
    for name in ("List Bullet", "List Number"):
        (style,) = styles_part.xpath(f"w:style[w:name/@w:val='{name}']", namespaces=NS)
        num_id = style.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
        abstract = numbering.xpath(
            f"string(w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val)", namespaces=NS
        )
        formats[name] = numbering.xpath(
            f"string(w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:numFmt/@w:val)", namespaces=NS
        )
    assert formats == {"List Bullet": "bullet", "List Number": "decimal"}
    body = etree.fromstring(files["word/document.xml"])
    restarted = body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)
    assert [p.xpath("string(.)") for p in restarted] == ["Hire staff", "Train volunteers"]


def test_reference_with_no_styles_at_all(tmp_path: Path) -> None:
    template = docx.Document()
    styles = template.styles.element
    for style in styles.xpath("w:style"):
        styles.remove(style)
    reference = tmp_path / "bare.docx"
    template.save(str(reference))
    data = render(features(), WriteOptions(docx_reference=reference))
    assert [(p.style.name, p.text) for p in reopen(data).paragraphs] == FEATURES_STYLES


def test_a_paragraph_over_ten_megabytes_opens() -> None:
    text = "word " * 2_200_000  # 11 MB: over libxml2's limit for one text node
    document = Document(headline="Long", sections=(Section(None, (Paragraph(text.strip()),)),))
    paragraphs = reopen(render(document)).paragraphs
    assert paragraphs[-1].text == text.strip()
