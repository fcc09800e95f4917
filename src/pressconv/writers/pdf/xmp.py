"""XMP metadata for the PDF: dc:title, dc:language, dates and the PDF/UA-1 identification."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from reportlab.pdfbase import pdfdoc


class XmpStream(pdfdoc.PDFStream):
    """An uncompressed XMP metadata stream (readers and validators look for it in the clear)."""

    def __init__(self, packet: bytes) -> None:
        meta = {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
        super().__init__(pdfdoc.PDFDictionary(meta), packet, filters=[])


_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def xmp_packet(title: str, language: str, when: datetime) -> bytes:
    """The XMP packet: dc:title, dc:language, dates, and the PDF/UA-1 identification."""
    for prefix, uri in _NS.items():
        ET.register_namespace(prefix, uri)

    def q(name: str) -> str:
        prefix, local = name.split(":")
        return f"{{{_NS[prefix]}}}{local}"

    meta = ET.Element(q("x:xmpmeta"))
    rdf = ET.SubElement(meta, q("rdf:RDF"))
    desc = ET.SubElement(rdf, q("rdf:Description"), {q("rdf:about"): ""})
    alt = ET.SubElement(ET.SubElement(desc, q("dc:title")), q("rdf:Alt"))
    ET.SubElement(alt, q("rdf:li"), {"{http://www.w3.org/XML/1998/namespace}lang": "x-default"}).text = title
    bag = ET.SubElement(ET.SubElement(desc, q("dc:language")), q("rdf:Bag"))
    ET.SubElement(bag, q("rdf:li")).text = language
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.SubElement(desc, q("xmp:CreateDate")).text = stamp
    ET.SubElement(desc, q("xmp:ModifyDate")).text = stamp
    ET.SubElement(desc, q("xmp:CreatorTool")).text = "pressconv"
    ET.SubElement(desc, q("pdfuaid:part")).text = "1"
    body = ET.tostring(meta, encoding="unicode")
    # The xpacket wrapper is fixed text (no user data), which ElementTree cannot emit around a root.
    packet = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="r"?>'
    return packet.encode("utf-8")
