"""The codebase's layout promises: records apart from the site, no import cycle, one route
table, a test module for every module, and machines owning the look (ruff, djhtml)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys

import pytest
from support import ROOT

from antarkerja.urls import ROUTES

PACKAGE = ROOT / "plugins" / "antarkerja"
TEMPLATES = ROOT / "theme" / "templates"


def module_name(path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, object]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


# The layers are folders: records/ reads and checks content/, site/ renders it, tools/ measures
# it. The shared facts at the top import only each other; cli.py (the command) and the
# package's __init__ (Pelican's entry point) compose the layers.
LAYERS = ("records", "site", "tools")
COMPOSERS = {"antarkerja", "antarkerja.cli"}
MAY_NOT_IMPORT = {
    "records": {"site", "tools"},
    "site": {"tools"},
    "tools": set(),
    "top": {"records", "site", "tools"},
}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "top"


def test_each_layer_imports_only_what_lies_below_it():
    modules = package_modules()
    leaks = []
    for name, path in modules.items():
        if name in COMPOSERS:
            continue
        for target in sorted(imports_of(path, set(modules))):
            if layer_of(target) in MAY_NOT_IMPORT[layer_of(name)]:
                leaks.append(f"{name} ({layer_of(name)}) imports {target}")
    assert not leaks, "\n".join(leaks)


def test_the_folder_rule_catches_a_leak():
    assert layer_of("antarkerja.records.history") == "records"
    assert layer_of("antarkerja.site.build") in MAY_NOT_IMPORT["records"]
    assert layer_of("antarkerja.tools.bench") in MAY_NOT_IMPORT["site"]
    assert layer_of("antarkerja.wording") == "top" and "records" in MAY_NOT_IMPORT["top"]


def test_records_side_imports_neither_pelican_nor_jinja():
    records_side = sorted(
        name for name in package_modules() if layer_of(name) in ("records", "top") and name not in COMPOSERS
    )
    code = (
        "import sys\n"
        f"for name in {records_side!r}: __import__(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('pelican', 'jinja2', 'markupsafe', 'playwright')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"the records side pulls in {out.strip()}"


def test_validate_command_runs_without_the_site_stack():
    code = "import sys; import antarkerja.cli; print(sorted(m for m in ('pelican', 'jinja2', 'antarkerja.tools.localweb', 'antarkerja.tools.bench_search') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"`antarkerja` imports {out.strip()} before any command runs"


def imports_of(path, modules: set[str]) -> set[str]:
    """The package's own modules that ``path`` imports, anywhere in the file."""
    found = set()
    this = module_name(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                anchor = this.split(".")[: -node.level] if not path.name == "__init__.py" else this.split(".")
                base = ".".join([*anchor, node.module])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
    return {m for m in found if m in modules and m != this}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_package_has_no_import_cycle():
    modules = package_modules()
    graph = {name: imports_of(path, set(modules)) for name, path in modules.items()}
    # A package's __init__ runs before its submodules; an edge to it alone is no cycle.
    for targets in graph.values():
        targets.discard("antarkerja")
    assert find_cycle(graph) is None, " → ".join(find_cycle(graph))


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def route_prefixes() -> set[str]:
    """First literal path segments of the route table: lowongan/, provinsi/, api/, theme/…"""
    out = set()
    for pattern in ROUTES.values():
        head = pattern.split("{", 1)[0]
        if "/" in head:
            out.add(head.split("/", 1)[0] + "/")
    out.add("page/")
    return out


def docstring_nodes(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def path_literals_in_python(path, prefixes) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstring_nodes(tree)
    pattern = re.compile(r"(?:^|[\s/'\"(])(" + "|".join(re.escape(p) for p in prefixes) + ")")
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if pattern.search(node.value) and not node.value.startswith(("http://", "https://")):
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                found.append(f"{shown}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_no_path_prefix_outside_the_route_table():
    prefixes = route_prefixes()
    assert "lowongan/" in prefixes and "kabkota/" in prefixes
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("urls.py",) or path.parent.name == "devtools" or path.name.startswith("bench"):
            continue
        found += path_literals_in_python(path, prefixes)
    comment = re.compile(r"\{#.*?#\}", re.S)  # replaced by as many newlines, so lines stay right
    literal = re.compile(r"""(?:\}\}/|['"/])(""" + "|".join(re.escape(p) for p in prefixes) + ")")
    for path in sorted(TEMPLATES.rglob("*.html")) + sorted(TEMPLATES.rglob("*.xml")):
        text = comment.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
        for match in literal.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r}")
    assert not found, "paths built by hand instead of with url():\n" + "\n".join(found)


def test_the_path_literal_check_catches_a_hand_built_path(tmp_path):
    module = tmp_path / "x.py"
    module.write_text('"""Docstrings may say lowongan/<id>/."""\nLINK = "kabkota/" + slug\n', encoding="utf-8")
    found = path_literals_in_python(module, {"kabkota/", "lowongan/"})
    assert len(found) == 1 and found[0].endswith(":2: 'kabkota/'")


# Machines own the look --------------------------------------------------------------------


def tool(name: str) -> list[str]:
    exe = shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is part of the test extras: pip install -e '.[test]'")
    return [exe]


def test_python_is_ruff_clean_and_formatted():
    check = subprocess.run([*tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run([*tool("ruff"), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, "run `ruff format .`:\n" + fmt.stdout + fmt.stderr


def test_templates_are_djhtml_formatted():
    run = subprocess.run([*tool("djhtml"), "--check", "theme/templates"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, "run `djhtml theme/templates`:\n" + run.stdout + run.stderr


# Tests mirror the modules ------------------------------------------------------------------

# Modules whose behaviour is tested through another module's tests, and where. Shrink this
# list by giving a module its own test file; a new module must get one (or a line here).
TESTED_ELSEWHERE = {
    "antarkerja": "test_site_build.py",  # the Pelican entry point: every build goes through it
    "antarkerja.tools.bench_search": "test_browser_search.py",
    "antarkerja.records.diagnostics": "test_records_validate.py",
    "antarkerja.site.outputs.check": "test_browser_check.py",
    "antarkerja.site.outputs.browse": "test_browser_search.py",
    "antarkerja.records.rules.scams": "test_tools_trust.py",  # the labelled corpus and every rule's examples
    "antarkerja.records.textnorm": "test_tools_trust.py",
    "antarkerja.records.rules.literals": "test_tools_trust.py",
    "antarkerja.records.contentpages": "test_robustness.py",  # the robustness corpus covers pages
    "antarkerja.records.discover": "test_robustness.py",
    "antarkerja.records.rules.common": "test_robustness.py",
    "antarkerja.site.features": "test_workers.py",  # JKP, services and SMK pages for workers
    "antarkerja.site.jkp_facts": "test_workers.py",
    "antarkerja.site.outputs.jkp": "test_workers.py",
    "antarkerja.site.outputs.services": "test_workers.py",
    "antarkerja.site.outputs.smk": "test_workers.py",
    "antarkerja.site.office_services": "test_workers.py",
    "antarkerja.site.smk_match": "test_workers.py",
    "antarkerja.errors": "test_site_build.py",
    "antarkerja.site.generator": "test_golden.py",
    "antarkerja.tools.localweb": "conftest.py",
    "antarkerja.markup": "test_hostile_content.py",
    "antarkerja.site.outputs": "test_golden.py",
    "antarkerja.site.outputs.families": "test_golden.py",  # every build runs every family
    "antarkerja.site.outputs.form": "test_browser_form.py",
    "antarkerja.site.outputs.downloads": "test_site_outputs_feeds.py",
    "antarkerja.site.outputs.notices": "test_notices.py",
    "antarkerja.site.outputs.stats": "test_site_figures.py",  # feeds, API and CSV together
    "antarkerja.site.outputs.widgets": "test_browser_widgets.py",
    "antarkerja.paths": "test_cli.py",
    "antarkerja.site.pelican_plugin": "test_golden.py",
    "antarkerja.present": "test_hostile_content.py",
    "antarkerja.records.rules": "test_records_validate.py",
    "antarkerja.records.rules.crossfile": "test_records_validate.py",
    "antarkerja.records.rules.office": "test_records_validate.py",
    "antarkerja.records.rules.registry": "test_records_schema_export.py",
    "antarkerja.records.rules.vacancy": "test_records_validate.py",
    "antarkerja.records.schema": "test_records_schema_export.py",
    "antarkerja.records.schema.office": "test_records_validate.py",
    "antarkerja.records.schema.vacancy": "test_records_validate.py",
}


def test_every_module_has_its_test_module():
    tests = ROOT / "tests"
    missing = []
    for name in package_modules():
        if name.removeprefix("antarkerja.") in LAYERS:
            continue  # a layer's __init__ holds only its docstring
        own = "test_" + "_".join(name.split(".")[1:]) + ".py"
        where = TESTED_ELSEWHERE.get(name, own)
        if not (tests / where).is_file():
            missing.append(f"{name}: expected tests/{own}")
    assert not missing, "\n".join(missing)


def test_javascript_is_in_the_one_style():
    run = subprocess.run([sys.executable, "scripts/format_js.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, "run `python scripts/format_js.py`:\n" + run.stdout + run.stderr


def test_test_modules_never_import_each_other():
    """Shared helpers live in tests/support/; a test module importing another runs its tests'
    module-level code twice and hides what is shared."""
    found = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name} imports {n}" for n in names if n.split(".")[0].startswith("test_")]
    assert not found, "\n".join(found)


def test_no_module_is_imported_under_another_modules_name():
    """``office_services as services`` read like ``site/outputs/services.py``: a module keeps its
    own name where it is used, so one name means one module."""
    stems = {p.stem for p in PACKAGE.rglob("*.py")}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found += [
                    f"{path.relative_to(PACKAGE)}: {a.name} as {a.asname}"
                    for a in node.names
                    if a.asname in stems and a.asname != a.name.rsplit(".", 1)[-1]
                ]
    assert not found, "\n".join(found)
