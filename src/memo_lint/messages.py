"""What memo-lint says to people in Dutch and English: one catalogue, one way to say it.

Every bilingual text memo-lint itself writes (why a file is unreadable, the reporters' words,
the deadline rules' reference date, recognition's reasons, ``init``'s messages, the rule
documentation's labels) is an entry here: a :class:`LocalText` with both languages and the
same ``{placeholders}`` in each (tests/test_messages.py holds every entry to that). Rule
messages are the packs' :class:`LocalText` values, rendered the same way. ``--lang`` (else the
pack's language) picks the language; anything but ``en`` is Dutch.

The texts of errors that end a run with exit code 2 (usage, config and rule-pack errors) are
the second half of the catalogue, :data:`memo_lint.messages_errors.ERRORS` (said by
:func:`memo_lint.messages_errors.said`): a run that ends well never loads them.
"""

from __future__ import annotations

from memo_lint.model import FrozenRecord

LANGUAGES = ("nl", "en")


class LocalText(FrozenRecord):
    """A text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def say(key: str, lang: str, /, **values: object) -> str:
    """Catalogue entry ``key`` in ``lang``, its placeholders filled from ``values``."""
    return CATALOGUE[key].get(lang).format(**values)


def count_noun(lang: str, noun: str, count: int) -> str:
    """``1 fout`` / ``3 errors``: a count with its noun in the right number."""
    return say(f"count.{noun}.{'one' if count == 1 else 'many'}", lang, count=count)


Text = LocalText

CATALOGUE: dict[str, LocalText] = {
    # -- counts (reporters' summaries) --------------------------------------------------
    "count.error.one": Text(nl="{count} fout", en="{count} error"),
    "count.error.many": Text(nl="{count} fouten", en="{count} errors"),
    "count.warning.one": Text(nl="{count} waarschuwing", en="{count} warning"),
    "count.warning.many": Text(nl="{count} waarschuwingen", en="{count} warnings"),
    "count.info.one": Text(nl="{count} opmerking", en="{count} note"),
    "count.info.many": Text(nl="{count} opmerkingen", en="{count} notes"),
    "count.file.one": Text(nl="{count} bestand", en="{count} file"),
    "count.file.many": Text(nl="{count} bestanden", en="{count} files"),
    # -- reporters -------------------------------------------------------------------------
    "report.found": Text(nl="{counts} in {files} gevonden.", en="Found {counts} in {files}."),
    "report.clean": Text(
        nl="Geen problemen gevonden in {files}.", en="No problems found in {files}."
    ),
    "report.help": Text(nl="hint", en="help"),
    "report.source": Text(nl="bron", en="source"),
    "report.page": Text(nl="pagina", en="page"),
    "report.line": Text(nl="regel", en="line"),
    "report.no-text": Text(
        nl="De tekst van deze nota is niet beschikbaar.",
        en="The text of this memo is not available.",
    ),
    "report.memo-clean": Text(nl="Geen bevindingen in deze nota.", en="No findings in this memo."),
    "report.title": Text(nl="memo-lint-rapport", en="memo-lint report"),
    # -- the deadline rules' reference date (Context.reference_label) ------------------------
    "reference.memo": Text(nl="de datum van het memo ({day})", en="the memo date ({day})"),
    "reference.option": Text(
        nl="de peildatum {day} (--today; het memo heeft geen leesbare datum)",
        en="the reference date {day} (--today; the memo has no readable date)",
    ),
    "reference.today": Text(
        nl="de peildatum {day} (vandaag; het memo heeft geen leesbare datum)",
        en="the reference date {day} (today; the memo has no readable date)",
    ),
    # -- recognition's reasons -------------------------------------------------------------
    "recognition.cue": Text(nl="regel {line} '{text}'", en="line {line} '{text}'"),
    "recognition.unknown-kind": Text(
        nl="een onbekend soort document", en="an unknown kind of document"
    ),
    "recognition.no-cues": Text(
        nl="geen titel of besluitformule van een besluitvormend stuk gevonden",
        en="no title or operative formula of a decision memo found",
    ),
    "recognition.weak-cues": Text(
        nl="te weinig of tegenstrijdige kenmerken ({cues})",
        en="too few or conflicting cues ({cues})",
    ),
    # -- words the check kinds put into messages -------------------------------------------
    "word.or": Text(nl="of", en="or"),
    "word.article": Text(nl="artikel", en="article"),
    "word.paragraph": Text(nl="lid", en="paragraph"),
    "word.and": Text(nl="en", en="and"),
    "personal.bsn": Text(nl="BSN", en="BSN"),
    "personal.iban": Text(nl="IBAN", en="IBAN"),
    "personal.mobile": Text(nl="mobiel nummer", en="mobile number"),
    "personal.phone": Text(nl="privételefoonnummer", en="private phone number"),
    "personal.mail": Text(nl="privé-e-mailadres", en="private e-mail address"),
    "personal.birth": Text(nl="geboortedatum", en="date of birth"),
    "personal.plate": Text(nl="kenteken", en="vehicle registration"),
    "legal.grounds-in": Text(
        nl="weigeringsgronden staan in {where}", en="refusal grounds are in {where}"
    ),
    "legal.until": Text(nl=", tot {day}", en=", until {day}"),
    "legal.from": Text(nl=", vanaf {day}", en=", from {day}"),
    "legal.article-in": Text(
        nl="(artikel {article} is de {law}{period})",
        en="(article {article} is in the {law}{period})",
    ),
    # -- the law table's sources (explain) -------------------------------------------------
    "laws.from": Text(nl="vanaf", en="from"),
    "laws.until": Text(nl="tot en met", en="until"),
    "laws.verified.text": Text(
        nl="gecontroleerd aan een kopie van de wettekst",
        en="checked against a copy of the law's text",
    ),
    "laws.verified.secondary": Text(
        nl="gecontroleerd aan een toelichting of publicatie (niet aan de wettekst)",
        en="checked against an explanation or publication (not the text itself)",
    ),
    "laws.verified.no": Text(nl="niet gecontroleerd", en="not checked"),
    # -- rule documentation (rules, explain) and memo templates ------------------------------
    "docs.checks": Text(nl="controleert", en="checks"),
    "docs.checks-label": Text(nl="Controleert", en="Checks"),
    "docs.why": Text(nl="Waarom", en="Why"),
    "docs.fix": Text(nl="Oplossen", en="Fix"),
    "docs.severity": Text(nl="Ernst", en="Severity"),
    "docs.kind": Text(nl="Soort", en="Kind"),
    "docs.source": Text(nl="Bron", en="Source"),
    "docs.law-sources": Text(
        nl="Bronnen (rules/laws/laws.yaml)", en="Sources (rules/laws/laws.yaml)"
    ),
    "template.field": Text(nl="Veld", en="Field"),
    "template.value": Text(nl="Waarde", en="Value"),
    # -- memo-lint init and template -------------------------------------------------------
    "init.exists": Text(
        nl="{path} bestaat al; gebruik --force om het te overschrijven",
        en="{path} already exists; use --force to overwrite it",
    ),
    "init.written": Text(nl="Geschreven: {path}", en="Written: {path}"),
    "init.written-hook": Text(
        nl="Geschreven: {path} (daarna: pre-commit install)",
        en="Written: {path} (next: pre-commit install)",
    ),
    "init.add-hook": Text(
        nl="{path} bestaat al; voeg onder 'repos:' toe:", en="{path} exists; add under 'repos:':"
    ),
    "init.hooked": Text(
        nl="{path} noemt memo-lint al; niet gewijzigd.",
        en="{path} already mentions memo-lint; left unchanged.",
    ),
    "template.exists": Text(
        nl="{path} bestaat al; kies een andere naam",
        en="{path} already exists; choose another name",
    ),
    # -- why a file cannot be read (ML001) ----------------------------------------------------
    "file.internal-error": Text(
        nl="interne fout tijdens het controleren ({detail}); meld dit aan de beheerders van "
        "memo-lint",
        en="internal error while checking ({detail}); please report it to the memo-lint "
        "maintainers",
    ),
    "docx.bad-values": Text(
        nl=(
            "de .docx is beschadigd: de XML bevat waarden die Word niet schrijft "
            "({exc}); open hem in Word en sla hem opnieuw op"
        ),
        en=(
            "the .docx is corrupt: its XML holds values Word would not write "
            "({exc}); open it in Word and save it again"
        ),
    ),
    "docx.no-body": Text(
        nl=(
            "het hoofddeel {main} van de .docx heeft geen documentinhoud; sla hem "
            "opnieuw op vanuit Word"
        ),
        en=("the .docx main part {main} has no document body; save it again from Word"),
    ),
    "docx.no-document": Text(
        nl=(
            "deze zip bevat geen Word-document (word/document.xml); het is geen "
            ".docx-memo — controleer het bestand of sla het opnieuw op vanuit Word"
        ),
        en=(
            "this zip holds no Word document part (word/document.xml); it is not a "
            ".docx memo — check the file or save it again from Word"
        ),
    ),
    "docx.strict": Text(
        nl=(
            "deze .docx is opgeslagen als Strict Open XML, dat memo-lint niet "
            "leest; sla hem in Word opnieuw op als 'Word-document (*.docx)'"
        ),
        en=(
            "this .docx is saved as Strict Open XML, which memo-lint does not read; "
            "save it again in Word as 'Word Document (*.docx)'"
        ),
    ),
    "file.cannot-open": Text(
        nl="het bestand kan niet worden geopend ({why})",
        en="cannot open the file ({why})",
    ),
    "file.not-regular": Text(
        nl="geen gewoon bestand (een map, FIFO, socket of apparaat)",
        en="not a regular file (a folder, FIFO, socket or device)",
    ),
    "file.too-large": Text(
        nl=(
            "het bestand is {size:,} bytes, meer dan de grens van {limit:,} bytes "
            "(verhoog max-file-bytes als dit memo echt zo groot is)"
        ),
        en=(
            "file is {size:,} bytes, above the limit of {limit:,} bytes (raise "
            "max-file-bytes in the config if this memo is genuine)"
        ),
    ),
    "file.too-many-characters": Text(
        nl=(
            "de {what} bevat {count:,} tekens, meer dan de grens van {limit:,} "
            "(verhoog max-chars als dit memo echt zo lang is)"
        ),
        en=(
            "the {what} holds {count:,} characters, above the limit of {limit:,} "
            "(raise max-chars in the config if this memo is genuine)"
        ),
    ),
    "file.too-many-characters-on-page": Text(
        nl=(
            "de {what} bevat {count:,} tekens op pagina {page}, meer dan de grens "
            "van {limit:,} (verhoog max-chars als dit memo echt zo lang is)"
        ),
        en=(
            "the {what} holds {count:,} characters by page {page}, above the limit "
            "of {limit:,} (raise max-chars in the config if this memo is genuine)"
        ),
    ),
    "markdown.front-matter-not-mapping": Text(
        nl="de front matter is geen lijst van sleutels met waarden",
        en="the front matter is not a mapping of keys to values",
    ),
    "markdown.front-matter-yaml": Text(
        nl="ongeldige YAML in de front matter: {error}",
        en="invalid YAML front matter: {error}",
    ),
    "odt.corrupt": Text(
        nl="de .odt is beschadigd ({error}); sla hem opnieuw op",
        en="the .odt is corrupt ({error}); save it again",
    ),
    "odt.no-body": Text(
        nl=("de .odt heeft geen tekstinhoud (office:text); sla hem opnieuw op als .odt"),
        en="the .odt has no text body (office:text); save it again as .odt",
    ),
    "odt.no-content": Text(
        nl="deze zip bevat geen content.xml: het is geen OpenDocument-tekst",
        en="this zip holds no content.xml: it is not an OpenDocument text",
    ),
    "pdf.corrupt": Text(
        nl=(
            "de PDF is beschadigd of afgebroken ({exc}); exporteer het memo opnieuw "
            "naar PDF of haal een heel exemplaar op"
        ),
        en=(
            "the PDF is corrupt or truncated ({exc}); export the memo to PDF again "
            "or get an intact copy"
        ),
    ),
    "pdf.encrypted": Text(
        nl=(
            "de PDF is versleuteld (beveiligd met een wachtwoord) en opent niet met "
            "een leeg wachtwoord; controleer het onbeveiligde origineel of "
            "verwijder het wachtwoord"
        ),
        en=(
            "the PDF is encrypted (password-protected) and does not open with an "
            "empty password; lint the unprotected original or remove the password"
        ),
    ),
    "pdf.no-pages": Text(
        nl="de PDF heeft geen pagina's; exporteer het memo opnieuw naar PDF",
        en="the PDF has no pages; export the memo to PDF again",
    ),
    "pdf.no-text": Text(
        nl=(
            "de PDF heeft geen tekstlaag ({printable} tekens op {pages} "
            "pagina('s)): hij lijkt gescand; laat er tekstherkenning (OCR) op los "
            "of controleer het Word-origineel"
        ),
        en=(
            "the PDF has no text layer ({printable} characters on {pages} page(s)): "
            "it looks scanned; run OCR on it or lint the Word original"
        ),
    ),
    "pdf.not-pdf": Text(
        nl=(
            "dit is geen PDF-bestand (geen %PDF--kop); controleer de extensie of "
            "exporteer het memo opnieuw naar PDF"
        ),
        en=(
            "this is not a PDF file (no %PDF- header); check the extension or "
            "export the memo to PDF again"
        ),
    ),
    "pdf.too-many-pages": Text(
        nl=(
            "de PDF heeft {pages:,} pagina's, meer dan de grens van {limit:,} "
            "(verhoog max-pdf-pages als dit memo echt zo lang is)"
        ),
        en=(
            "the PDF has {pages:,} pages, above the limit of {limit:,} (raise "
            "max-pdf-pages in the config if this memo is genuine)"
        ),
    ),
    "pdf.unreadable-pages": Text(
        nl=(
            "de PDF is beschadigd: de pagina's kunnen niet worden gelezen ({exc}); "
            "exporteer het memo opnieuw naar PDF"
        ),
        en=(
            "the PDF is corrupt: PDFium cannot read its pages ({exc}); export the memo to PDF again"
        ),
    ),
    "text.bad-utf16": Text(
        nl="ongeldige UTF-16 bij byte {offset}; sla het memo opnieuw op als UTF-8",
        en="invalid UTF-16 at byte {offset}; save the memo again as UTF-8",
    ),
    "text.nul-bytes": Text(
        nl="binair bestand (bevat NUL-bytes), geen tekstmemo",
        en="binary file (contains NUL bytes), not a text memo",
    ),
    "text.nul-characters": Text(
        nl="binair bestand (bevat NUL-tekens), geen tekstmemo",
        en="binary file (contains NUL characters), not a text memo",
    ),
    "zip.bad-part": Text(
        nl=(
            "de {kind} is beschadigd: onderdeel {name} kan niet worden uitgepakt "
            "({exc}); open hem in Word en sla hem opnieuw op"
        ),
        en=(
            "the {kind} is corrupt: part {name} cannot be decompressed ({exc}); "
            "open it in Word and save it again, or get an intact copy"
        ),
    ),
    "zip.bad-xml": Text(
        nl=(
            "de {kind} is beschadigd: onderdeel {part} is geen geldige XML ({exc}); "
            "open hem in Word en sla hem opnieuw op"
        ),
        en=(
            "the {kind} is corrupt: part {part} is not well-formed XML ({exc}); "
            "open it in Word and save it again"
        ),
    ),
    "zip.bomb": Text(
        nl=(
            "de {kind} pakt uit tot minstens {size:,} bytes, meer dan de grens van "
            "{limit:,} bytes: waarschijnlijk een zip-bom (verhoog "
            "max-unzipped-bytes als dit memo echt zo groot is)"
        ),
        en=(
            "the {kind} expands to at least {size:,} bytes uncompressed, above the "
            "limit of {limit:,} bytes: likely a zip bomb (raise max-unzipped-bytes "
            "in the config if this memo is genuine)"
        ),
    ),
    "zip.corrupt": Text(
        nl=(
            "de {kind} is beschadigd of afgebroken (de zip gaat niet open: {exc}); "
            "open hem in Word en sla hem opnieuw op, of haal een heel exemplaar op"
        ),
        en=(
            "the {kind} is corrupt or truncated (the zip cannot be opened: {exc}); "
            "open it in Word and save it again, or get an intact copy"
        ),
    ),
    "zip.doctype": Text(
        nl=(
            "onderdeel {part} van de {kind} bevat een DOCTYPE- of "
            "entiteitsdeclaratie, die Office-bestanden nooit nodig hebben (mogelijk "
            "een XXE- of entiteitsaanval); memo-lint leest het niet"
        ),
        en=(
            "the {kind} part {part} contains a DOCTYPE or entity declaration, which "
            "Office files never need (possible XXE or entity-expansion attack); "
            "refusing to read it"
        ),
    ),
    "zip.not-zip": Text(
        nl=(
            "dit is geen {kind}-bestand (geen zip-handtekening); controleer de "
            "extensie of sla het opnieuw op als {kind}"
        ),
        en=(
            "this is not a {kind} file (no zip signature); check the extension or "
            "save it again as {kind}"
        ),
    ),
    "zip.ole": Text(
        nl=(
            "deze {kind} is geen zip maar een OLE-bestand: hij is beveiligd met een "
            "wachtwoord (versleuteld) of een oud binair Word-bestand; verwijder het "
            "wachtwoord of sla hem opnieuw op als {kind}"
        ),
        en=(
            "this {kind} is an OLE compound file, not a zip: it is "
            "password-protected (encrypted) or an old binary Word/Office file; "
            "remove the password or save it again as {kind}"
        ),
    ),
}
