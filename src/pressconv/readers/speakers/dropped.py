"""A speech verb with no subject: languages that drop it ("«…», afirmou.", "Al respecto, ha señalado que").

Spanish, Portuguese and Italian releases often name the speaker once and then
go on with bare verbs: "“…”, ha aseverado.", "Asimismo, ha manifestado que …
“…”", "…”, ha explicado que “…”".  The verb's subject is the person the text
was speaking of.  ``subject_dropped`` says whether a clause's speech verb
stands so: nothing before it but an adverbial opener closed by a comma
("Al respecto,", "En este sentido,"), and nothing after it but the end of the
clause or "que"/"che" opening what was said.  English never drops the subject,
so its verbs are never read this way.
"""

from __future__ import annotations

from pressconv.readers.lexicon import ENGLISH_SPEECH_VERBS
from pressconv.readers.name_runs import Token, is_capitalised
from pressconv.readers.speakers.words import is_titled

# The word that opens reported speech after the verb ("ha explicado que …", "ha detto che …").
_COMPLEMENTIZERS = frozenset({"que", "che"})

# An adverbial opener longer than this is a clause of its own, not "Al respecto,".
_MAX_OPENER_WORDS = 6


def subject_dropped(words: list[Token], verb: int, width: int) -> bool:
    """True when the speech verb ``words[verb : verb + width]`` has no subject of its own."""
    if words[verb].text.lower().rstrip(".,:;!?") in ENGLISH_SPEECH_VERBS:
        return False
    after = verb + width
    if after < len(words) and words[after].text.lower() not in _COMPLEMENTIZERS:
        return False  # "ha señalado la alcaldesa": the subject follows the verb
    return verb == 0 or _adverbial_opener(words[:verb])


def _adverbial_opener(words: list[Token]) -> bool:
    """ "Al respecto ,", "Asimismo ,", "En este sentido ,": lower-case words closed by a comma, no name."""
    if words[-1].text != "," or len(words) > _MAX_OPENER_WORDS + 1:
        return False
    body = words[:-1]
    if not body or is_titled(body[0].text):
        return False  # ", ha dicho": nothing opens it; "Concejala, ha dicho": a title is a subject
    return all(not is_capitalised(w.text) and w.text != "," for w in body[1:])
