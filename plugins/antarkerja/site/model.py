"""Site model: vacancies, offices and regions as finished objects for every output.

Pages, JSON-LD, feeds, the sitemap and the search index all read these objects, so a
field is computed once, here, and templates only present it.

Authored fields stay as they are in the record (``v.data["salary"]["min"]``, or the
shortcuts ``v.id``, ``v.title``, ``v.status``, ``v.employer``, ``v.location``). Computed
fields have names no record uses:

=====================  =========================================================
``url``                site-relative URL, e.g. ``lowongan/<id>/``
``province``           :class:`~antarkerja.reference.Province` (work or recruitment area)
``regency``            :class:`~antarkerja.reference.Regency`
``is_abroad``          work country is not Indonesia (AKAN)
``scope_code``         AKL / AKAD / AKAN (authored ``scope`` or derived)
``is_open``            status open and ``valid_through`` not before *today*
``in_index``           in its search bundle: open, or expired since its bundle's last refresh
                       day (:mod:`antarkerja.site.index_window`)
``closed_reason``      None, ``"filled"``, ``"closed"`` or ``"expired"``
``closed_reason_text`` why it is closed, one Indonesian sentence, None when open
``days_left``          days until ``valid_through`` (0 on the last day), None when closed
``salary_info``        :class:`~antarkerja.salary.Salary`, the one home of salary facts
``salary_text``        "Rp 4.500.000 – 5.200.000 per bulan" or "Tidak dicantumkan"
``salary_monthly``     highest pay per month in IDR for sorting, 0 when unknown/foreign
``salary_band``        filter bucket (``salary_info.band``, see antarkerja.salary)
``posted_days_ago``    days since ``date_posted``
``verifier``           the verifying :class:`Office`
=====================  =========================================================

:class:`Region` (a province or regency page) has ``url``, ``vacancies`` (open ones whose work
is in the region, newest first: :func:`counts_in_region`), ``recruiting_abroad`` (open overseas
vacancies recruited there), ``offices``, ``regencies`` (a province's regency pages) and ``openings`` (people
wanted by its open vacancies). ``Site.regencies`` holds every regency with a vacancy (open
or not, so a closed vacancy's regency link never 404s) or an office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from antarkerja.identity import employer_slug
from antarkerja.markup import html_to_text, render_markdown
from antarkerja.placement import is_overseas, scope_code
from antarkerja.records.schema.office import OFFICE_TYPES, SERVICES
from antarkerja.records.schema.vacancy import LEGAL_FORMS, OVERSEAS_SCHEMES, SCOPES, VISA_TYPES, WORK_MODES
from antarkerja.reference import Province, Reference, Regency
from antarkerja.salary import Salary, minimum_wage
from antarkerja.site import index_window
from antarkerja.urls import url
from antarkerja.wording import closed_text, country_name


@dataclass(eq=False)
class Office:
    data: dict
    ref: Reference = field(repr=False)
    open_vacancies: list[Vacancy] = field(default_factory=list, repr=False)
    children: list[Office] = field(default_factory=list, repr=False)
    parent: Office | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def url(self) -> str:
        return url("office", id=self.id)

    @property
    def is_example(self) -> bool:
        return bool(self.data.get("example"))

    @property
    def type_label(self) -> str:
        return OFFICE_TYPES[self.data["type"]]

    @property
    def province(self) -> Province:
        return self.ref.provinces[self.data["province"]]

    @property
    def regency(self) -> Regency | None:
        code = self.data.get("regency")
        return self.ref.regencies[code] if code else None

    @property
    def services(self) -> list[str]:
        return [SERVICES[s] for s in self.data.get("services") or []]

    @property
    def map_url(self) -> str | None:
        geo = self.data.get("geo")
        if not geo:
            return None
        lat, lon = geo["lat"], geo["lon"]
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


@dataclass(eq=False)
class Vacancy:
    data: dict
    ref: Reference = field(repr=False)
    today: date = field(repr=False)
    verifier: Office | None = field(default=None, repr=False)

    # Authored shortcuts -------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def status(self) -> str:
        return self.data["status"]

    @property
    def employer(self) -> dict:
        return self.data["employer"]

    @property
    def location(self) -> dict:
        return self.data["location"]

    @cached_property  # the employers list and the vacancy page ask for it several times
    def employer_slug(self) -> str:
        return employer_slug(self.employer["name"])  # confusable-folded; non-Latin names distinct

    @property
    def legal_form_label(self) -> str:
        return LEGAL_FORMS.get(self.employer.get("legal_form"), "")

    @property
    def date_posted(self) -> date:
        return self.data["date_posted"]

    @property
    def valid_through(self) -> date:
        return self.data["valid_through"]

    @property
    def is_example(self) -> bool:
        return bool(self.data.get("example"))

    # Computed -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        return url("vacancy", id=self.id)

    @property
    def province(self) -> Province:
        return self.ref.provinces[self.location["province"]]

    @property
    def regency(self) -> Regency:
        return self.ref.regencies[self.location["regency"]]

    @property
    def is_abroad(self) -> bool:
        return is_overseas(self.data)

    @property
    def country_name(self) -> str:
        return country_name(self.location["country"])

    @property
    def scope_code(self) -> str:
        return scope_code(self.data)

    @property
    def scope_label(self) -> str:
        return SCOPES[self.scope_code]

    @property
    def closed_reason(self) -> str | None:
        if self.status != "open":
            return self.status
        if self.valid_through < self.today:
            return "expired"
        return None

    @property
    def closed_reason_text(self) -> str | None:
        return closed_text(self.closed_reason, self.valid_through) if self.closed_reason else None

    @property
    def is_open(self) -> bool:
        return self.closed_reason is None

    @property
    def in_index(self) -> bool:
        return index_window.in_index(self)

    @property
    def days_left(self) -> int | None:
        return (self.valid_through - self.today).days if self.is_open else None

    @property
    def posted_days_ago(self) -> int:
        return (self.today - self.date_posted).days

    @property
    def work_mode_label(self) -> str:
        return WORK_MODES[self.location["work_mode"]]

    @property
    def employment_type_label(self) -> str:
        return self.ref.employment_types[self.data["employment_type"]]["name"]

    @property
    def schema_org_employment_types(self) -> list[str]:
        return list(self.ref.employment_types[self.data["employment_type"]]["schema_org"])

    @property
    def education(self) -> dict:
        return self.ref.education[self.data["education"]["minimum"]]

    @property
    def majors(self) -> list[str]:
        return self.data["education"].get("majors") or []

    @property
    def kbji_group(self) -> dict:
        return self.ref.kbji[self.data["kbji"][0]]

    @property
    def kbli(self) -> dict:
        return self.ref.kbli[self.data["kbli"]]

    @property
    def is_disability_friendly(self) -> bool:
        return bool((self.data.get("disability") or {}).get("friendly"))

    @property
    def accommodations(self) -> list[str]:
        return (self.data.get("disability") or {}).get("accommodations") or []

    @property
    def experience_text(self) -> str:
        months = self.data["experience_months"]
        if months == 0:
            return "Tidak disyaratkan (lulusan baru diterima)"
        if months % 12 == 0:
            return f"Minimal {months // 12} tahun"
        return f"Minimal {months} bulan"

    # Salary (every salary fact lives in antarkerja.salary) ---------------------------
    @property
    def salary(self) -> dict:
        return self.data["salary"]

    @cached_property
    def salary_info(self) -> Salary:
        return Salary.from_record(self.salary)

    @property
    def salary_currency(self) -> str:
        return self.salary_info.currency

    @property
    def salary_text(self) -> str:
        return self.salary_info.text

    @property
    def salary_monthly(self) -> int:
        return self.salary_info.monthly_high

    @cached_property
    def ump(self) -> int | None:
        """The province's UMP where the minimum wage applies to this vacancy, else None."""
        found = minimum_wage(self.data, self.ref)
        return found[1]["amount"] if found else None

    @property
    def salary_band(self) -> str:
        return self.salary_info.band(self.ump)

    @property
    def below_minimum_wage(self) -> bool:
        return self.salary_info.below_minimum(self.ump)

    # Overseas -------------------------------------------------------------------------
    @property
    def overseas(self) -> dict | None:
        o = self.data.get("overseas")
        if not o:
            return None
        return {**o, "scheme_label": OVERSEAS_SCHEMES[o["scheme"]], "visa_label": VISA_TYPES[o["visa"]]}

    # Text -----------------------------------------------------------------------------
    @cached_property
    def description_html(self) -> str:
        return render_markdown(self.data["description"])

    @cached_property
    def summary(self) -> str:
        # From the already rendered HTML: rendering the Markdown twice doubles its cost.
        return html_to_text(self.description_html, 200)

    @property
    def location_text(self) -> str:
        if self.is_abroad:
            city = self.location.get("city")
            return f"{city}, {self.country_name}" if city else self.country_name
        return f"{self.regency.name}, {self.province.name}"


def counts_in_region(v: Vacancy) -> bool:
    """The one definition of "a region's vacancies": the work is in that Indonesian region.

    An overseas vacancy's province is where it recruits; it is listed apart on that region's
    page (``Region.recruiting_abroad``) and counted in the "Luar negeri" scope, so the home
    page, province pages, search filters, feeds and statistics all give a region one count.
    """
    return not v.is_abroad


@dataclass
class Region:
    """A province or regency page: its open vacancies and its offices."""

    kind: str  # "province" | "regency"
    code: str
    name: str
    slug: str
    province: Province
    vacancies: list[Vacancy] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    regencies: list[Region] = field(default_factory=list)
    recruiting_abroad: list[Vacancy] = field(default_factory=list)

    @property
    def url(self) -> str:
        return url(self.kind, slug=self.slug)

    @cached_property
    def openings(self) -> int:
        return sum(v.data["openings"] for v in self.vacancies)


@dataclass(eq=False)
class Employer:
    """An employer's page: its open vacancies, keyed by the slug of its name."""

    slug: str
    name: str
    vacancies: list[Vacancy] = field(default_factory=list)  # every vacancy, newest first

    @property
    def url(self) -> str:
        return url("employer", slug=self.slug)

    @cached_property
    def open_vacancies(self) -> list[Vacancy]:
        return [v for v in self.vacancies if v.is_open]

    @property
    def newest(self) -> Vacancy:
        """The newest vacancy, open or closed: its record speaks for the employer."""
        return self.vacancies[0]

    @property
    def details(self) -> dict:
        """The newest record's employer block: legal form, website, NIB as last stated."""
        return self.newest.employer


@dataclass
class Site:
    today: date
    vacancies: list[Vacancy]  # every valid record, open or not, sorted newest first
    offices: list[Office]  # sorted by province code, then type, then name
    provinces: list[Region]  # all 38, by code
    regencies: list[Region]  # those with vacancies (open or not) or offices
    warnings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # vacancy id -> validator W-codes
    ref: Reference | None = field(default=None, repr=False)  # also there when no record is (an empty site)

    @cached_property
    def open_vacancies(self) -> list[Vacancy]:
        return [v for v in self.vacancies if v.is_open]

    @cached_property
    def indexed_vacancies(self) -> list[Vacancy]:
        """The vacancies in the search bundles: the open ones and those that expired since
        their bundle's last refresh day (:mod:`antarkerja.site.index_window`)."""
        return [v for v in self.vacancies if v.in_index]

    @cached_property
    def has_examples(self) -> bool:
        """Any record (vacancy or office) is sample data (``example: true``): then every page
        says so, and no headline calls the site's vacancies official or verified."""
        return any(v.is_example for v in self.vacancies) or any(o.is_example for o in self.offices)

    @cached_property
    def closing_soon(self) -> list[Vacancy]:
        return sorted(self.open_vacancies, key=lambda v: (v.valid_through, v.id))

    @cached_property
    def employers(self) -> list[Employer]:
        """Every employer with a vacancy (open or not, so a closed vacancy's link works)."""
        found: dict[str, Employer] = {}
        for v in self.vacancies:
            slug = v.employer_slug
            if slug not in found:
                found[slug] = Employer(slug, v.employer["name"])
            found[slug].vacancies.append(v)
        return [found[slug] for slug in sorted(found)]

    @cached_property
    def _by_group_and_place(self) -> dict[tuple, list[Vacancy]]:
        """Open vacancies by (KBJI major group, regency code) and (group, province code)."""
        index: dict[tuple, list[Vacancy]] = {}
        for v in self.open_vacancies:  # newest first, so every list is too
            group = v.data["kbji"][0]
            index.setdefault((group, v.location["regency"]), []).append(v)
            index.setdefault((group, v.location["province"]), []).append(v)
        return index

    def similar(self, v: Vacancy, limit: int = 4) -> list[Vacancy]:
        """ "Lowongan serupa" on an open vacancy's page: open vacancies of the same
        occupation group nearby (same regency, then province), newest first, among those
        that **close no earlier** than it. A closed vacancy's page lists none: it links to
        the search instead (``similar_search_link``).

        Why: a vacancy that closes by date was then listed only on pages that close the
        same night or earlier, which are rendered that night anyway or list none. Before,
        the newest four of a group and place were on every page of it, closed ones too: at
        100,000 vacancies the 1,961 expiries of one night made 6,891 other vacancy pages be
        rendered again (docs/performance.md, "Lowongan serupa that expiry does not move").
        A new vacancy still joins the lists of its group and place, as before.
        """
        if not v.is_open:
            return []
        group = v.data["kbji"][0]
        out: list[Vacancy] = []
        for key in ((group, v.location["regency"]), (group, v.location["province"])):
            for other in self._by_group_and_place.get(key, []):
                if other is not v and other.valid_through >= v.valid_through and other not in out:
                    out.append(other)
                    if len(out) == limit:
                        return out
        return out

    @cached_property
    def open_openings(self) -> int:
        return sum(v.data["openings"] for v in self.open_vacancies)


OFFICE_TYPE_ORDER = list(OFFICE_TYPES)


def build_site(vacancy_records: list[dict], office_records: list[dict], ref: Reference, today: date) -> Site:
    """Assemble the model from validated records (plain dicts as the loader returned them)."""
    offices = {d["id"]: Office(d, ref) for d in office_records}
    for office in offices.values():
        parent = offices.get(office.data.get("parent") or "")
        if parent:
            office.parent = parent
            parent.children.append(office)
    vacancies = [Vacancy(d, ref, today, offices.get(d["verification"]["office"])) for d in vacancy_records]
    vacancies.sort(key=lambda v: (-v.date_posted.toordinal(), v.id))
    provinces = {code: Region("province", code, p.name, p.slug, p) for code, p in ref.provinces.items()}
    regencies: dict[str, Region] = {}

    def regency_region(code: str) -> Region:
        if code not in regencies:
            r = ref.regencies[code]
            regencies[code] = Region("regency", code, r.name, r.slug, ref.provinces[r.province_code])
        return regencies[code]

    for v in vacancies:
        regency = regency_region(v.location["regency"])  # a closed vacancy still links here
        if v.is_open:
            listed = "vacancies" if counts_in_region(v) else "recruiting_abroad"
            getattr(provinces[v.location["province"]], listed).append(v)
            getattr(regency, listed).append(v)
            if v.verifier:
                v.verifier.open_vacancies.append(v)
    ordered_offices = sorted(
        offices.values(), key=lambda o: (o.data["province"], OFFICE_TYPE_ORDER.index(o.data["type"]), o.name)
    )
    for o in ordered_offices:
        provinces[o.data["province"]].offices.append(o)
        if o.data.get("regency"):
            regency_region(o.data["regency"]).offices.append(o)
    for code in sorted(regencies):
        provinces[code[:2]].regencies.append(regencies[code])
    return Site(
        today=today,
        vacancies=vacancies,
        offices=ordered_offices,
        provinces=[provinces[c] for c in sorted(provinces)],
        regencies=[regencies[c] for c in sorted(regencies)],
        ref=ref,
    )
