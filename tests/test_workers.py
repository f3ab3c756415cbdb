"""Pages for workers who lost their job, the office directory by service, and SMK graduates.

Expected values are computed here from the sample YAML files, independently of the model:
the JKP page lists exactly the offices whose records list the ``jkp`` service, per province;
each service page lists exactly the offices offering it; every JKP fact shows its source;
the SMK pages group exactly the open vacancies an SMK graduate can apply for, by the majors
in content/reference/smk_spectrum.yml, and every such major maps or is reported.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import ROOT, TODAY, make_repo, vacancy

from antarkerja.site.jkp_facts import FactsError, load_facts
from antarkerja.site.office_services import SLUGS
from antarkerja.site.smk_match import report

REFERENCE = ROOT / "content" / "reference"


def records(kind: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "content" / kind).rglob("*.yml"))]


PROVINCE_SLUGS = {
    line.split(",")[0]: line.split(",")[2]
    for line in (REFERENCE / "provinces.csv").read_text(encoding="utf-8").splitlines()[1:]
}


def offices_by_province(service: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for o in records("offices"):
        if service in (o.get("services") or []):
            out.setdefault(PROVINCE_SLUGS[o["province"]], set()).add(f"/kantor/{o['id']}/")
    return out


def listed_offices(page, within=None) -> dict[str, set[str]]:
    """Province slug → office links, from the page's province sections."""
    root = page.find(within[0], **within[1]) if within else page
    out = {}
    for section in root.find_all("section"):
        label = section.attrs.get("aria-labelledby")
        links = {
            a.attrs["href"] for a in section.find_all("a") if re.fullmatch(r"/kantor/[a-z0-9-]+/", a.attrs["href"])
        }
        if label in PROVINCE_SLUGS.values():
            out[label] = links
    return out


# JKP ---------------------------------------------------------------------------------------


def test_jkp_page_lists_exactly_the_offices_offering_jkp_per_province(sample_site, read_page):
    page = read_page(sample_site, "terkena-phk/")
    expected = offices_by_province("jkp")
    assert expected, "the sample content has no office offering JKP help"
    assert listed_offices(page, ("section", {"aria_labelledby": "kantor"})) == expected


def test_jkp_offices_show_hours_whatsapp_and_map(sample_site, read_page):
    page = read_page(sample_site, "terkena-phk/")
    office = page.find("section", aria_labelledby="kantor").find("li", class_="office oc")
    links = [a.attrs["href"] for a in office.find_all("a")]
    assert office.find("dl", class_="hours") is not None
    assert any(h.startswith("https://wa.me/62") for h in links)
    assert any(h.startswith("https://www.openstreetmap.org/") for h in links)


def test_jkp_page_links_to_open_vacancies_of_each_province(sample_site, read_page):
    page = read_page(sample_site, "terkena-phk/")
    region_links = {a.attrs["href"] for a in page.find("section", aria_labelledby="lowongan").find_all("a")}
    open_provinces = {
        PROVINCE_SLUGS[v["location"]["province"]]
        for v in records("vacancies")
        if v["status"] == "open" and v["valid_through"] >= TODAY
    }
    assert {f"/provinsi/{slug}/" for slug in open_provinces} <= region_links


def test_jkp_offices_in_a_regency_link_to_that_regency_s_vacancies(sample_site, read_page):
    page = read_page(sample_site, "terkena-phk/")
    links = {a.attrs["href"] for a in page.find("section", aria_labelledby="kantor").find_all("a")}
    regencies = {
        line.split(",")[0]: line.split(",")[5]
        for line in (REFERENCE / "regencies.csv").read_text(encoding="utf-8").splitlines()[1:]
    }
    wanted = {
        f"/kabkota/{regencies[o['regency']]}/"
        for o in records("offices")
        if "jkp" in o.get("services", []) and o.get("regency")
    }
    assert wanted and wanted <= links
    for path in wanted:
        assert (sample_site / path.strip("/") / "index.html").is_file()


def test_every_fact_on_the_jkp_page_carries_its_source(sample_site, read_page):
    data = yaml.safe_load((REFERENCE / "jkp.yml").read_text(encoding="utf-8"))
    page = read_page(sample_site, "terkena-phk/")
    facts = [li for li in page.find_all("li") if li.attrs.get("id", "").startswith("fakta-")]
    assert len(facts) == len(data["items"]) > 0
    sources = {s["code"]: s for s in data["sources"]}
    for item, li in zip(data["items"], facts, strict=True):
        assert li.attrs["id"] == f"fakta-{item['code']}"
        text = li.get_text()
        assert item["text"] in text and "Sumber: " + sources[item["source"]]["short"] in text
        link = li.find("a")
        assert link.attrs["href"] == f"#sumber-{item['source']}"
        assert page.find("li", id=f"sumber-{item['source']}") is not None
        assert ("belum diverifikasi" in text) is (not item["verified"])


def test_a_fact_without_source_is_refused(tmp_path):
    folder = tmp_path / "content" / "reference"
    folder.mkdir(parents=True)
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    fact = '    source: "pp37-2021"\n    where: "Pasal 1 angka 1 dan Pasal 18"\n    verified: true\n'
    assert fact in text  # the first fact, tiga-manfaat
    text = text.replace(fact, '    where: "Pasal 1 angka 1 dan Pasal 18"\n', 1)
    (folder / "jkp.yml").write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        load_facts(tmp_path)
    message = str(caught.value)
    assert "fakta tiga-manfaat: `source` harus salah satu dari" in message
    assert "fakta tiga-manfaat: `verified` wajib true atau false" in message


# Office directory by service ---------------------------------------------------------------


@pytest.mark.parametrize("service", list(SLUGS))
def test_service_page_lists_exactly_the_offices_offering_it(sample_site, read_page, service):
    page = read_page(sample_site, f"kantor/layanan/{SLUGS[service]}/")
    assert listed_offices(page) == offices_by_province(service)


def test_service_filter_narrows_the_directory(sample_site, read_page):
    everything = {a.attrs["href"] for a in read_page(sample_site, "kantor/").find_all("a")}
    every_office = {f"/kantor/{o['id']}/" for o in records("offices")}
    assert every_office <= everything
    jkp = set().union(*offices_by_province("jkp").values())
    assert 0 < len(jkp) < len(every_office)
    index = read_page(sample_site, "kantor/layanan/")
    assert {a.attrs["href"] for a in index.find_all("a")} >= {f"/kantor/layanan/{s}/" for s in SLUGS.values()}
    assert "/kantor/layanan/" in {a.attrs["href"] for a in read_page(sample_site, "kantor/").find_all("a")}


def test_office_page_says_what_each_service_does_in_plain_words(sample_site, read_page):
    page = read_page(sample_site, "kantor/disnaker-kabupaten-bekasi/")
    text = page.get_text()
    assert "Bantuan untuk korban PHK (JKP): Membantu Anda yang terkena PHK" in text
    assert "/kantor/layanan/jkp/" in {a.attrs["href"] for a in page.find_all("a")}


# SMK ---------------------------------------------------------------------------------------


def norm(text: str) -> str:
    return " ".join(w for w in re.sub(r"[^0-9a-z]+", " ", text.lower()).split() if w != "dan")


def expected_smk(today: date = TODAY) -> tuple[dict[str, set[str]], set[str], dict[str, list[str]]]:
    """Area code → vacancy URLs; URLs open to every major; vacancy id → unmapped majors."""
    spectrum = yaml.safe_load((REFERENCE / "smk_spectrum.yml").read_text(encoding="utf-8"))
    ranks = {
        i["code"]: i["rank"] for i in yaml.safe_load((REFERENCE / "education.yml").read_text(encoding="utf-8"))["items"]
    }
    alias = {norm(m): a["code"] for a in spectrum["items"] for m in [a["name"], *a["majors"]]}
    areas: dict[str, set[str]] = {a["code"]: set() for a in spectrum["items"]}
    anyone, unmatched = set(), {}
    for v in records("vacancies"):
        if v["status"] != "open" or v["valid_through"] < today or ranks[v["education"]["minimum"]] > ranks["smk"]:
            continue
        majors = v["education"].get("majors") or []
        if not majors:
            anyone.add(f"/lowongan/{v['id']}/")
        for m in majors:
            if norm(m) in alias:
                areas[alias[norm(m)]].add(f"/lowongan/{v['id']}/")
            else:
                unmatched.setdefault(v["id"], []).append(m)
    return areas, anyone, unmatched


def vacancy_links(site: Path, base: str, read_page) -> set[str]:
    found, url = set(), base
    while url:
        page = read_page(site, url.lstrip("/"))
        found |= {
            a.attrs["href"]
            for a in page.find("section", class_="list").find_all("a")
            if "/lowongan/" in a.attrs["href"]
        }
        nxt = page.find("a", rel="next")
        url = nxt.attrs["href"] if nxt else None
    return found


def test_smk_grouping_matches_an_independent_computation(sample_site, read_page):
    areas, anyone, _ = expected_smk()
    assert any(areas.values()) and anyone
    for code, urls in areas.items():
        assert vacancy_links(sample_site, f"/smk/{code}/", read_page) == urls, code
    assert vacancy_links(sample_site, "/smk/semua-jurusan/", read_page) == anyone
    index = read_page(sample_site, "smk/")
    counts = {
        a.attrs["href"]: a.find("span", class_="num").get_text()
        for a in index.find_all("a")
        if a.find("span", class_="num")
    }
    for code, urls in areas.items():
        assert counts[f"/smk/{code}/"] == str(len(urls))


def test_every_sample_major_maps_or_is_reported(sample_site, read_page):
    _, _, unmatched = expected_smk()
    page = read_page(sample_site, "smk/belum-terpetakan/")
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    text = page.get_text()
    for vid, majors in unmatched.items():
        assert vid in text and all(m in text for m in majors)
    if not unmatched:
        assert "Semua jurusan sudah terpetakan." in text


def test_unknown_major_is_reported_for_officers(tmp_path):
    good = vacancy(("    - Teknik Mesin\n", "    - Teknik Sulap Panggung\n    - Teknik Mesin\n"))
    repo = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": good})
    out = report(repo, TODAY.isoformat())
    assert "Teknik Sulap Panggung" in out and "Teknik Mesin" not in out.split("belum terpetakan")[1]


def test_bkk_page_shows_vacancies_fitting_its_fields(sample_site, read_page):
    bkk = yaml.safe_load((ROOT / "content/offices/bkk-smk-negeri-contoh-1-cikarang.yml").read_text(encoding="utf-8"))
    assert bkk["fields"]
    areas, _, _ = expected_smk()
    spectrum = yaml.safe_load((REFERENCE / "smk_spectrum.yml").read_text(encoding="utf-8"))
    alias = {norm(m): a["code"] for a in spectrum["items"] for m in [a["name"], *a["majors"]]}
    fitting = set().union(*(areas[alias[norm(f)]] for f in bkk["fields"] if norm(f) in alias))
    assert fitting
    page = read_page(sample_site, f"kantor/{bkk['id']}/")
    section = page.find("section", aria_labelledby="bkk-jurusan")
    assert section.find("h2").get_text() == "Lowongan yang cocok untuk jurusan sekolah ini"
    cards = section.find_all("li", class_="card")
    shown = {c.find("a").attrs["href"] for c in cards}
    assert shown == fitting if len(fitting) <= 10 else shown < fitting


def test_new_public_pages_are_in_the_sitemap_and_the_officers_report_is_not(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("/terkena-phk/", "/kantor/layanan/", "/kantor/layanan/jkp/", "/smk/"):
        assert f"<loc>{path}</loc>" in sitemap, path
    assert "belum-terpetakan" not in sitemap
