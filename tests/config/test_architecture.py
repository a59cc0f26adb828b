"""The direction of the imports (pyproject.toml, [tool.importlinter]) holds on the tree, and a
wrong-way import breaks it: the contracts are not a formality that passes whatever is written."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ["site", "meldingen", "initiatives", "participation"]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": "site", "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def tree_copy(tmp_path) -> Path:
    """The Python code and the contracts, without migrations, data or caches."""
    skip = shutil.ignore_patterns("__pycache__", "migrations", "*.json", "*.csv", "*.txt")
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def add_import(path: Path, line: str) -> None:
    path.write_text(f"{line}  # noqa\n{path.read_text()}")


def test_the_tree_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_passes_as_it_is(tree_copy):
    assert lint_imports(tree_copy).returncode == 0


@pytest.mark.parametrize(
    ("importer", "line", "contract"),
    [
        # the kernel reaching into a module
        ("site/common/money.py", "from meldingen import workflow", "layers"),
        # accounts reaching into a module, even lazily inside a function
        (
            "site/accounts/roles.py",
            "def _late():\n    from initiatives.models import Initiative",
            "layers",
        ),
        # a module reaching for the demo content
        ("meldingen/services/base.py", "import demo.meldingen", "layers"),
        # one module into a sibling
        ("initiatives/rules.py", "from participation.wijkbudget import workflow", "independent"),
        ("site/shop/search.py", "from meldingen.models import Melding", "independent"),
        # the agenda and inspraak are siblings in participation/, and siblings all the same
        (
            "participation/agenda/views/activities.py",
            "from participation.inspraak import urls",
            "independent",
        ),
        # a cycle inside one app, even through a lazy import
        (
            "participation/agenda/models/activity.py",
            "def _late():\n    from ..services import registration_create",
            "no import cycles",
        ),
    ],
)
def test_a_wrong_way_import_breaks_a_contract(tree_copy, importer, line, contract):
    add_import(tree_copy / importer, line)
    result = lint_imports(tree_copy)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if " BROKEN" in row]
    # The kernel importing a module also makes every module that uses it reach that module.
    assert any(row.startswith(contract) for row in broken), result.stdout


def test_settings_are_read_as_declared():
    """A setting read with getattr(settings, "X", default) hides its default from the settings
    files; every setting is declared in config/settings and read as settings.X."""
    pattern = re.compile(r"getattr\(\s*(django_)?settings\s*,")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for name in PACKAGES
        for path in (ROOT / name).rglob("*.py")
        for number, text in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(text)
    ]
    assert found == []
