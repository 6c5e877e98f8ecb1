"""German labels for the values the pages show: stances, quotation types, kinds of source,
genders, channels. The API keeps the stored values; the pages translate them, and a value
without a label (a stance of an older archive) is shown as it is stored."""

from __future__ import annotations

STANCES = {
    "assert": "behauptet",
    "deny": "bestreitet",
    "confirm": "bestätigt",
    "not_confirm": "kann nicht bestätigen",
    "unverified": "unbestätigt",
    "demand": "fordert",
    "question": "fragt",
    "criticise": "kritisiert",
    "warn": "warnt",
}
TYPES = {
    "Direct": "direkt",
    "Indirect": "indirekt",
    "FreeIndirect": "frei indirekt",
    "IndirectFreeIndirect": "indirekt fortgesetzt",
    "Reported": "berichtet",
}
KINDS = {
    "person": "Person",
    "organisation": "Organisation",
    "state": "Staat",
    "media": "Medium",
    "collective": "Gruppe",
    "anonymous": "anonym",
    "unknown": "unbestimmt",
    "none": "ohne Quelle",
}
GENDERS = {"female": "weiblich", "male": "männlich", "unknown": "unbekannt"}
CHANNELS = {
    "social_media": "soziale Medien",
    "interview": "Interview",
    "press_release": "Pressemitteilung",
    "press_conference": "Pressekonferenz",
    "statement": "Erklärung",
    "report": "Bericht",
    "speech": "Rede",
    "parliament": "Parlament",
    "other": "anderer Kanal",
}
FACETS = {
    "source": "Quelle",
    "outlet": "Medium",
    "stance": "Haltung",
    "type": "Typ",
    "kind": "Art der Quelle",
    "gender": "Geschlecht",
}
# The filter parameter each facet sets.
FACET_PARAMETERS = {"source": "source_id"}
_BY_FACET = {"stance": STANCES, "type": TYPES, "kind": KINDS, "gender": GENDERS}


def label(table: dict[str, str], value: str | None) -> str:
    """The German label of a stored value; a dash for none."""
    if value is None or value == "":
        return "–"
    return table.get(value, value)


def facet_label(facet: str, value: str) -> str:
    return label(_BY_FACET.get(facet, {}), value)
