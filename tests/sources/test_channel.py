import pytest

from quellenlage.sources import find_channel
from tests.sources.helpers import document, statement


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "kind", "outlet"),
    [
        ("Auf dem Kurznachrichtendienst X schrieb Lindner, die Regeln würden ausgehöhlt.",
         "die Regeln würden ausgehöhlt", "Lindner", "schrieb", "social_media", "X"),
        ("Selenskyj sagte in einem Interview mit der britischen „Financial Times“, "
         "die Lage sei ernst.",
         "die Lage sei ernst", "Selenskyj", "sagte", "interview", "Financial Times"),
        ("Ein Sprecher sagte gegenüber der dpa, man sei zuversichtlich.",
         "man sei zuversichtlich", "Ein Sprecher", "sagte", "interview", "dpa"),
        ("Die Polizei teilte in einer Mitteilung mit, der Mann sei gefasst.",
         "der Mann sei gefasst", "Die Polizei", "teilte mit", "press_release", None),
        ("Auf einer Pressekonferenz sagte der Minister, die Zahlen stimmten.",
         "die Zahlen stimmten", "der Minister", "sagte", "press_conference", None),
        ("Im Bundestag sagte die Abgeordnete, das Gesetz komme zu spät.",
         "das Gesetz komme zu spät", "die Abgeordnete", "sagte", "parliament", None),
        ("Sie schrieb auf Twitter, die Täter würden gefasst.",
         "die Täter würden gefasst", "Sie", "schrieb", "social_media", "X"),
    ],
)
def test_channel_patterns(text, quote, speaker, cue, kind, outlet):
    channel = find_channel(document(text), statement(text, quote, speaker, cue))
    assert channel is not None
    assert (channel.kind, channel.outlet) == (kind, outlet)


def test_no_channel_when_the_sentence_names_none():
    text = "Rutte sagte in Brüssel, Europa müsse mehr tun."
    assert find_channel(document(text), statement(text, "Europa müsse mehr tun", "Rutte",
                                                  "sagte")) is None


def test_a_channel_inside_the_quote_is_not_the_statements_channel():
    text = "Er sagte, er habe in einem Interview nichts verraten."
    attribution = statement(text, "er habe in einem Interview nichts verraten", "Er", "sagte")
    assert find_channel(document(text), attribution) is None
