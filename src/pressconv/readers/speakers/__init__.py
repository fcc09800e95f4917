"""Quote blocks and quotations -> speakers: the attribution clause, the full name it points to, and the title.

Order of work, each step linear in the document:

1. ``people``: ``PersonIndex.build`` reads every body block once and records
   the people named, with their titles, keyed by surname.
2. ``attribution``: for each quote, ``find_attribution`` reads the unquoted
   text next to the quoted spans ("Ryder stated", "said Smith", "Smith said:
   “…”", "according to Smith", "she added", "sagte Müller"); a clause that
   opens with its verb is read by ``verb_first``, and ``clause`` holds the
   ``Attribution`` record both halves return.
3. ``surroundings``: for a quote with no attribution of its own, a colon
   introduction above it, speech reported just above, or a dash line below.
4. ``resolution``: ``assign_speakers`` binds each quote and quotation to the
   fullest form of the name, a pronoun's antecedent, a role's holder, an
   organisation the text says spoke, the voice of the quote above it, or a
   statement's issuer; ``roles`` finds who holds an office (the issuer as
   written, the nearest of several holders, "who chairs the forum"), and
   ``organisations`` the organisation a release is from or about ("the
   company said" when no company is named as one).

``words`` holds the word tests all of them ask (title word, speech verb, pronoun).
"""

from pressconv.readers.speakers.resolution import assign_speakers

__all__ = ["assign_speakers"]
