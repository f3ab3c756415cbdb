"""Text rules against fees, scams, trafficking and discrimination: one source for two readers.

Every rule here is data (:class:`TextRule`): regular expressions matched on the text as
:mod:`antarkerja.records.textnorm` normalises it, plus how negation and context govern a match. The
validator runs them on every text field a job seeker reads (:func:`record_texts`); the build
exports the same rules to ``cek-lowongan/aturan.json`` (:func:`export`) and the public
checker page applies them in the browser with a small script. Patterns therefore stay in the
regular-expression subset that Python and JavaScript read alike: no look-behind, no named
groups, no inline flags; text is lower case and mostly ASCII by the time they run.

How a match is judged (:meth:`TextRule.matches`):

* a *clause* ends at ``. ; ! ?`` followed by a space, or at a line break;
* ``negatable`` rules skip a match whose clause, before it, has a negation word ("tidak
  dipungut biaya", "tanpa biaya pendaftaran"). A negation is cut off by a contrast word or
  a comma that starts a new phrase: in "Tanpa tes, cukup bayar biaya proses" the "tanpa"
  governs "tes" only, so the fee is reported; "tidak meminta biaya apa pun, termasuk biaya
  seragam" stays negated because "termasuk" continues the phrase;
* ``not_before``: a match followed in its clause by this is fine ("biaya pelatihan
  ditanggung perusahaan"); ``not_after``: a match preceded in its clause by this is fine;
* ``context``: the rule fires only when this also occurs in the same text (a trip abroad
  for the migration rules);
* ``strong``/``weak``: each strong pattern is enough; weak ones count only when at least
  ``weak_needed`` different ones occur in the same record (too-good-to-be-true offers).

Sources for the patterns: Kemnaker's signs of fake vacancies and its circulars, BP2MI/KP2MI
and Kemlu warnings on non-procedural migration and online-scam trafficking in Southeast Asia,
and police/OJK warnings on task and investment scams; each rule names its basis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from antarkerja.characters import INVISIBLE_CHARS, char_class
from antarkerja.records.rules.literals import Needs, fits, required
from antarkerja.records.rules.registry import office_rule, vacancy_rule
from antarkerja.records.textnorm import export_tables, locate, normalise, normalise_lines

FLAGS = re.ASCII | re.MULTILINE  # as JavaScript reads them with flags "gm": ASCII \b and \w, ^ at each line

# A clause ends at sentence punctuation followed by a space (not "Rp5.000.000") or a line.
CLAUSE_END = r"[.;!?](?=\s|$)|\n"
NEGATION = (
    r"\b(?:tidak|tak|tanpa|bebas|gratis|bukan|jangan|dilarang|nol|free|gak|ga|nggak|enggak|tdk|tanpa\s+dipungut"
    # A warning names what others ask for, not what the employer asks ("waspadai pihak yang
    # meminta transfer", "hati-hati dengan oknum yang meminta biaya training atas nama kami").
    r"|waspada|waspadai|hati-hati|hati\s+hati|awas|hindari|penipu|penipuan|oknum|mengatasnamakan|modus)\b"
)
# Words that start a new phrase after a negation ("Tanpa tes, cukup bayar…").
CONTRAST = r"\b(?:tapi|tetapi|namun|melainkan|kecuali|cukup|hanya|cuma|tinggal|lalu|kemudian|selanjutnya)\b"
# After a comma these continue the negated phrase ("tidak ada biaya, termasuk seragam").
CONTINUES = (
    r"^[^\S\n]*(?:termasuk|baik|maupun|atau|dan|serta|apalagi|seperti|misalnya|yaitu|yakni|berupa|contohnya|juga)\b"
)
CONTEXT_CHARS = 160  # a clause, up to this many characters either side of a phrase
# A negated list goes on after the phrase ("tidak ada biaya administrasi, biaya seragam, …
# maupun biaya pendaftaran"): the negation before the first comma governs every item.
LIST_GOES_ON = r"\b(?:maupun|ataupun|apa\s*pun|sepeser)\b"
LIST_LAST = r"\b(?:maupun|ataupun)[^\S\n]*$"  # "…, biaya training maupun <biaya pendaftaran>"

# A list item alone on its line ("- Lajang", "Muslim."). Each run of spaces has one way to
# match and none crosses a line: "^\s*-?\s*" was quadratic on a long run of blanks.
LINE_START = r"^[^\S\n]*(?:-[^\S\n]*)?"
LINE_END = r"[^\S\n]*(?:[.,][^\S\n]*)?$"

# A word that is not a negation (used in the gaps of patterns: "ijazah asli akan ditahan").
W = r"(?:(?!(?:tidak|tak|bukan|tanpa|jangan|tdk)\b)[a-z0-9-]+\s+)"
MONEY = (
    r"(?:rp\.?\s*\d[\d.,]*(?:\s*(?:rb|ribu|k|jt|juta))?|\b\d[\d.,]*\s*(?:rb|ribu|k|jt|juta)\b"
    r"|\b(?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|[a-z]+\s+(?:puluh|ratus))\s*(?:ratus\s+|puluh\s+)?(?:ribu|juta)\b)"
)
WORKER = r"(?:oleh\s+)?(?:peserta|pelamar|calon|sendiri|pekerja|karyawan|masing|anda|kamu)"
EMPLOYER_PAYS = (
    r"\b(?:(?:ditanggung|dibiayai|disubsidi|disediakan|diberikan)(?!\s+" + WORKER + r")|gratis|free"
    r"|dibayar(?:kan)?\s+(?:oleh\s+)?(?:perusahaan|pemberi\s+kerja|kantor|negara|pemerintah|user|majikan|kami))\b"
    r"|tanpa\s+biaya|\b(?:tidak|tak|bukan)\s+(?:di)?(?:bebankan|dibebankan|dipungut|dikenakan|ditarik|diminta|dibayar)\b"
)
# A denial after the phrase, in its clause: the text disowns what it names ("lowongan di
# grup Telegram bukan dari kami", "akun itu tidak resmi", "pesan tersebut adalah penipuan").
# "ini bukan penipuan" (a scammer's reassurance) is no denial: only "adalah/itu/merupakan
# penipuan" is.
DENIED = (
    r"\bbukan\s+(?:dari|berasal\s+dari|milik|bagian\s+dari|dikelola|dibuat|akun\s+resmi|kanal\s+resmi|saluran\s+resmi)\b"
    r"|\btidak\s+(?:resmi|terkait|terafiliasi|berafiliasi|berasal\s+dari|dikelola)\b"
    r"|\b(?:adalah|itu|merupakan)\s+(?:palsu|hoaks|hoax|penipuan)\b"
)
# A waiver right before a fee phrase: "peraturan pembebasan biaya penempatan" names the rule
# that frees the worker from the fee ("biaya pembebasan paspor", a fee, does not end so).
WAIVED = r"\b(?:pembebasan|penghapusan|dibebaskan\s+dari|bebas\s+dari)\s*$"
# Official placement schemes named in a text, each set by law: placement by the government
# (G to G, UU 18/2017 Pasal 10) such as EPS (Korea, Act on the Employment of Foreign Workers),
# SSW/tokutei ginou and IM Japan (Japan), Triple Win (Germany) and SP2T (Taiwan, through the
# BP3MI without an agency), or a P3MI whose licence (SIP3MI) can be looked up in SISKOP2MI.
# Their costs and age limits are the scheme's, not the employer's choice.
OFFICIAL_SCHEME = (
    r"\b(?:g\s*to\s*g|g2g|government\s+to\s+government|eps|eps-topik|ssw|tokutei\s+ginou|im\s+japan"
    r"|triple\s+win|sp2t|sip3mi|siskop2mi)\b"
)
# A count of vacancies reserved for a group ("502 untuk perempuan", "72 lowongan khusus
# difabel", "kuota 30 % untuk perempuan") reports inclusion; it asks nothing of the reader.
# The number is bounded: "[\d.,]*" before "$" rescanned a long run of "1.1.1…" from every digit.
COUNTED = r"\b\d[\d.,]{0,9}\s*%?\s+(?:(?:lowongan|formasi|kuota|kursi|posisi)\s+)?(?:kerja\s+)?$"
# Words that pay first and leave the money to be returned later ("transfer dulu uang tiket,
# nanti diganti perusahaan"): still a fee before work.
# Advice to keep secrets secret, governing the list it starts ("rahasiakan PIN, kata sandi dan
# OTP dari siapa pun", "jaga kerahasiaan kode OTP"): a warning, not a request. Only when the
# secret itself (or the phrase found) follows: "rahasiakan lowongan ini, kirim OTP" still asks.
SECRET_KEPT = (
    r"\b(?:rahasiakan|merahasiakan|kerahasiaan)\s+(?:(?:kode|nomor|no|data)\s+)?"
    r"(?:otp|pin|kata\s+sandi|sandi|password|rekening|kartu|$)"
)
FIRST = r"(?:dulu\s+|dahulu\s+|terlebih\s+dahulu\s+|lebih\s+dulu\s+)?"
# A gap of words without a negation in it ("biaya penempatan ... dipotong dari gaji").
GAP = r"(?:(?!\b(?:tidak|tak|bukan|tanpa)\b)[^\n.;])"
ABROAD = (
    r"\b(?:luar\s+negeri|ln|overseas|abroad|malaysia|singapura|singapore|brunei|hong\s*kong|taiwan|jepang|japan|korea"
    r"|arab|saudi|qatar|dubai|uae|emirat|kuwait|oman|bahrain|turki|polandia|eropa|jerman|kamboja|cambodia|myanmar"
    r"|laos|thailand|thai|filipina|philippines|vietnam|tiongkok|australia|selandia|kanada|inggris|rusia|negara\s+tujuan"
    r"|paspor|passport|visa|pmi|tki|tkw|pekerja\s+migran|bandara|imigrasi|perbatasan|nunukan|entikong|tawau"
    r"|johor|sabah|sarawak|serawak|kuala\s+lumpur|penang|phnom|sihanouk\w*|myawaddy|bangkok|manila|mae\s+sot)\b"
)
SCAM_HUBS = (
    r"\b(?:kamboja|cambodia|phnom\s*penh|sihanouk\w*|bavet|poipet|myanmar|burma|myawaddy|shwe\s*kokko|kk\s+park"
    r"|laos|golden\s+triangle|segitiga\s+emas|filipina|philippines|manila|pampanga|perbatasan\s+(?:thailand|thai|myanmar)"
    r"|mae\s+sot|thailand|thai)\b"
)
SCAM_JOBS = (
    r"\badmin\b|\boperator\b|admin(?:istrasi)?\s+(?:online|digital|medsos|media\s+sosial|sosmed|website|game|kantor)|customer\s+service|\bcs\b"
    r"|marketing|pemasaran|telemarketing|operator\s+(?:game|komputer|online|judi|slot)|game\s+online|kasino|casino"
    r"|judi|\bslot\b|crypto|kripto|trading|entry\s+data|input\s+data|data\s+entry|chatting|typing|staf\s+kantor|kerja\s+kantor"
    r"|penerjemah|translator"
)


# Runs of blanks a pattern reads between two words. Unbounded, two of them side by side
# ("usia\s*:?\s*maks") split one long run of blanks in every possible way, so a pasted
# "usia" followed by 50,000 spaces took 18 s in Python and seconds in the browser; bounded,
# every place a match may start costs a few hundred steps at most, whatever the text. A
# phrase spread over more than 20 blanks is not read as one phrase.
MAX_BLANKS = 20
_BLANK_RUN = re.compile(r"\\s([*+])")


def bounded(source: str) -> str:
    """``source`` with every ``\\s*`` and ``\\s+`` limited to :data:`MAX_BLANKS` characters."""
    return _BLANK_RUN.sub(lambda m: rf"\s{{{0 if m.group(1) == '*' else 1},{MAX_BLANKS}}}", source)


@dataclass(frozen=True)
class TextRule:
    """A named text check; see the module docstring for how a match is judged."""

    code: str
    title: str  # Indonesian, for CONTRIBUTING.md and the checker
    basis: str  # legal basis or official source
    message: str  # Indonesian; "{phrase}" is replaced by the words found
    hint: str  # what to do (for officers) — the checker shows ``advice``
    advice: str  # what a job seeker should do, for the public checker
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    weak_needed: int = 2
    triggers: Spec = ()  # words the strong patterns need (see _words; speed only)
    weak_triggers: tuple[Spec, ...] = ()  # the same for each weak pattern
    context_words: Spec = ()  # words the context needs
    negatable: bool = True
    not_before: str = ""
    not_after: str = ""
    context: str = ""
    applies: Callable[[dict], bool] | None = None  # record condition: validator only
    applies_note: str = ""
    compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        for name in ("strong", "weak"):
            object.__setattr__(self, name, tuple(map(bounded, getattr(self, name))))
        for name in ("context", "not_before", "not_after"):
            object.__setattr__(self, name, bounded(getattr(self, name)))

    def _re(self, source: str) -> re.Pattern:
        pattern = self.compiled.get(source)
        if pattern is None:
            pattern = self.compiled[source] = re.compile(source, FLAGS)
        return pattern

    def _groups(self) -> tuple:
        """``(strong, [(source, lead words, needs), …])`` for the strong, then the weak patterns;
        ``needs`` is what every match contains (:func:`.literals.required`)."""
        groups = self.compiled.get("groups")
        if groups is None:
            groups = self.compiled["groups"] = (
                (True, [(p, lead_words(p), required(p)) for p in self.strong]),
                (False, [(p, lead_words(p), required(p)) for p in self.weak]),
            )
        return groups

    def patterns(
        self, words: frozenset | None = None, strong: bool = True, weak: frozenset | None = None
    ) -> list[tuple[bool, int, str, Needs | None]]:
        """``(strong, index, source, needs)`` of the patterns worth running on a record.

        Speed only: with ``words`` (the record's words) a pattern that starts with words none
        of which occur is left out; ``strong=False`` leaves out the strong patterns and
        ``weak`` (pattern indices) limits the weak ones to those whose trigger words occur.
        ``needs`` is the text every match contains (:func:`.literals.required`).
        """
        chosen = []
        for is_strong, patterns in self._groups():
            if not (strong if is_strong else weak is None or weak):
                continue
            for index, (source, lead, needs) in enumerate(patterns):
                if not is_strong and weak is not None and index not in weak:
                    continue
                if words is not None and lead is not None and lead.isdisjoint(words):
                    continue
                chosen.append((is_strong, index, source, needs))
        return chosen

    def matches(self, norm: str, patterns: list[tuple]) -> list[tuple[int, int, int, bool]]:
        """``(start, end, pattern index, strong)`` of every match of ``patterns`` that counts in ``norm``."""
        if self.context and not self._re(self.context).search(norm):
            return []
        found = []
        for is_strong, index, source, needs in patterns:
            # Trigger words let through a hundred patterns for a thousand ordinary records, of
            # which a handful match: substring tests on the one text spare compiling (on first
            # use) and running the rest.
            if needs is not None and not fits(needs, norm):
                continue
            for m in self._re(source).finditer(norm):
                if m.end() == m.start() or not self._counts(norm, m.start(), m.end()):
                    continue
                found.append((m.start(), m.end(), index, is_strong))
        found.sort()
        return found

    def _counts(self, norm: str, start: int, end: int) -> bool:
        before, after = clause_around(norm, start, end)
        if self.negatable and (negated(before) or negated_list(before, after)):
            return False
        if self.not_after and self._re(self.not_after).search(before):
            return False
        return not (self.not_before and self._re(self.not_before).search(after))

    def findings(
        self,
        fields: list[tuple[tuple, str, str]],
        words: frozenset | None = None,
        strong: bool = True,
        weak: frozenset | None = None,
    ) -> Iterable[tuple]:
        """``(path, message, hint, offset)`` for every phrase found in ``(path, text, norm)``
        (``words``, ``strong`` and ``weak``: see :meth:`patterns`)."""
        if words is not None and self.context_words:
            # The context must occur in the field a phrase is in: a field without one of its
            # words is spared the context's long expression.
            context = spec_words(self.context_words, words)
            fields = [f for f in fields if any(map(f[2].__contains__, context))]
        patterns = self.patterns(words, strong, weak)
        hits = [(path, text, norm, m) for path, text, norm in fields for m in self.matches(norm, patterns)]
        if not hits:
            return
        weak_kinds = {m[2] for *_, m in hits if not m[3]}
        weak_ok = len(weak_kinds) >= self.weak_needed
        spans: list[list] = []  # [path, text, start, end]: overlapping or touching phrases merged
        for path, text, _norm, (start, end, _index, strong) in hits:
            if not (strong or weak_ok):
                continue
            if spans and spans[-1][0] == path and start <= spans[-1][3] + 1:
                spans[-1][3] = max(spans[-1][3], end)
            else:
                spans.append([path, text, start, end])
        for path, text, start, end in spans:
            begin, stop = locate(text, start), locate(text, end - 1) + 1
            phrase = " ".join(_INVISIBLE.sub("", text[begin:stop]).split()).lstrip(".;!? ")[:80]
            yield path, self.message.format(phrase=phrase), self.hint, begin

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": "warning" if self.code.startswith("W") else "error",
            "title": self.title,
            "basis": self.basis,
            "message": self.message,
            "advice": self.advice,
            "strong": list(self.strong),
            "weak": list(self.weak),
            "weakNeeded": self.weak_needed,
            "negatable": self.negatable,
            "notBefore": self.not_before,
            "notAfter": self.not_after,
            "context": self.context,
            "validatorOnlyCondition": self.applies_note,
        }


_LEAD = re.compile(r"^\\b(?:\(\?:([a-z|]+)\)|([a-z]+))(?=\\s|\\b)")


# Escapes and character classes: their brackets and bars are not the pattern's structure.
_OPAQUE = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]", re.DOTALL)
_STRUCTURE = re.compile(r"[()|]")


def _top_level_alternation(source: str) -> bool:
    # Regular expressions find the few brackets and bars: a loop over every character of
    # every pattern cost more than the rest of importing the rules.
    depth = 0
    for c in _STRUCTURE.findall(_OPAQUE.sub("", source)):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            return True
    return False


def lead_words(source: str) -> frozenset | None:
    """The words a pattern starts with, when it starts with whole words (``\\b(?:a|b)\\s``)."""
    m = _LEAD.match(source)
    if not m or _top_level_alternation(source):
        return None
    return frozenset((m.group(1) or m.group(2)).split("|"))


_CLAUSE_END = re.compile(CLAUSE_END)
_INVISIBLE = re.compile(char_class(INVISIBLE_CHARS))  # checkengine.js spells the same set
_NEGATION = re.compile(NEGATION, FLAGS)
_CONTRAST = re.compile(CONTRAST, FLAGS)
_CONTINUES = re.compile(CONTINUES, FLAGS)
_LIST_GOES_ON = re.compile(LIST_GOES_ON, FLAGS)
_LIST_LAST = re.compile(LIST_LAST, FLAGS)


def clause_around(norm: str, start: int, end: int) -> tuple[str, str]:
    """The clause text before ``start`` and after ``end`` (each at most ``CONTEXT_CHARS`` characters)."""
    lo = max(0, start - CONTEXT_CHARS)
    before = norm[lo:start]
    cuts = list(_CLAUSE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = norm[end : end + CONTEXT_CHARS]
    cut = _CLAUSE_END.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def negated(before: str) -> bool:
    """Whether a negation in ``before`` (clause text up to a phrase) governs the phrase."""
    scope = before
    contrast = list(_CONTRAST.finditer(scope))
    if contrast:
        scope = scope[contrast[-1].end() :]
    comma = scope.rfind(",")
    while comma != -1:
        if not _CONTINUES.search(scope[comma + 1 :]):
            scope = scope[comma + 1 :]
            break
        comma = scope.rfind(",", 0, comma)
    return bool(_NEGATION.search(scope))


def negated_list(before: str, after: str) -> bool:
    """Whether the phrase is an item of a negated list that goes on after it (commas do not
    end the negation there, a contrast word still does)."""
    if not (_LIST_GOES_ON.search(after) or _LIST_LAST.search(before)):
        return False
    contrast = list(_CONTRAST.finditer(before))
    return bool(_NEGATION.search(before[contrast[-1].end() :] if contrast else before))


Spec = tuple  # alternatives, each a tuple of word sets that must all occur; the rarest set last


def _words(spec: str) -> Spec:
    """Trigger words: ``"a b | c + d e"`` means a or b, or else c together with d or e.

    Every pattern of a rule needs one alternative in the text's words; only speed depends
    on it (a test runs the corpus with and without the filter and requires the same result).
    """
    return tuple(tuple(frozenset(group.split()) for group in alt.split("+")) for alt in spec.split("|"))


def spec_words(spec: Spec, words) -> frozenset:
    """The words of ``words`` in the last group of each alternative of ``spec`` that fits."""
    found = frozenset()
    for alt in spec:
        last = alt[-1] & words
        if last and all(not group.isdisjoint(words) for group in alt[:-1]):
            found |= last
    return found


AGES = " ".join(str(n) for n in range(15, 70))
TWO_DIGITS = " ".join(str(n) for n in range(10, 100))


def _no_justification(field_name: str) -> Callable[[dict], bool]:
    return lambda v: not (v.get(field_name) or {}).get("justification")


FEES = TextRule(
    "R401",
    "Meminta uang dari pelamar",
    "UU 13/2003 Pasal 35–38 dan Permenaker 39/2016: pelayanan antar kerja tidak dipungut biaya; UU 18/2017 Pasal 30",
    'meminta uang dari pelamar ("{phrase}")',
    "hapus permintaan biaya; pelamar kerja tidak boleh dipungut biaya apa pun. Bila ini penipuan, jangan tayangkan lowongannya",
    "Jangan membayar apa pun. Lowongan resmi tidak memungut biaya dari pelamar; laporkan ke Disnaker.",
    strong=(
        r"\bbiaya\s+(?:pendaftaran|administrasi|admin|adm|pelatihan|training|diklat|seragam|medical|medis|mcu|tes|test"
        r"|psikotes|proses|processing|penempatan|pengurusan|materai|meterai|registrasi|wawancara|interview|verifikasi"
        r"|aktivasi|berkas|dokumen|sertifikasi|kursus|asuransi|keanggotaan|member|visa|paspor|keberangkatan|transport"
        r"|akomodasi|legalisasi|rekrutmen|recruitment|pemberkasan|penginapan|kontrak|jaminan|formulir|pengiriman"
        r"|pembuatan|sponsor|agen|lolos|kelulusan|id\s*card|kartu|atribut|perlengkapan)\b",
        r"\buang\s+(?:jaminan|pendaftaran|administrasi|admin|seragam|pelatihan|pangkal|transport(?:asi)?\s+tes|komitmen"
        r"|keamanan|pelicin|rokok|terima\s+kasih|pengurusan|proses|formulir|pelancar)\b",
        r"\b(?:transfer|tf|trf|kirim)(?:kan)?\s+(?:dana\s+|uang\s+|biaya\s+|pembayaran\s+)?(?:ke\s+)?(?:nomor\s+|no\.?\s*)?"
        r"(?:rek(?:ening)?|akun\s+(?:dana|ovo|gopay)|ovo|gopay|shopeepay)\b(?!\s+(?:karyawan|pekerja|anda|masing|pribadi))",
        r"\b(?:transfer|tf|kirim)(?:kan)?\s+" + FIRST + r"(?:uang|dana|biaya)\b",
        r"\b(?:transfer|tf|trf|kirim|setor)(?:kan)?\s+" + FIRST + r"(?:sebesar\s+|senilai\s+)?" + MONEY,
        r"\b(?:dipungut|dikenakan|dikenai|ditarik|membayar|bayar|setor|menyetor|setorkan|lunasi|melunasi)\s+"
        + FIRST
        + r"(?:biaya|uang|dana|sejumlah|sebesar|rp\b|\d)",
        r"\b(?:wajib|harus|perlu|diharuskan|diwajibkan)\s+(?:membayar|bayar|setor|menyetor|transfer|mentransfer)\b",
        r"\b(?:biaya|uang|ongkos)\s+(?:sebesar\s+|senilai\s+|hanya\s+)?" + MONEY,
        r"\bongkos\s+(?:pendaftaran|tes|pelatihan|proses|pengurusan|administrasi|keberangkatan|berkas)\b",
        r"\bpembayaran\s+(?:biaya\s+)?(?:pendaftaran|administrasi|pelatihan|seragam|proses|tes|formulir)\b",
    ),
    triggers=_words(
        "biaya uang transfer tf trf kirim kirimkan transferkan setorkan dipungut dikenakan dikenai ditarik membayar bayar setor menyetor lunasi melunasi mentransfer ongkos pembayaran"
    ),
    not_before=EMPLOYER_PAYS,
    # Duties that handle money ("menghitung dan menyetor uang kas", "melayani transfer uang nasabah").
    not_after=r"\b(?:melayani|memproses|mencatat|menghitung|merekap|mengelola|memeriksa|menangani|transaksi)\b|"
    + WAIVED,
)

PURCHASES = TextRule(
    "R450",
    "Pelamar harus membeli seragam, kartu, starter kit atau paket anggota",
    "UU 13/2003 Pasal 35–38 dan Permenaker 39/2016 (tidak dipungut biaya); Kemnaker: ciri lowongan palsu",
    'pelamar harus membeli sesuatu sebelum bekerja ("{phrase}")',
    "hapus kewajiban membeli; seragam, kartu dan perlengkapan kerja disediakan pemberi kerja. Bila ini penipuan, jangan tayangkan",
    "Jangan membeli seragam, kartu, starter kit atau paket apa pun untuk bisa bekerja: itu ciri penipuan.",
    strong=(
        r"\b(?:beli|membeli|pembelian|menebus|tebus|memesan)\s+" + W + r"{0,2}"
        r"(?:seragam|id\s*card|kartu\s+(?:identitas|anggota|karyawan|member|pegawai)|name\s*tag|starter\s*(?:kit|pack)"
        r"|paket\s+(?:member|keanggotaan|usaha|kemitraan|starter|pendaftaran|pelatihan|produk)|membership|keanggotaan"
        r"|alat\s+kerja|perlengkapan(?:\s+kerja)?|modul|buku\s+panduan|produk\s+(?:awal|perdana)|voucher|sepatu\s+safety"
        r"|atribut|kaos|rompi)",
        r"\b(?:starter\s*(?:kit|pack)|paket\s+member(?:ship)?|paket\s+keanggotaan|paket\s+pendaftaran|kartu\s+member)\b",
        r"\b(?:seragam|id\s*card|perlengkapan|atribut|kartu\s+(?:anggota|karyawan|identitas))\s+" + W + r"{0,2}"
        r"(?:dibeli|ditebus|dibayar|ditanggung)\s+(?:oleh\s+)?(?:pelamar|peserta|calon|karyawan|sendiri|masing)",
    ),
    triggers=_words(
        "beli membeli pembelian menebus tebus memesan starter | paket + member membership keanggotaan pendaftaran | kartu + member | pelamar peserta calon karyawan sendiri masing + dibeli ditebus dibayar ditanggung"
    ),
    not_before=EMPLOYER_PAYS,
)

DEPOSITS = TextRule(
    "R451",
    "Uang tanda jadi, DP, booking, dana talangan atau isi saldo",
    "UU 13/2003 Pasal 35–38 dan Permenaker 39/2016 (tidak dipungut biaya); Kemnaker dan Polri: modus penipuan lowongan",
    'pelamar diminta menyetor uang lebih dulu ("{phrase}")',
    "hapus permintaan setoran; pelamar tidak boleh diminta uang tanda jadi, DP, booking, dana talangan atau isi saldo",
    "Jangan menyetor uang tanda jadi, DP, booking atau isi saldo. Pekerjaan sungguhan tidak meminta setoran.",
    strong=(
        r"\b(?:uang\s+)?tanda\s+jadi\b",
        r"\b(?:dp|down\s*payment|uang\s+muka)\b",
        r"\b(?:booking|book)\s+(?:fee|slot|tempat|kursi|kuota|seat)\b|\bbiaya\s+booking\b",
        r"\bdana\s+talangan\b",
        r"\b(?:isi|mengisi|tambah)\s+saldo\b(?!\s+(?:e-?money|e-?wallet|pelanggan|konsumen|kartu\s+tol))",
        r"\btop\s*-?\s*up\s+(?:saldo|akun|dulu|terlebih|sebesar|minimal|rp\b|\d)",
        r"\b(?:isi|mengisi|top\s*-?\s*up)\s+saldo\b[^\n.;]{0,20}?" + MONEY,
        r"\bdeposit\b|\bdeposito\s+(?:jaminan|awal)\b",
        r"\bsaldo\s+(?:awal|minimal|jaminan)\b",
        r"\baktivasi\s+(?:akun|id|member|keanggotaan)\b[^\n]{0,30}?" + MONEY,
        r"\b(?:bayar|dibayar|pembayaran|biaya|lunas|dilunasi|dibayarkan)\s+" + W + r"{0,4}di\s*muka\b",
        r"\bkunci\s+(?:tempat|kuota|slot|posisi)\b",
    ),
    triggers=_words(
        "jadi dp down downpayment muka booking book talangan saldo top topup deposit deposito aktivasi kunci"
    ),
    not_before=EMPLOYER_PAYS,
)

AGENT_TRAVEL = TextRule(
    "R452",
    "Tiket, hotel atau perjalanan harus dipesan lewat agen perekrut",
    "Kemnaker: ciri lowongan palsu (undangan tes dengan pemesanan tiket/hotel lewat agen tertentu)",
    'pelamar diminta memesan tiket atau hotel lewat agen tertentu ("{phrase}")',
    "hapus kewajiban memesan lewat agen; undangan tes resmi tidak mengharuskan biro perjalanan tertentu",
    "Jangan memesan tiket atau hotel lewat agen yang ditunjuk perekrut; itu modus penipuan undangan tes.",
    strong=(
        r"\b(?:tiket|hotel|penginapan|akomodasi|travel|transportasi|pesawat|kamar|reservasi)\b[^\n.;]{0,60}?"
        r"\b(?:melalui|lewat|via|di|ke|pada)\s+(?:agen|travel|biro)(?:\s+(?:travel|perjalanan))?\s+"
        r"(?:kami|resmi\s+kami|yang\s+(?:kami\s+)?(?:tunjuk|ditunjuk|rekomendasikan|sediakan)|rekanan|mitra|perusahaan|tertentu|ditunjuk)",
        r"\b(?:pesan|memesan|booking|reservasi|membeli|beli)\s+(?:tiket|hotel|kamar|penginapan)\b[^\n.;]{0,50}?"
        r"\b(?:agen|travel|biro)\b",
        r"\b(?:menginap|reservasi|pesan\s+kamar)\s+(?:di\s+)?hotel\s+(?:yang\s+)?(?:ditunjuk|ditentukan|rekanan)",
        r"\bbukti\s+(?:pemesanan|booking|pembelian)\s+(?:tiket|hotel|kamar)",
    ),
    triggers=_words("agen travel biro ditunjuk ditentukan rekanan | bukti + pemesanan booking pembelian"),
)

TASK_SCAM = TextRule(
    "R453",
    "Tugas berbayar: like, follow, rating atau ulasan",
    "OJK dan Polri: peringatan penipuan kerja paruh waktu berbasis tugas (task scam)",
    'penipuan tugas berbayar ("{phrase}")',
    "jangan tayangkan; dibayar per like, follow, rating atau ulasan adalah modus penipuan yang berakhir meminta setoran",
    "Dibayar untuk like, follow, rating atau ulasan adalah penipuan: awalnya dibayar kecil, lalu diminta menyetor.",
    strong=(
        r"\b(?:like|likes|follow|follower|followers|subscribe|rating|review|ulasan|bintang\s+(?:5|lima)|komen|komentar"
        r"|share|tonton|nonton|menonton|klik|iklan)\b[^\n.;]{0,40}?\b(?:dibayar|bayaran|komisi|upah|cuan|fee|imbalan"
        r"|uang\s+tunai|ditransfer|langsung\s+cair|rp\b|\d+\s*(?:rb|ribu|k)\b)",
        r"\b(?:per|setiap|tiap)\s+(?:tugas|task|misi|like|follow|review|ulasan|video|klik|rating|iklan)\b",
        r"\b(?:tugas|misi|task)\s+(?:like|follow|review|rating|ulasan|harian|berbayar|prabayar|vip|premium)\b",
        r"\b(?:kerja|pekerjaan|job)\s+(?:like|follow|rating|review|klik|nonton)\b",
        r"\b(?:like|follow|subscribe)\s+(?:akun|video|channel|toko|postingan)\b",
        # Marketplace "HR" bait (Polri/OJK): a sign-up reward, then a reply code.
        r"\b(?:pendatang|pengguna|member|anggota)\s+baru\s+(?:langsung\s+)?(?:dapat|mendapat|mendapatkan|dapet|terima)\s+"
        r"(?:bonus\s+|hadiah\s+|komisi\s+)?(?:rp|\d)",
        r"\b(?:balas|ketik|reply|kirim)\s+(?:angka\s+)?[1-9]\b[^\n.;]{0,40}?\b(?:info|bergabung|gabung|daftar|lanjut|minat|tertarik)\b"
        r"|\b(?:bergabung|gabung|daftar|minat|tertarik)\b[^\n.;]{0,40}?\b(?:balas|ketik|reply)\s+(?:angka\s+)?[1-9]\b",
    ),
    triggers=_words(
        "like likes follow follower followers subscribe rating review ulasan bintang komen komentar share tonton nonton menonton klik iklan tugas task misi"
        " | pendatang pengguna member anggota + baru | balas ketik reply kirim + 1 2 3 4 5 6 7 8 9"
    ),
    not_after=r"\b(?:membalas|menanggapi|mengelola|memantau|merespons|menjawab)\b",
)

INVESTMENT = TextRule(
    "R454",
    "Modal awal, investasi, deposit atau skema rekrut anggota",
    "UU 7/2014 Pasal 9 (larangan skema piramida); OJK/Satgas PASTI: investasi dan kerja berkedok investasi ilegal",
    'meminta modal atau investasi, atau membayar untuk merekrut orang ("{phrase}")',
    "jangan tayangkan; pekerjaan tidak boleh mensyaratkan modal, investasi atau merekrut anggota berbayar",
    "Pekerjaan yang meminta modal, investasi atau merekrut anggota adalah skema penipuan. Jangan menyetor.",
    strong=(
        r"\bmodal\s+(?:awal|usaha|kecil|minim|pertama|sedikit|dulu|terlebih|sebesar|rp\b|\d)",
        r"\b(?:ber)?investasi\s+(?:awal|minimal|sebesar|dulu|terlebih|mulai|rp\b|\d)",
        r"\b(?:meng)?investasikan\s+" + W + r"{0,2}(?:(?:minimal|sebesar|mulai|hanya)\s+(?:dari\s+)?)?" + MONEY,
        r"\b(?:ber)?investasi\b[^\n.;]{0,30}?\b(?:untuk|agar|supaya)\s+(?:bisa\s+)?(?:bergabung|menjadi|aktivasi|mendapat|dapat)",
        r"\b(?:profit|keuntungan|return|bunga)\s+" + W + r"{0,2}(?:harian|per\s+hari|\d+\s*%)",
        r"\b\d+\s*%\s*(?:per|/|setiap|tiap)\s*(?:hari|minggu)\b",
        r"\b(?:ajak|rekrut|merekrut|mengajak|referensikan|undang|mengundang|cari)\s+(?:teman|orang|anggota|member|downline|\d+\s+orang)\b"
        r"[^\n.;]{0,50}?\b(?:bonus|komisi|dapat|mendapat|dibayar|rp\b|poin)",
        r"\b(?:downline|upline|bonus\s+(?:sponsor|referral|rekrut)|member\s+get\s+member|skema\s+member)\b",
        r"\breseller\b[^\n.;]{0,40}?\b(?:daftar|pendaftaran|modal|deposit|paket|setor)\b",
    ),
    triggers=_words(
        "modal investasi berinvestasi investasikan menginvestasikan profit keuntungan return bunga ajak rekrut merekrut mengajak referensikan undang mengundang cari downline upline bonus member skema reseller"
    ),
)

CHAT_GROUP = TextRule(
    "W530",
    "Diarahkan ke grup Telegram atau WhatsApp",
    "OJK dan Polri: modus penipuan kerja paruh waktu lewat grup Telegram/WhatsApp",
    'pelamar diarahkan ke grup obrolan ("{phrase}")',
    "cantumkan cara melamar resmi (situs, email perusahaan, atau kantor pemverifikasi), bukan grup Telegram/WhatsApp",
    "Perusahaan resmi tidak merekrut lewat grup Telegram atau WhatsApp. Jangan ikuti perintah di grup itu.",
    strong=(
        r"\b(?:gabung|bergabung|masuk|join|pindah|lanjut|diarahkan|undangan)\s+(?:ke\s+)?(?:dalam\s+)?(?:grup|group|grub|channel|kanal)\s+"
        r"(?:telegram|tele|wa|whatsapp|whats\s*app)\b",
        r"\b(?:grup|group|grub|channel)\s+(?:telegram|tele)\b|\btelegram\s+(?:grup|group|admin|kami|mentor)\b|\bt\.me/",
        r"chat\.whatsapp\.com",
        r"\b(?:telegram|tele)\b[^\n.;]{0,15}@[a-z0-9_]{3,}|\b(?:di|via|lewat|ke|melalui)\s+(?:akun\s+|aplikasi\s+)?telegram\b",
        r"\bhubungi\s+(?:admin|mentor|resepsionis|pembimbing)\s+(?:di\s+|via\s+|lewat\s+)?(?:telegram|tele)\b",
    ),
    triggers=_words("telegram tele grup group grub channel kanal t whatsapp chat wa"),
    not_before=DENIED,
)

TOURIST_VISA = TextRule(
    "R455",
    "Bekerja ke luar negeri dengan visa bukan visa kerja",
    "UU 18/2017 Pasal 5 dan 13 (visa kerja, dokumen lengkap); Kemlu dan KP2MI: peringatan penempatan nonprosedural",
    'bekerja ke luar negeri tanpa visa kerja ("{phrase}")',
    "pekerja migran wajib berangkat dengan visa kerja yang diurus sebelum berangkat; jangan tayangkan tawaran ini",
    "Bekerja dengan visa turis, kunjungan atau umrah, atau 'bebas visa', adalah jalur ilegal. Tanyakan ke BP3MI/LTSA.",
    strong=(
        r"\bvisa\s+(?:turis|turist|tourist|wisata|kunjungan|visit|pelancong|liburan|umro?h|ziarah|on\s+arrival|voa|pelajar|kunjungan\s+keluarga)\b",
        r"\b(?:pakai|menggunakan|dengan|memakai|lewat|jalur)\s+(?:visa\s+|jalur\s+)?(?:umro?h|ziarah|paspor\s+(?:wisata|pelancong|kunjungan))\b",
        r"\bbebas\s+visa\b",
        r"\bvisa\s+(?:kerja\s+)?(?:diurus|dibuat|dibuatkan|menyusul|diproses|dikerjakan|diganti|dirubah|diubah)\s+"
        r"(?:" + W + r"{0,2})?(?:setelah|sesudah|di\s+sana|di\s+negara|saat|ketika|nanti|belakangan)\b",
        r"\b(?:tanpa|tidak\s+perlu|gak\s+perlu|ga\s+perlu|nggak\s+perlu|tidak\s+butuh)\s+visa\b",
        r"\bberangkat\s+(?:sebagai|seperti|menyamar\s+sebagai)\s+(?:turis|wisatawan|pelancong)\b",
        r"\b(?:wisata|liburan|jalan-jalan|umroh?|umrah)\s+(?:dulu|sambil\s+kerja|lalu\s+kerja|kemudian\s+kerja)\b",
        # Cover stories at the border (imigrasi and BP3MI reports): "alasan kunjungan keluarga",
        # "bilang untuk liburan", "masuk sebagai wisatawan", "paspor wisata", "izin diurus majikan".
        r"\b(?:alasan|dalih|bilang|mengaku|ngaku)\s+(?:untuk\s+|mau\s+)?(?:kunjungan|mengunjungi|liburan|berlibur|wisata"
        r"|jalan-jalan|umro?h|ziarah|menjenguk)\b",
        r"\b(?:sebagai|menyamar\s+sebagai|menyamar\s+jadi)\s+(?:turis|wisatawan|pelancong)\b",
        r"\bpaspor\s+(?:wisata|pelancong|turis|kunjungan|liburan)\b",
        r"\b(?:permit|izin|ijin)\s+(?:kerja|tinggal)\s+(?:diurus|dibuat|dibuatkan|menyusul|diproses)\s+(?:"
        + W
        + r"{0,2})?"
        r"(?:setelah|sesudah|di\s+sana|nanti|belakangan|oleh\s+majikan)\b"
        r"|\bmajikan\s+(?:yang\s+)?(?:urus|mengurus|uruskan)\s+(?:izin|ijin|permit|visa)\b",
    ),
    triggers=_words(
        "visa umroh umrah umro ziarah | turis wisatawan pelancong | dulu sambil lalu kemudian + wisata liburan jalan"
        " | alasan dalih bilang mengaku ngaku + kunjungan mengunjungi liburan berlibur wisata jalan menjenguk"
        " | paspor + wisata pelancong turis kunjungan liburan | permit izin ijin + kerja tinggal + diurus dibuat"
        " dibuatkan menyusul diproses | majikan + urus mengurus uruskan"
    ),
    not_after=r"\b(?:dilarang|larangan|waspada|hindari|ilegal|modus)\b",
)

BACK_DOOR = TextRule(
    "R456",
    "Berangkat ke luar negeri lewat jalur nonprosedural",
    "UU 18/2017 Pasal 5, 13, 49 dan 69; KP2MI dan Kemlu: peringatan penempatan nonprosedural",
    'penempatan ke luar negeri tanpa prosedur resmi ("{phrase}")',
    "penempatan wajib lewat BP2MI/KP2MI, P3MI ber-SIP3MI dengan job order, pelatihan dan dokumen lengkap; jangan tayangkan",
    "Berangkat tanpa Disnaker/P3MI resmi, tanpa job order, pelatihan atau dokumen adalah jalur ilegal dan berbahaya.",
    strong=(
        r"\bjalur\s+(?:belakang|tikus|samping|gelap|non\s*-?\s*prosedural|ilegal|cepat|pintas|darat|laut)\b",
        r"\b(?:lewat|melalui|via|jalan)\s+(?:jalur\s+)?(?:laut|darat|pelabuhan\s+tikus|hutan|sungai)\b",
        r"\b(?:tidak|tak|gak|ga|nggak|tanpa)\s+(?:perlu|usah|harus|lewat|melalui|wajib)\s+(?:lewat\s+|melalui\s+|ke\s+|daftar\s+(?:di|ke)\s+|urus\s+)?"
        r"(?:disnaker|dinas|p(?:3|e)mi|bp2mi|kp2mi|bp3mi|ltsa|kantor\s+tenaga\s+kerja|kemnaker|pemerintah|pelatihan|blk"
        r"|sertifikat|medical|dokumen|job\s*order|prosedur|agen\s+resmi|pap|bpjs|ribet)\b",
        r"\b(?:tanpa|tidak\s+ada|tidak\s+perlu|belum\s+ada)\s+(?:job\s*order|demand\s+letter|perjanjian\s+kerja|kontrak\s+kerja)\b",
        r"\b(?:berangkat|terbang|diberangkatkan)\s+(?:"
        + W
        + r"{0,3})?(?:dalam|hanya|cuma|paling\s+lambat|secepatnya\s+dalam)\s+"
        r"(?:\d+|satu|dua|tiga|empat|lima|enam|tujuh|beberapa)\s+(?:hari|minggu)\b",
        r"\b(?:proses|berangkat|keberangkatan)\s+(?:super\s+)?(?:cepat|kilat|express|ekspres|instan)\b",
        r"\blangsung\s+(?:berangkat|terbang|diberangkatkan)\b",
        r"\b(?:tanpa|tidak\s+perlu|tidak\s+ada)\s+(?:pelatihan|training|pembekalan|medical|medical\s+check|sertifikat|dokumen\s+resmi|pap)\b",
    ),
    triggers=_words(
        "jalur laut darat pelabuhan hutan sungai disnaker dinas pemi bp kp ltsa kantor kemnaker pemerintah pelatihan blk sertifikat medical dokumen job joborder prosedur agen pap bpjs ribet demand perjanjian kontrak berangkat terbang diberangkatkan cepat kilat express ekspres instan training pembekalan"
    ),
    context_words=_words(
        "luar ln overseas abroad malaysia singapura singapore brunei hong hongkong taiwan jepang japan korea arab saudi qatar dubai uae emirat kuwait oman bahrain turki polandia eropa jerman kamboja cambodia myanmar laos thailand thai filipina philippines vietnam tiongkok australia selandia kanada inggris rusia negara paspor passport visa pmi tki tkw migran bandara imigrasi perbatasan nunukan entikong tawau johor sabah sarawak serawak kuala penang phnom sihanouk sihanoukville myawaddy bangkok manila mae"
    ),
    negatable=False,
    not_after=r"\b(?:dilarang|larangan|waspada|hindari|modus|jangan)\b",
    context=ABROAD,
)

SCAM_COMPOUND = TextRule(
    "R457",
    "Kerja online, CS, marketing atau kasino di Kamboja, Myanmar, Laos, Filipina atau perbatasan Thailand",
    "Kemlu RI dan KP2MI: peringatan perdagangan orang untuk penipuan daring (online scam) di Asia Tenggara",
    'lowongan berpola perdagangan orang untuk penipuan daring ("{phrase}")',
    "jangan tayangkan; Kemlu memperingatkan tawaran kerja online/CS/marketing/kasino di negara ini. Laporkan ke BP3MI",
    "Tawaran kerja admin online, CS, marketing atau kasino di Kamboja, Myanmar, Laos, Filipina atau perbatasan "
    "Thailand sering berujung perdagangan orang. Jangan berangkat; hubungi BP3MI atau Kemlu (Safe Travel).",
    strong=(SCAM_HUBS,),
    triggers=_words(
        "kamboja cambodia phnom penh sihanoukville sihanouk bavet poipet myanmar burma myawaddy shwe kk laos golden segitiga filipina philippines manila pampanga perbatasan mae thailand thai"
    ),
    negatable=False,
    not_after=r"\b(?:waspada|hindari|modus|jangan|korban|peringatan)\b",
    context=SCAM_JOBS,
)

DOCUMENT_HOLD = TextRule(
    "R458",
    "Ijazah, paspor atau dokumen pribadi asli ditahan sebagai jaminan",
    "SE Menaker Nomor M/5/HK.04.00/V/2025 tentang larangan penahanan ijazah dan/atau dokumen pribadi milik "
    "pekerja oleh pemberi kerja (20 Mei 2025; nomor sama di pemberitaan Metro TV 20 Mei 2025 dan Bisnis.com 23 Mei "
    "2025 yang mengutip Menaker; naskah SE belum diperiksa)",
    'dokumen pribadi asli ditahan pemberi kerja ("{phrase}")',
    "hapus syarat ini; SE Menaker M/5/HK.04.00/V/2025 melarang menahan ijazah, paspor dan dokumen pribadi pekerja "
    "(pengecualiannya hanya ijazah atau sertifikat dari pendidikan yang dibiayai perusahaan, diatur dalam perjanjian "
    "kerja tertulis)",
    "Pemberi kerja dilarang menahan ijazah, paspor atau dokumen asli Anda. Jangan serahkan dokumen asli.",
    strong=(
        r"\b(?:ijazah|ijasah|paspor|passport|ktp|bpkb|akta|buku\s+nikah|sertifikat|dokumen(?:\s+pribadi)?|surat\s+berharga)\s+"
        + W
        + r"{0,4}(?:ditahan|akan\s+ditahan|disimpan\s+(?:oleh\s+)?(?:perusahaan|kantor|pihak|agen|hrd|majikan|selama)"
        r"|dititipkan|dijadikan\s+jaminan|sebagai\s+jaminan|dipegang\s+(?:oleh\s+)?(?:perusahaan|agen|majikan|pihak)"
        r"|diserahkan\s+(?:ke|kepada)\s+(?:perusahaan|kantor|pihak|agen|hrd|majikan)|ditinggal\s+di)",
        r"\b(?:menahan|menitipkan|titip|titipkan|menyimpan)\s+" + W + r"{0,2}(?:ijazah|ijasah|paspor|passport|bpkb)\b",
        r"\b(?:menyerahkan|serahkan|diserahkan|mengumpulkan|kumpulkan)\s+"
        + W
        + r"{0,2}(?:ijazah|ijasah|paspor|passport|bpkb|sertifikat|akta)\s+"
        + W
        + r"{0,2}asli\b",
        r"\bjaminan\s+(?:berupa\s+)?(?:ijazah|ijasah|paspor|passport|bpkb|sertifikat|dokumen|ktp)\b",
    ),
    triggers=_words(
        "ditahan disimpan dititipkan dijadikan jaminan dipegang diserahkan ditinggal menahan menitipkan titip titipkan menyimpan | menyerahkan serahkan mengumpulkan kumpulkan + asli"
    ),
    not_after=r"\b(?:fotokopi|fotocopy|salinan|scan|copy|legalisir)\s*$",
)

WAGE_DEDUCTION = TextRule(
    "R459",
    "Gaji dipotong untuk biaya penempatan atau pelatihan",
    "UU 18/2017 Pasal 30: pekerja migran tidak dapat dibebani biaya penempatan; "
    "UU 13/2003 Pasal 12: pelatihan kerja oleh perusahaan tidak dibebankan kepada pekerja",
    'biaya penempatan atau pelatihan dipotong dari gaji ("{phrase}")',
    "hapus potongan ini; biaya penempatan dan pelatihan tidak boleh dibebankan kepada pekerja lewat potongan gaji",
    "Biaya penempatan atau pelatihan tidak boleh dipotong dari gaji Anda. Tanyakan ke Disnaker atau BP3MI.",
    strong=(
        r"\b(?:biaya|ongkos|hutang|utang)\s+(?:penempatan|keberangkatan|proses|pelatihan|training|pengurusan|agen|sponsor|visa|tiket"
        r"|kursus|diklat|seragam|pemberangkatan)\b"
        + GAP
        + r"{0,60}?\b(?:dipotong|potong|potongan|dicicil|cicil|diangsur|angsur"
        r"|dibayar|diganti|dilunasi)\s+(?:dari\s+|melalui\s+|lewat\s+|dengan\s+|via\s+)?" + W + r"{0,2}(?:gaji|upah)\b",
        r"\b(?:potong(?:an)?|dipotong|memotong|pemotongan|cicil(?:an)?|dicicil|mencicil|angsur(?:an)?|diangsur)\s+"
        + W
        + r"{0,2}"
        r"(?:gaji|upah)\s+"
        + W
        + r"{0,4}(?:untuk|sebagai|guna|buat)\s+"
        + W
        + r"{0,2}(?:biaya|ongkos|pelunasan|pembayaran|ganti"
        r"|hutang|utang|cicilan|pengembalian)",
        r"\b(?:potong(?:an)?|dipotong)\s+(?:gaji|upah)\s+(?:selama\s+)?(?:\d+|beberapa|satu|dua|tiga|empat|lima|enam|tujuh|delapan"
        r"|sembilan|sepuluh)\s*(?:bulan|bln|kali)\b",
        r"\b(?:gaji|upah)\s+(?:akan\s+)?dipotong\s+(?:selama\s+)?(?:\d+|beberapa|satu|dua|tiga|empat|lima|enam|tujuh|delapan)\s*(?:bulan|bln)\b",
        r"\b(?:gaji|upah)\s+(?:akan\s+)?dipotong\s+(?:untuk\s+)?(?:biaya|ongkos)\s+(?:penempatan|proses|pelatihan|training|keberangkatan|agen)",
    ),
    triggers=_words(
        "gaji upah + potong potongan dipotong memotong pemotongan cicil cicilan dicicil mencicil angsur angsuran diangsur | gaji upah + biaya ongkos hutang utang + dibayar diganti dilunasi"
    ),
)

TOO_GOOD = TextRule(
    "W534",
    "Tawaran terlalu bagus: gaji besar tanpa syarat, tanpa tes, kerja sebentar",
    "Kemnaker: ciri lowongan palsu (gaji tidak wajar, persyaratan sangat mudah)",
    'tawaran terlalu bagus untuk jadi kenyataan ("{phrase}")',
    "periksa pemberi kerja dan upahnya; tulis syarat dan proses seleksi yang sebenarnya",
    "Gaji besar tanpa syarat, tanpa tes atau kerja hanya sebentar adalah ciri penipuan. Periksa dulu perusahaannya.",
    strong=(
        r"\btanpa\s+syarat\b(?!\s+(?:pendidikan|ijazah|pengalaman)\s+khusus)",
        r"\b(?:gaji|penghasilan|income|pendapatan|upah|cuan|bayaran|komisi)\s+"
        + W
        + r"{0,3}(?:rp\.?\s*)?\d[\d.,]*\s*(?:jt|juta)"
        r"\s*(?:\+\s*)?(?:/|per|sehari|tiap|setiap)\s*(?:hari|minggu|jam)\b",
        r"\b(?:kerja|bekerja)\s+(?:hanya\s+|cuma\s+|cukup\s+|santai\s+)?(?:[1-3]|satu|dua|tiga|1-2|1-3|2-3)\s*(?:-\s*[1-3]\s*)?jam\s*"
        r"(?:/|per|sehari|se\s*hari|tiap\s+hari|setiap\s+hari)",
        r"\b(?:gaji|penghasilan|income|pendapatan)\s+" + W + r"{0,2}(?:puluhan|ratusan)\s+juta\b",
        r"\b(?:\d+|puluhan|ratusan)\s*(?:jt|juta)\s*(?:/|per|sehari)\s*(?:hari|minggu)\b",
        r"\bpasti\s+(?:kaya|untung|cuan|sukses)\b|\bcuan\s+(?:besar|harian|jutaan)\b",
        r"\bkerja\s+santai\s+(?:gaji|penghasilan|income)\s+(?:besar|tinggi|jutaan|puluhan)\b",
    ),
    weak=(
        r"\b(?:tanpa|tidak\s+(?:perlu|butuh|harus|wajib))\s+(?:pengalaman|skill|keahlian|ijazah|ijasah|keterampilan)\b",
        r"\b(?:tanpa|tidak\s+ada|tidak\s+perlu|bebas)\s+(?:tes|test|interview|wawancara|seleksi|psikotes)\b",
        r"\blangsung\s+(?:kerja|bekerja|diterima|gajian|dapat\s+gaji)\b",
        r"\b(?:gaji|penghasilan|income|pendapatan|bonus|bayaran)\s+"
        + W
        + r"{0,2}(?:besar|tinggi|fantastis|menggiurkan|jutaan|puluhan|menarik\s+sekali)\b",
        r"\b(?:gaji|penghasilan|upah|income|pendapatan)\s+"
        + W
        + r"{0,3}(?:rp\.?\s*)?(?:[1-9]\d(?:[.,]\d{3}){2}|[1-9]\d\s*(?:jt|juta))\b",
        r"\b(?:kerja|bekerja)\s+(?:santai\s+)?(?:dari|di)\s+(?:rumah|hp|handphone|mana\s+saja)\b"
        r"|\b(?:cukup|cuma|hanya|modal)\s+(?:modal\s+)?(?:hp|handphone|smartphone|ponsel)\b",
        r"\b(?:penghasilan|income|pendapatan|cuan|komisi|profit)\s+"
        + W
        + r"{0,2}"
        + MONEY
        + r"\s*(?:/|per|se)\s*hari\b",
        r"\b(?:bisa|dapat|boleh)\s+(?:disambi|sambil|dikerjakan\s+sambil)\b",
        r"\b(?:kuota|slot|tempat)\s+(?:sangat\s+)?(?:terbatas|tinggal)\b|\bsegera\s+(?:daftar|hubungi|chat)\b|\bhari\s+ini\s+(?:juga|saja)\b",
        # Requirements too easy (Kemnaker: "persyaratan sangat mudah"): "syarat cukup KTP dan KK".
        r"\b(?:cukup|hanya|cuma|modal)\s+(?:e-?ktp|ktp|kk)\b",
        # Leaving at once (KP2MI: trafficking bait, fishing crews too): "berangkat besok".
        r"\b(?:berangkat|keberangkatan|terbang|diberangkatkan)\s+(?:minggu\s+ini|besok|lusa|secepatnya)\b",
    ),
    weak_needed=2,
    triggers=_words(
        "tanpa + syarat | hari minggu jam + jt juta | kerja bekerja + jam | puluhan ratusan + juta | pasti + kaya untung cuan sukses | cuan | santai"
    ),
    weak_triggers=(
        _words("tanpa perlu butuh harus wajib + pengalaman skill keahlian ijazah ijasah keterampilan"),
        _words("tanpa ada perlu bebas + tes test interview wawancara seleksi psikotes"),
        _words("kerja bekerja diterima gajian dapat + langsung"),
        _words(
            "gaji penghasilan income pendapatan bonus bayaran + besar tinggi fantastis menggiurkan jutaan puluhan menarik"
        ),
        _words(
            f"gaji penghasilan upah income pendapatan + jt juta | gaji penghasilan upah income pendapatan + 000 + {TWO_DIGITS}"
        ),
        _words("kerja bekerja + rumah hp handphone mana | cukup cuma hanya modal + hp handphone smartphone ponsel"),
        _words("hari sehari + penghasilan income pendapatan cuan komisi profit"),
        _words("disambi sambil"),
        _words("kuota slot tempat + terbatas tinggal | daftar hubungi chat + segera | hari + ini + juga saja"),
        _words("cukup hanya cuma modal + ektp ktp kk"),
        _words("berangkat keberangkatan terbang diberangkatkan + minggu besok lusa secepatnya"),
    ),
    negatable=False,
)

GUARANTEED = TextRule(
    "R460",
    "Dijamin lulus atau diterima, jalur orang dalam",
    "Kemnaker dan BKN: peringatan penipuan rekrutmen berkedok jaminan kelulusan",
    'menjanjikan pasti diterima ("{phrase}")',
    "hapus janji ini; tidak ada seleksi yang menjamin kelulusan. Bila meminta imbalan, ini penipuan",
    "Tidak ada yang bisa menjamin Anda lulus atau diterima. Janji 'pasti lolos' atau 'orang dalam' adalah penipuan.",
    strong=(
        r"\b(?:dijamin|jaminan|pasti|100\s*%|garansi)\s+"
        + W
        + r"{0,2}(?:lulus|lolos|diterima|berangkat|jadi\s+(?:pns|asn|pegawai|karyawan|pppk))\b",
        r"\b(?:orang\s+dalam|ordal)\b",
        r"\b(?:tanpa|tidak\s+perlu|bebas)\s+(?:tes|test|seleksi|ujian)\s+"
        + W
        + r"{0,3}(?:cpns|pns|asn|pppk|bumn|pegawai\s+negeri)\b",
        r"\b(?:kuota|formasi|sk|nip|kursi)\s+(?:khusus\s+)?(?:cpns|pns|asn|pppk)\b",
        r"\bpasti\s+(?:diterima|lolos|lulus)\b",
    ),
    triggers=_words(
        "lulus lolos diterima berangkat jadi + dijamin jaminan pasti garansi 100 | orang + dalam | ordal | tanpa tidak bebas kuota formasi sk nip kursi + cpns pns asn pppk bumn negeri | pasti"
    ),
    not_after=r"\b(?:waspada|hindari|modus|korban|peringatan)\b",
)


def _not_public_body(v: dict) -> bool:
    return (v.get("employer") or {}).get("legal_form") not in ("bumn", "bumd", "instansi")


# Destinations of an offer abroad (for the combined signals of W536).
DESTINATIONS = (
    r"\b(?:luar\s+negeri|overseas|abroad|malaysia|singapura|singapore|brunei|hong\s*kong|taiwan|jepang|japan|korea"
    r"|arab|saudi|qatar|dubai|uae|kuwait|oman|bahrain|turki|polandia|eropa|jerman|kamboja|cambodia|myanmar|laos"
    r"|thailand|filipina|philippines|vietnam|australia|selandia|kanada|inggris|rusia|phnom|bangkok|manila)\b"
)
OVERSEAS_RISK = TextRule(
    "W536",
    "Tawaran kerja ke luar negeri dengan beberapa tanda risiko sekaligus",
    "UU 18/2017 Pasal 13 dan 49 (penempatan hanya lewat P3MI berizin atau pemerintah, dengan perjanjian kerja dan visa "
    "kerja); Kemlu RI dan KP2MI: ciri tawaran online scam (kerja admin/operator, tiket dan visa ditanggung, kontak "
    "hanya WhatsApp/Telegram, gaji Rp 7-16 juta, tanpa ijazah atau pengalaman, berangkat cepat)",
    'tawaran kerja luar negeri dengan tanda risiko ("{phrase}")',
    "tulis P3MI berizin (SIP3MI), nomor job order dan skema penempatannya; tanpa itu jangan tayangkan",
    "Tawaran kerja ke luar negeri yang menggabungkan tanda-tanda ini sering berujung perdagangan orang. Pastikan "
    "lewat P3MI yang terdaftar di SISKOP2MI, ada job order dan visa kerja, dan daftar lewat Disnaker atau BP3MI.",
    strong=(r"\b(?:berangkat|keberangkatan|terbang)\s+(?:minggu\s+ini|besok|lusa|secepatnya|dalam\s+[1-7]\s+hari)\b",),
    weak=(
        r"\b(?:admin|operator|cs|customer\s+service|marketing|telemarketing|staf\s+kantor|data\s+entry|input\s+data"
        r"|chat(?:ting)?|typing)\b",
        r"\b(?:tiket|visa|paspor|akomodasi|mess|biaya\s+(?:keberangkatan|perjalanan|proses))\b[^\n.;]{0,40}?"
        r"\b(?:ditanggung|dibayari|gratis|free)\b",
        r"\b(?:hubungi|kontak|chat|info|daftar|minat)\s+(?:via\s+|ke\s+|lewat\s+|di\s+)?(?:wa|whatsapp|telegram|tele)\b"
        r"|\bwa\.me\b|\bt\.me\b",
        r"\b(?:gaji|penghasilan|upah|salary)\s+"
        + W
        + r"{0,3}(?:rp\.?\s*)?(?:[7-9]|[1-9]\d)(?:[.,]\d+)?\s*(?:jt|juta)\b",
        r"\b(?:tanpa|tidak\s+(?:perlu|butuh|harus|wajib))\s+(?:pengalaman|ijazah|ijasah|skill|keahlian)\b",
    ),
    weak_needed=2,
    triggers=_words("berangkat keberangkatan terbang + minggu besok lusa secepatnya hari"),
    weak_triggers=(
        _words("admin operator cs customer marketing telemarketing staf data input chat chatting typing"),
        _words("tiket visa paspor akomodasi mess biaya + ditanggung dibayari gratis free"),
        _words("wa whatsapp telegram tele me"),
        _words("gaji penghasilan upah salary + jt juta"),
        _words("tanpa perlu butuh harus wajib + pengalaman ijazah ijasah skill keahlian"),
    ),
    context_words=_words(
        "luar overseas abroad malaysia singapura singapore brunei hong hongkong taiwan jepang japan korea arab saudi qatar"
        " dubai uae kuwait oman bahrain turki polandia eropa jerman kamboja cambodia myanmar laos thailand filipina"
        " philippines vietnam australia selandia kanada inggris rusia phnom bangkok manila"
    ),
    negatable=False,
    # A named official scheme answers "no agency named" (in the clause of the signal).
    not_before=OFFICIAL_SCHEME,
    not_after=r"\b(?:waspada|waspadai|hindari|modus|jangan|korban|peringatan|ciri|contoh)\b|" + OFFICIAL_SCHEME,
    context=DESTINATIONS,
)
# Destinations with no official placement scheme for Indonesian migrant workers, where Kemlu
# and KP2MI warn of online-scam compounds: named to the reader of any offer to go there.
NO_SCHEME = {
    "Kamboja": r"\b(?:kamboja|cambodia|phnom\s*penh|sihanouk\w*|bavet|poipet)\b",
    "Myanmar": r"\b(?:myanmar|burma|myawaddy|shwe\s*kokko)\b",
    "Laos": r"\b(?:laos|golden\s+triangle|segitiga\s+emas)\b",
}


def overseas_offer(text: str) -> dict:
    """Whether a pasted text offers work abroad, and the destinations named that have no
    official placement scheme (the checker then shows the legal procedure, see check.js)."""
    norm = normalise(text)
    return {
        "abroad": bool(re.search(DESTINATIONS, norm, FLAGS)),
        "no_scheme": [name for name, pattern in NO_SCHEME.items() if re.search(pattern, norm, FLAGS)],
    }


IMPERSONATION = TextRule(
    "W535",
    "Mengaku rekrutmen resmi BUMN, Kemnaker atau CPNS",
    "Kemnaker, Kementerian BUMN dan BKN: peringatan lowongan palsu yang mencatut nama instansi",
    'mengaku rekrutmen resmi instansi atau BUMN ("{phrase}")',
    "bila pemberi kerja bukan BUMN/instansi itu, hapus klaimnya; rekrutmen resmi hanya diumumkan di situs instansi",
    "Rekrutmen BUMN, Kemnaker dan CPNS hanya diumumkan di situs resminya dan gratis. Periksa di sana.",
    strong=(
        r"\b(?:rekrutmen|recruitment|penerimaan|lowongan|loker|seleksi)\s+(?:resmi\s+|bersama\s+|besar-besaran\s+|terbaru\s+|\d{4}\s+)?"
        r"(?:bumn|kemnaker|kemenaker|cpns|pns|asn|pppk|karyawan\s+bumn|pegawai\s+(?:bumn|kemnaker|negeri))\b",
        r"\b(?:resmi|official)\s+(?:dari\s+)?(?:kemnaker|kemenaker|kementerian\s+ketenagakerjaan|kementerian\s+bumn|bkn)\b(?!\s+(?:dan|/))",
    ),
    triggers=_words("bumn kemnaker kemenaker cpns pns asn pppk pegawai kementerian bkn"),
    not_after=r"\b(?:terdaftar|izin|berizin|diawasi|waspada|hindari)\b",
    applies=_not_public_body,
    applies_note="di validator hanya bila pemberi kerja bukan BUMN/BUMD/instansi (employer.legal_form)",
)

HARVESTING = TextRule(
    "R461",
    "Meminta kode OTP, PIN, kata sandi, swafoto dengan KTP atau data rekening",
    "Kemnaker dan OJK: ciri lowongan palsu (meminta data pribadi dan data perbankan); UU 27/2022 Pelindungan Data Pribadi",
    'meminta data rahasia atau data bank ("{phrase}")',
    "hapus permintaan ini; saat melamar tidak boleh diminta OTP, PIN, kata sandi, swafoto dengan KTP atau data rekening",
    "Jangan pernah memberikan kode OTP, PIN, kata sandi, swafoto dengan KTP atau data rekening saat melamar.",
    strong=(
        r"\botp\b",
        r"\bkode\s+(?:verifikasi|aktivasi|keamanan|rahasia)\b",
        r"\bpin\s+(?:atm|bank|m-?banking|rekening|kartu|anda|kamu)\b",
        r"\b(?:kirim|berikan|sebutkan|serahkan|masukkan|input|bagikan|informasikan)(?:kan)?\s+" + W + r"{0,3}"
        r"(?:password|kata\s+sandi|pin|user\s*id|username\s+(?:dan|&)\s+password)\b",
        r"\b(?:selfie|swafoto|foto)\s+"
        + W
        + r"{0,3}(?:memegang|pegang|dengan|bersama|sambil)\s+(?:e-?ktp|ktp|kartu\s+identitas)\b",
        r"\b(?:foto|scan|kirim|kirimkan)\s+" + W + r"{0,2}kartu\s+(?:atm|kredit|debit)\b|\bcvv\b",
        r"\b(?:kirim|sertakan|lampirkan|cantumkan|berikan)(?:kan)?\s+"
        + W
        + r"{0,2}(?:nomor|no\.?|data|foto)\s+(?:kartu\s+)?(?:rekening|atm)\b",
        r"\b(?:m-?banking|internet\s+banking|mobile\s+banking)\s+" + W + r"{0,2}(?:user|akses|login|password)\b",
    ),
    triggers=_words(
        "otp kode pin kirim kirimkan berikan sebutkan serahkan masukkan input bagikan informasikan selfie swafoto foto scan cvv sertakan lampirkan cantumkan banking mbanking"
    ),
    not_after=SECRET_KEPT,
)

DISABILITY = TextRule(
    "R462",
    "Menolak penyandang disabilitas",
    "UU 8/2016 Pasal 11 dan 53: penyandang disabilitas berhak atas pekerjaan tanpa diskriminasi",
    'menolak penyandang disabilitas ("{phrase}")',
    "hapus syarat ini; bila pekerjaan menuntut kemampuan tertentu, tulis kemampuannya (mis. 'mampu mengangkat 20 kg')",
    "Menolak penyandang disabilitas melanggar UU 8/2016. Anda berhak melamar; laporkan ke Disnaker.",
    strong=(
        r"\b(?:tidak|tak|belum)\s+(?:menerima|membuka|terbuka\s+(?:untuk|bagi))\s+" + r"(?:[a-z]+\s+){0,2}"
        r"(?:penyandang\s+)?(?:disabilitas|difabel|cacat|tuna\w*|berkebutuhan\s+khusus)\b",
        r"\b(?:bukan|tidak)\s+(?:seorang\s+)?(?:penyandang\s+)?(?:disabilitas|difabel|cacat)\b",
        r"\b(?:tidak|tanpa)\s+(?:memiliki\s+|mempunyai\s+|ada\s+)?(?:cacat|kecacatan|disabilitas)(?:\s+fisik)?\b",
        r"\bbebas\s+(?:dari\s+)?(?:cacat|kecacatan|disabilitas)\b",
        r"\b(?:fisik|tubuh|anggota\s+(?:tubuh|badan)|badan)\s+(?:yang\s+)?(?:sempurna|lengkap|utuh)\b",
        r"\b(?:disabilitas|difabel|cacat)(?:\s+fisik)?\s+(?:tidak\s+(?:akan\s+|dapat\s+|bisa\s+|boleh\s+)?(?:diterima|melamar|dipertimbangkan)|dilarang|ditolak)\b",
    ),
    triggers=_words(
        "disabilitas difabel cacat kecacatan tuna tunanetra tunarungu tunadaksa tunawicara tunagrahita berkebutuhan sempurna lengkap utuh"
    ),
    negatable=False,
)

DISCRIMINATION = TextRule(
    "R402",
    "Syarat diskriminatif (penampilan, status perkawinan, tinggi badan, suku, agama, warna kulit)",
    "SE Menaker M/6/HK.04/V/2025: larangan syarat diskriminatif dalam lowongan",
    'syarat diskriminatif ("{phrase}")',
    "hapus syarat ini; SE Menaker M/6/HK.04/V/2025 melarang syarat penampilan, status perkawinan, tinggi badan, suku, agama dan warna kulit",
    "Syarat penampilan, status perkawinan, tinggi badan, suku atau agama dilarang (SE Menaker M/6/HK.04/V/2025).",
    strong=(
        r"\b(?:ber)?penampilan\s+(?:[a-z]+\s+(?:dan|&)\s+)?(?:menarik|cantik|tampan|good\s*looking)\b",
        r"\bmenarik\s+(?:dan\s+)?(?:proporsional|cantik|tampan)\b",
        r"\bgood\s*-?\s*looking\b|\bwajah\s+(?:menarik|cantik|tampan|good\s*looking|bersih\s+dan\s+menarik)\b|\bcantik\b|\btampan\b|\bganteng\b|\bgoodlooking\b",
        r"\b(?:ber)?kulit\s+(?:putih|terang|cerah|kuning\s+langsat)\b|\bwarna\s+kulit\b",
        r"\btb\b\s*(?:min(?:imal|imum)?\.?|:|\d)|\btinggi\s+badan\b|\btinggi\s+(?:min(?:imal)?\.?\s*)?1[4-9]\d\s*cm\b|\b1[5-9]\d\s*cm\b",
        r"\bbb\b\s*(?:max|maks|ideal|proporsional|seimbang|:|\d)|\bberat\s+badan\s+(?:ideal|proporsional|seimbang|maks|max|tidak\s+lebih|sesuai|maksimal)\b",
        r"\b(?:badan|tubuh|postur(?:\s+tubuh)?)\s+(?:ideal|proporsional|tegap|menarik|langsing|atletis)\b",
        r"\bstatus\s+(?:perkawinan|pernikahan)\b|\bbelum\s+(?:menikah|kawin|berkeluarga)\b|\btidak\s+(?:sedang\s+)?hamil\b"
        r"|\bbersedia\s+tidak\s+(?:menikah|hamil)\b",
        r"\b(?:masih|berstatus|status)\s*:?\s*(?:lajang|single|gadis|perawan)\b|"
        + LINE_START
        + r"(?:lajang|single|gadis|perawan|janda|duda)"
        + LINE_END,
        r"\b(?:suku|etnis|ras|keturunan)\s+(?:tertentu|jawa|sunda|batak|minang|bugis|tionghoa|cina|china|pribumi|arab|melayu)\b",
        r"\b(?:beragama|agama\s*:)\s*(?:islam|kristen|protestan|katolik|katholik|hindu|buddha|budha|konghucu|tertentu)\b",
        LINE_START
        + r"(?:agama\s+)?(?:islam|muslim|muslimah|non\s*-?\s*muslim|nasrani|kristen|katolik|hindu|buddha)"
        + LINE_END,
        r"\b(?:diutamakan|khusus|hanya|wajib|harus)\s+(?:muslim|muslimah|non\s*-?\s*muslim|nasrani|kristiani|pribumi|beragama|berjilbab|berhijab|berjenggot)\b",
        r"\bpribumi\b|\bwni\s+asli\b",
        r"\b(?:non\s*-?\s*muslim|muslim|nasrani|kristen|katolik|hindu|buddha|tionghoa|cina|janda|duda|(?:yang\s+)?sudah\s+menikah)\s+"
        r"(?:dilarang|tidak\s+(?:boleh|dapat|diterima|menerima)|ditolak)\b",
    ),
    triggers=_words(
        "penampilan berpenampilan menarik proporsional cantik tampan ganteng good looking goodlooking wajah kulit berkulit tb cm badan bb berat ideal tegap langsing atletis perkawinan pernikahan menikah kawin berkeluarga hamil lajang single gadis perawan janda duda suku etnis ras keturunan agama beragama islam muslim muslimah nasrani kristen kristiani katolik hindu buddha pribumi wni berjilbab berhijab berjenggot tionghoa cina"
    ),
)

AGE_TEXT = TextRule(
    "R403",
    "Batas usia tanpa alasan tertulis",
    "SE Menaker M/6/HK.04/V/2025: batas usia hanya bila pekerjaan memang membutuhkan",
    'batas usia ditulis di teks ("{phrase}")',
    "hapus dari teks; bila memang perlu, tulis di `age.min`/`age.max` dengan `age.justification`",
    "Batas usia tanpa alasan pekerjaan dilarang (SE Menaker M/6/HK.04/V/2025).",
    strong=(
        r"\b(?:usia|umur|berusia)\s*:?\s*(?:maks(?:imal|imum|\.)?|max\.?|paling\s+(?:tinggi|tua|muda)|antara|di\s*bawah|dibawah"
        r"|tidak\s+lebih|kurang\s+dari|setinggi-tingginya)",
        r"\b(?:usia|umur|berusia)\s*:?\s*(?:min(?:imal|imum|\.)?|paling\s+rendah|sekurang-kurangnya)\s*(?:19|[2-6]\d)\b",
        r"\b(?:usia|umur|berusia)\s*:?\s*(?:1[5-9]|[2-6]\d)\s*(?:th|thn|tahun)?\s*(?:-|–|s/d|s\.d\.?|sd|sampai|hingga)\s*(?:[2-6]\d)\b",
        r"\b(?:usia|umur|berusia)\s*:?\s*(?:1[5-9]|[2-6]\d)\s*(?:th|thn|tahun)?\s*(?:ke\s*bawah|kebawah|-an)",
        r"\b(?:usia|umur|berusia)\s*:?\s*(?:19|[2-6]\d)\s*(?:th|thn|tahun)?\s*(?:ke\s*atas|keatas|\+)",
        r"\b(?:maks(?:imal|imum)?|max|paling\s+tinggi)\.?\s*(?:usia\s+)?(?:1[5-9]|[2-6]\d)\s*(?:th|thn|tahun|thun)\b",
        r"\b(?:min(?:imal|imum)?|paling\s+rendah)\.?\s*(?:usia\s+)?(?:19|[2-6]\d)\s*(?:th|thn|tahun)\b",
        r"\b(?:1[5-9]|[2-6]\d)\s*(?:-|–|s/d|sd|sampai|hingga)\s*(?:[2-6]\d)\s*(?:th|thn|tahun)\b",
    ),
    triggers=_words(f"usia umur berusia | th thn tahun thun + {AGES}"),
    negatable=False,
    # An age limit of a G-to-G scheme named in the clause is the destination's law (SE M/6/2025
    # allows limits the work requires), not the employer's choice.
    not_after=r"\b(?:pengalaman|berpengalaman|masa|kontrak|lama|lansia|merawat|pasien|anak|siswa|murid)\b|"
    + OFFICIAL_SCHEME,
    applies=_no_justification("age"),
    applies_note="di validator hanya bila `age.justification` kosong",
)

GENDERS = r"(?:pria|wanita|laki-laki|laki\s+laki|lelaki|perempuan|cowok|cewek|ibu-ibu|bapak-bapak)"
GENDER_TEXT = TextRule(
    "R404",
    "Syarat jenis kelamin tanpa alasan tertulis",
    "UU 13/2003 Pasal 5; SE Menaker M/6/HK.04/V/2025",
    'syarat jenis kelamin ditulis di teks ("{phrase}")',
    "hapus dari teks; bila memang perlu, isi `gender.required` dan `gender.justification`",
    "Syarat jenis kelamin tanpa alasan pekerjaan adalah diskriminasi (UU 13/2003 Pasal 5).",
    strong=(
        r"\b(?:khusus|hanya|diutamakan|wajib|harus|untuk)\s+" + GENDERS + r"\b",
        LINE_START + GENDERS + r"(?:\s*[.,;(:]|\s*$|\s+(?:usia|umur|max|maks|min|berusia|\d|lajang|single))",
        r"[.;!?]\s+" + GENDERS + r"\s*(?:[,;(]|\s+(?:usia|umur|max|maks|min|berusia|\d|lajang|single))",
        r"\(\s*" + GENDERS + r"\s*\)",
        r"\b(?:dibutuhkan|dicari|membutuhkan|butuh|lowongan|loker|mencari)\s+" + W + r"{0,3}" + GENDERS + r"\b",
        r"\b(?:jenis\s+kelamin|gender)\s*:?\s*" + GENDERS + r"\b",
    ),
    triggers=_words("pria wanita laki lelaki perempuan cowok cewek ibu bapak"),
    negatable=False,
    not_before=r"^[^\S\n]*(?:/|dan|&|atau|maupun|\+|,\s*" + GENDERS + r")",
    not_after=r"(?:/|\bdan|&|\batau|\bmaupun|\+|"
    + GENDERS
    + r",)\s*$|\b(?:toilet|kamar|asrama|mess|ruang|loker)\s+$|"
    + COUNTED,
    applies=_no_justification("gender"),
    applies_note="di validator hanya bila `gender.justification` kosong",
)

# Rules this module registers under their own codes (R403/R404 stay with their field
# checks in rules/vacancy.py, which call AGE_TEXT and GENDER_TEXT).
REGISTERED = (
    FEES,
    DISCRIMINATION,
    PURCHASES,
    DEPOSITS,
    AGENT_TRAVEL,
    TASK_SCAM,
    INVESTMENT,
    TOURIST_VISA,
    BACK_DOOR,
    SCAM_COMPOUND,
    DOCUMENT_HOLD,
    WAGE_DEDUCTION,
    GUARANTEED,
    HARVESTING,
    DISABILITY,
    CHAT_GROUP,
    TOO_GOOD,
    OVERSEAS_RISK,
    IMPERSONATION,
)
TEXT_RULES = (*REGISTERED, AGE_TEXT, GENDER_TEXT)


# ---------------------------------------------------------------------------------------
# What the rules read


def record_texts(v: dict) -> list[tuple[tuple, str]]:
    """``(path, text)`` for every text a job seeker reads in a vacancy."""
    out = [(("title",), v.get("title")), (("description",), v.get("description"))]
    employer, location = v.get("employer") or {}, v.get("location") or {}
    out.append((("employer", "name"), employer.get("name")))
    out.append((("location", "address"), location.get("address")))
    out.append((("location", "city"), location.get("city")))
    for i, major in enumerate((v.get("education") or {}).get("majors") or []):
        out.append((("education", "majors", i), major))
    for name in ("responsibilities", "qualifications", "benefits"):
        for i, item in enumerate(v.get(name) or []):
            out.append(((name, i), item))
    for i, item in enumerate((v.get("disability") or {}).get("accommodations") or []):
        out.append((("disability", "accommodations", i), item))
    out.append((("apply", "instructions"), (v.get("apply") or {}).get("instructions")))
    overseas = v.get("overseas") or {}
    out.append((("overseas", "p3mi_name"), overseas.get("p3mi_name")))
    return [(path, text) for path, text in out if isinstance(text, str) and text]


OFFICE_FIELDS = ("name", "short_name", "address", "services_note", "notes")


def office_texts(o: dict) -> list[tuple[tuple, str]]:
    """``(path, text)`` for the text fields of an office a job seeker reads."""
    return [((name,), o[name]) for name in OFFICE_FIELDS if isinstance(o.get(name), str) and o[name]]


# A word is a run of a-z or of 0-9 ("15jt" is "15" and "jt"). Two byte translations and
# splits find them in a third of the time a regular expression ([a-z]+|[0-9]+) takes.
_LETTER_RUNS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT_RUNS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))


def words_in(text: str, vocabulary: frozenset) -> frozenset:
    """The words of ``text`` (runs of a-z, runs of 0-9) that are in ``vocabulary``."""
    raw = text.encode("utf-8", "surrogatepass")  # any other character: bytes over 127, separators
    return vocabulary.intersection(
        raw.translate(_LETTER_RUNS).decode("ascii").split() + raw.translate(_DIGIT_RUNS).decode("ascii").split()
    )


# Trigger specs as bit masks. Each word group of a spec has a bit; a record's mask holds the
# bits of the groups its words are in (one pass over its words), and an alternative fits
# when all of its groups' bits are in the mask: every rule is judged by a few integer
# operations instead of set operations per group.
_GROUP_BITS: dict[frozenset, int] = {}
_WORD_GROUPS: dict[str, int] = {}  # word -> bits of the groups holding it


def _group_bit(group: frozenset) -> int:
    bit = _GROUP_BITS.get(group)
    if bit is None:
        bit = _GROUP_BITS[group] = 1 << len(_GROUP_BITS)
        for word in group:
            _WORD_GROUPS[word] = _WORD_GROUPS.get(word, 0) | bit
    return bit


def _spec_gate(spec: Spec) -> tuple[int, tuple[int, ...]]:
    """``spec`` as the bits of its one-group alternatives (any will do) and the mask of each other."""
    single, several = 0, []
    for alt in spec:
        mask = 0
        for group in alt:
            mask |= _group_bit(group)
        if len(alt) == 1:
            single |= mask
        else:
            several.append(mask)
    return single, tuple(several)


def _gate_fits(gate: tuple[int, tuple[int, ...]], found: int) -> bool:
    single, several = gate
    if found & single:
        return True
    for mask in several:
        if found & mask == mask:
            return True
    return False


def _rule_gate(rule: TextRule) -> tuple:
    """``(last, context, strong, weak)``: ``last`` holds the bits of the last group of every
    alternative, strong or weak (a record without one of them is done with one test)."""
    specs = (rule.triggers, *rule.weak_triggers)
    last = 0
    for spec in specs:
        for alt in spec:
            last |= _group_bit(alt[-1])
    context = _spec_gate(rule.context_words) if rule.context_words else None
    return last, context, _spec_gate(rule.triggers), tuple(_spec_gate(spec) for spec in rule.weak_triggers)


def admits(rule: TextRule, found: int) -> bool:
    """Whether a record whose word groups are ``found`` fits ``rule``'s trigger specs: its
    context, and one strong alternative or ``weak_needed`` kinds of weak signal."""
    last, context, strong, weak = rule.compiled["gate"]
    if not found & last or context is not None and not _gate_fits(context, found):
        return False
    return _gate_fits(strong, found) or sum(_gate_fits(spec, found) for spec in weak) >= rule.weak_needed


# Every gate is made now: a record's mask can only hold bits that exist when it is made.
for _rule in TEXT_RULES:
    _rule.compiled["gate"] = _rule_gate(_rule)


def group_mask(words) -> int:
    """The bits of the word groups that ``words`` are in (see :func:`admits`)."""
    found = 0
    for word in words:
        found |= _WORD_GROUPS.get(word, 0)
    return found


class Prepared:
    """A record's texts, normalised once and shared by every rule (rules run one record at a time).

    ``fields`` are ``(path, text, norm)``; ``text`` the norms joined by line breaks;
    ``all_words`` the words of them all that some check looks up (:data:`_VOCABULARY`: of a
    record's hundred or so words a few matter, and a set of those costs less to build and
    to test); ``groups`` the bits of the trigger word groups among them (:func:`admits`).
    """

    __slots__ = ("fields", "text", "all_words", "source", "groups", "_starts")

    def __init__(self, source, texts: list[tuple[tuple, str]]):
        self.source = source
        norms, self.text = normalise_lines([text for _, text in texts])
        self.fields = [(path, text, norm) for (path, text), norm in zip(texts, norms, strict=True)]
        self.all_words = words_in(self.text, _VOCABULARY)
        self.groups = group_mask(self.all_words)
        self._starts = None

    def fields_with(self, words) -> list[tuple[tuple, str, str]]:
        """The fields whose normalised text contains one of ``words`` (as a substring).

        Searched in the joined text, each occurrence mapped to its field: a few searches
        instead of a test per field and word.
        """
        starts = self._starts
        if starts is None:
            starts, at = [], 0
            for _path, _text, norm in self.fields:
                starts.append(at)
                at += len(norm) + 1  # the line break that joins them
            starts.append(at)
            self._starts = starts
        text, found = self.text, set()
        for word in words:
            at = text.find(word)
            while at != -1:
                index = bisect_right(starts, at) - 1
                found.add(index)
                at = text.find(word, starts[index + 1])  # the next field
        return [self.fields[index] for index in sorted(found)]


_LAST: list[Prepared] = []


def prepared(v: dict, texts: Callable[[dict], list] = record_texts) -> Prepared:
    if _LAST and _LAST[0].source is v:
        return _LAST[0]
    prep = Prepared(v, texts(v))
    _LAST[:] = [prep]
    return prep


def run_rule(rule: TextRule, v: dict, texts: Callable[[dict], list] = record_texts) -> Iterable[tuple]:
    """The findings of ``rule`` on record ``v`` (as a validator rule yields them).

    Word triggers pick the rules and fields worth searching: most records fit none, and a
    few integer operations cost far less than a regular expression. A record must fit the
    rule's trigger specs (:func:`admits`); then only the fields that contain one of the words
    found are searched, and only with the patterns whose trigger words occur.
    """
    if rule.applies is not None and not rule.applies(v):
        return ()
    prep = prepared(v, texts)
    if not rule.triggers:
        return rule.findings(prep.fields)
    if not admits(rule, prep.groups):
        return ()
    words = prep.all_words
    present = spec_words(rule.triggers, words)
    weak, weak_words = set(), []
    for index, spec in enumerate(rule.weak_triggers):
        found = spec_words(spec, words)
        if found:
            weak.add(index)
            weak_words.append(found)
    if len(weak) < rule.weak_needed:  # too few kinds of weak signal to count: the strong ones fit
        weak, weak_words = set(), []
    fields = prep.fields_with(present.union(*weak_words))
    if not fields:
        return ()
    return rule.findings(fields, words, bool(present), frozenset(weak) if rule.weak_triggers else None)


def _register(rule: TextRule):
    if rule.triggers:

        def check(v, ctx, rule=rule, last=rule.compiled["gate"][0]):
            # Most rules are no candidate for a given record: one test, then done.
            if rule.applies is None and not prepared(v).groups & last:
                return ()
            return run_rule(rule, v)

    else:  # searched on every record

        def check(v, ctx, rule=rule):
            return run_rule(rule, v)

    check.__doc__ = rule.title
    vacancy_rule(rule.code, rule.title, basis=rule.basis)(check)


for _rule in REGISTERED:
    _register(_rule)


@office_rule(
    "R463",
    "Nama atau alamat kantor memuat tanda penipuan",
    basis="Kantor layanan adalah rujukan warga; teksnya diperiksa dengan aturan teks yang sama",
)
def office_text_signs(o, ctx):
    """Office name or address matching a scam or discrimination text rule."""
    for rule in REGISTERED:
        if rule.applies is None:
            for path, message, hint, offset in run_rule(rule, o, office_texts):
                yield path, f"{rule.code}: {message}", hint, offset


# ---------------------------------------------------------------------------------------
# Record-level checks the browser cannot make (they need the record's declared fields)

COUNTRY_WORDS = {
    "MY": r"malaysia|kuala\s+lumpur|johor|sabah|sarawak|serawak|penang",
    "SG": r"singapura|singapore",
    "BN": r"brunei",
    "HK": r"hongkong|hong\s*kong",
    "TW": r"taiwan",
    "JP": r"jepang|japan",
    "KR": r"korea\s+selatan|korea",
    "SA": r"arab\s+saudi|saudi",
    "QA": r"qatar",
    "AE": r"uni\s+emirat\s+arab|dubai|abu\s+dhabi|uae",
    "KW": r"kuwait",
    "TR": r"turki",
    "PL": r"polandia",
    "DE": r"jerman",
    "KH": r"kamboja|cambodia|phnom\s*penh",
    "MM": r"myanmar|myawaddy",
    "LA": r"laos",
    "TH": r"thailand",
    "PH": r"filipina|philippines|manila",
    "AU": r"australia",
}
GOING = r"\b(?:bekerja|kerja|berangkat|diberangkatkan|penempatan|ditempatkan|terbang)\s+(?:ke|di)\s+"
GOING_WORDS = frozenset("bekerja kerja berangkat diberangkatkan penempatan ditempatkan terbang".split())
COUNTRY_FIRST_WORDS = {
    code: frozenset(re.sub(r"\\s\*?\+?", " ", alt).split()[0] for alt in words.split("|"))
    for code, words in COUNTRY_WORDS.items()
}
DESTINATION_WORDS = frozenset({"luar"}).union(*COUNTRY_FIRST_WORDS.values())


# Compiled when first needed: most runs meet few overseas records, some none.
@cache
def _leaving() -> re.Pattern:
    return re.compile(GOING + r"(?:luar\s+negeri|" + "|".join(COUNTRY_WORDS.values()) + r")\b", FLAGS)


@cache
def _going_to(code) -> re.Pattern | None:
    words = COUNTRY_WORDS.get(code)
    return re.compile(GOING + r"(?:" + words + r")\b", FLAGS) if words else None


def _vocabulary(rules, *more: frozenset) -> frozenset:
    """Every word the checks look up in :attr:`Prepared.all_words`: the rules' trigger specs and
    the lead words of their patterns (:meth:`TextRule.matches`), and ``more``."""
    words = set().union(*more)
    for rule in rules:
        for spec in (rule.triggers, *rule.weak_triggers, rule.context_words):
            for alt in spec:
                words.update(*alt)
        for _strong, patterns in rule._groups():
            for _source, lead, _needs in patterns:
                words.update(lead or ())
    return frozenset(words)


# A check that reads ``all_words`` must only look up words from this set.
_VOCABULARY = _vocabulary(TEXT_RULES, GOING_WORDS, DESTINATION_WORDS, *COUNTRY_FIRST_WORDS.values())


@vacancy_rule(
    "W532",
    "Lowongan dalam negeri yang teksnya tentang bekerja ke luar negeri",
    basis="UU 18/2017 Pasal 49–51: penempatan ke luar negeri wajib tercatat sebagai penempatan luar negeri",
)
def domestic_text_about_abroad(v, ctx):
    """A domestic vacancy whose text is about going to work abroad."""
    if (v.get("location") or {}).get("country") != "ID":
        return
    prep = prepared(v)
    if GOING_WORDS.isdisjoint(prep.all_words) or DESTINATION_WORDS.isdisjoint(prep.all_words):
        return
    for path, text, norm in prep.fields:
        m = _leaving().search(norm)
        if m:
            yield (
                path,
                f'lowongan dalam negeri, tetapi teksnya tentang bekerja ke luar negeri ("{" ".join(text[locate(text, m.start()) : locate(text, m.end() - 1) + 1].split())}")',
                "bila penempatannya di luar negeri, isi `location.country` dan kelompok `overseas`; bila tidak, hapus kalimat itu",
                locate(text, m.start()),
            )
            return


@vacancy_rule(
    "W533",
    "Teks lowongan luar negeri menyebut negara lain dari yang dicatat",
    basis="UU 18/2017 Pasal 8 dan 13: informasi jabatan dan negara tujuan harus benar dan sesuai job order",
)
def overseas_text_contradicts(v, ctx):
    """An overseas vacancy whose text names a different destination than its record."""
    country = (v.get("location") or {}).get("country")
    if not country or country == "ID" or not v.get("overseas"):
        return
    prep = prepared(v)
    named = [code for code, words in COUNTRY_FIRST_WORDS.items() if not words.isdisjoint(prep.all_words)]
    if not named or GOING_WORDS.isdisjoint(prep.all_words):
        return
    recorded = _going_to(country)  # None for a country the text rules do not name
    for path, text, norm in prep.fields:
        for code in named:
            m = _going_to(code).search(norm)
            if m and code != country and not (recorded and recorded.search(norm)):
                yield (
                    path,
                    f"teks menyebut bekerja di negara lain ({code}) daripada yang dicatat ({country})",
                    "samakan negara tujuan di teks, `location.country` dan job order; bila berbeda, jangan tayangkan",
                    locate(text, m.start()),
                )
                return


VALIDATOR_ONLY = {
    "W532": "butuh kolom `location.country` (negara yang dicatat)",
    "W533": "butuh kolom `location.country` dan `overseas` (negara dan skema yang dicatat)",
}


# ---------------------------------------------------------------------------------------
# One text, as the public checker sees it


def check_text(text: str) -> list[tuple[str, str]]:
    """``(code, message)`` for every text rule that a pasted ``text`` breaks (no record fields)."""
    fields = [(("text",), text, normalise(text))]
    out = []
    for rule in TEXT_RULES:
        for _path, message, _hint, _offset in rule.findings(fields):
            out.append((rule.code, message))
    return out


def export() -> dict:
    """The rules as JSON for the browser checker (one source with the validator)."""
    return {
        "version": 1,
        "normalise": export_tables(),
        "clause": {
            "end": CLAUSE_END,
            "negation": NEGATION,
            "contrast": CONTRAST,
            "continues": CONTINUES,
            "listGoesOn": LIST_GOES_ON,
            "listLast": LIST_LAST,
            "chars": CONTEXT_CHARS,
        },
        "rules": [rule.to_json() for rule in TEXT_RULES],
        "overseas": {"abroad": DESTINATIONS, "noScheme": NO_SCHEME},
        "validatorOnly": [
            {"code": code, "title": next(r.title for r in _all_rules() if r.code == code), "why": why}
            for code, why in VALIDATOR_ONLY.items()
        ],
    }


def _all_rules():
    from antarkerja.records.rules.registry import RULES

    return RULES
