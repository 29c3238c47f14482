"""Page furniture removal: invented furniture blocks (German and English) go,
article sentences stay, and on the seed articles no furniture word survives."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.ingest import iter_inputs
from kg.ingest.clean import clean, clean_with_report
from kg.ingest.decode import normalize
from kg.records import Document

BODY = (
    "Der Stadtrat von Birkenau beschloss am Dienstag einen neuen Haushalt.\n\n"
    "Kämmerin Ilse Dornbach sagte, die Schulden würden bis 2030 halbiert."
)

FURNITURE = {
    "embed notice (de, Sie)": (
        "Empfohlener externer Inhalt\n\n"
        "An dieser Stelle finden Sie einen Beitrag der Plattform Bildwolke. Wenn Sie den Inhalt laden, "
        "werden personenbezogene Daten an den Anbieter übermittelt. Weitere Hinweise in unserer Datenschutzerklärung."
    ),
    "embed notice (en)": (
        "Third-party content\n\n"
        "This embedded content is provided by an external platform. If you click to load it, your personal "
        "data may be shared with the provider. See our privacy policy."
    ),
    "cookie banner": "Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Mit Klick auf OK stimmen Sie zu.",
    "follow line (Sie)": "Folgen Sie uns auf Kurzfunk und Bildwolke!",
    "follow line (du)": "Du willst mehr von uns lesen? Folge uns auf Nachrichtenstrom.",
    "follow line (en)": "Follow us on Chirper for more news.",
    "newsletter": "Jetzt den kostenlosen Newsletter abonnieren und nichts mehr verpassen.",
    "comment header": "Kommentare",
    "comment provider": "Unsere Kommentarfunktion wird über den Anbieter Plauderbox gesteuert.",
    "comment rules": (
        "Netiquette\nHinweis: Bitte kommentieren Sie sachlich. Beleidigende Beiträge werden von der Redaktion gelöscht."
    ),
    "comment closing": "Bitte beachten Sie: Die Kommentarfunktion wird nach zwei Tagen geschlossen.",
    "comment rules (en)": "Comments are moderated. Please keep your comments civil; posts that break our rules are removed.",
    "related header": "Das könnte Sie auch interessieren",
    "read more": "Lesen Sie auch",
    "separator": "* * * * *",
    "dash separator": "——————————",
    "breadcrumb": "Startseite › Lokales › Birkenau",
    "section line": "Veröffentlicht in Lokales",
    "share line": "Teilen auf Kurzfunk",
    "paywall": "Jetzt weiterlesen mit dem Digital-Abo für nur 1 Euro im ersten Monat.",
    "paywall (en)": "Continue reading: subscribe now to get full access.",
    "subscribers only": "Dieser Artikel ist nur für Abonnenten verfügbar.",
    "copyright": "© 2021 Verlagshaus Talbote GmbH",
    "rights": "Alle Rechte vorbehalten.",
    "print/nav line": "Artikel drucken",
    "back to top": "Nach oben",
    "video player": "Video abspielen",
}


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_block_is_removed_and_article_kept(name: str) -> None:
    block = FURNITURE[name]
    for text in (f"{block}\n\n{BODY}", f"{BODY}\n\n{block}", BODY.replace("\n\n", f"\n\n{block}\n\n")):
        cleaned = clean(text)
        assert cleaned == BODY, (name, cleaned)


def test_follow_sentence_is_cut_from_a_paragraph_but_the_rest_stays() -> None:
    para = "Der Haushalt wurde einstimmig beschlossen. Folgen Sie uns auf Kurzfunk."
    assert clean(para) == "Der Haushalt wurde einstimmig beschlossen."


@pytest.mark.parametrize(
    "sentence",
    [
        # news about privacy, comments and following: real content, not furniture
        "Die Datenschutzbehörde prüft, ob die Plattform personenbezogene Daten an Dritte übertragen hat.",
        "Der Minister wollte die Vorwürfe nicht kommentieren; die Regeln seien eingehalten worden.",
        "„Folgen Sie uns auf dem Weg in die Zukunft“, rief die Kandidatin ihren Anhängern zu.",
        "Kommentare unter dem Video wurden gelöscht, teilte der Betreiber mit.",
        "Die Partei will ihre Mitglieder über den Newsletter informieren.",
        "Sie hätten den Inhalt auf einer externen Plattform geladen, sagte die Ermittlerin zu den Cookies.",
        "Politik | Wirtschaft und Gesellschaft im Wandel der Zeit: eine lange Überschrift mit Trennstrich.",
        "Der Verlag will das Abo teurer machen, wer weiterlesen will, muss zahlen, sagte die Geschäftsführerin.",
        "Das Copyright der Fotos liegt laut Gericht beim Fotografen, nicht beim Verlag, entschied die Kammer.",
        "Nur für Abonnenten gab es bisher die Zeitung am Sonntag, nun soll sie allen Lesern offenstehen, hieß es.",
    ],
)
def test_article_sentences_about_similar_topics_are_kept(sentence: str) -> None:
    text = f"{BODY}\n\n{sentence}"
    assert clean(text) == text


def test_cleaning_never_rewrites_kept_lines() -> None:
    text = "Zeile  mit  doppelten  Leerzeichen und „Anführungszeichen“.\nZweite Zeile im Absatz.\n\n\n\nNeuer Absatz."
    assert clean(text) == "Zeile  mit  doppelten  Leerzeichen und „Anführungszeichen“.\nZweite Zeile im Absatz.\n\nNeuer Absatz."


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?“])\s+|\n+", text) if len(s.split()) >= 4]


FURNITURE_WORDS = ("Facebook", "Instagram", "Google News", "DISQUS", "Datenschutzbestimmungen", "Netiquette",
                   "Kommentarfunktion", "Externer Inhalt", "Folge uns", "Kommentieren")


def test_seed_furniture_is_gone_and_article_sentences_stay(seeds_dir: Path) -> None:
    docs = {d.id[:3]: d for d in iter_inputs([seeds_dir]) if isinstance(d, Document)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = docs[path.name[:3]]
        for word in FURNITURE_WORDS:
            assert word not in doc.text, (path.name, word)
        raw = normalize(path.read_text(encoding="utf-8"))
        _, removed = clean_with_report(raw)
        furniture = " ".join(removed)
        for sentence in _sentences(raw):
            if sentence not in furniture and not sentence.startswith("date "):
                assert sentence in doc.text, (path.name, sentence)
