"""constraints.txt is one lock for every platform: each dependency pinned where it is installed,
Windows' and macOS' own packages too (tools/check_lock.py asks PyPI for their wheels; this reads
the file alone)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS = {  # what pip on each reports for the markers uv writes
    "win_amd64": {"sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
    "macosx_arm64": {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "arm64"},
    "macosx_x86_64": {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "x86_64"},
    "manylinux_x86_64": {"sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64"},
}
COMMON = {"python_version": "3.11", "python_full_version": "3.11.7", "implementation_name": "cpython",
          "platform_python_implementation": "CPython", "os_name": "posix", "extra": ""}


def _pins() -> list[Requirement]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def _pinned_on(environment: str) -> dict[str, str]:
    values = {**COMMON, **ENVIRONMENTS[environment]}
    if environment == "win_amd64":
        values["os_name"] = "nt"
    return {canonicalize_name(r.name): str(r.specifier) for r in _pins()
            if r.marker is None or Marker(str(r.marker)).evaluate(values)}


def test_every_line_pins_one_version() -> None:
    for requirement in _pins():
        assert str(requirement.specifier).startswith("=="), requirement
        assert len(requirement.specifier) == 1, requirement


@pytest.mark.parametrize("environment", sorted(ENVIRONMENTS))
def test_every_dependency_is_pinned_on_every_platform(environment: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in ("test", "lint", "bundle"):
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    pinned = _pinned_on(environment)
    values = {**COMMON, **ENVIRONMENTS[environment]}
    for requirement in wanted:
        if requirement.marker is not None and not requirement.marker.evaluate(values):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not pinned for {environment}"
        version = pinned[name].removeprefix("==")
        assert requirement.specifier.contains(version, prereleases=True), (requirement, version)


def test_what_only_windows_or_macos_installs_is_pinned_there_alone() -> None:
    """keyring's and PyInstaller's own packages on Windows (pywin32-ctypes, pefile) and macOS (macholib)."""
    windows, mac, linux = _pinned_on("win_amd64"), _pinned_on("macosx_arm64"), _pinned_on("manylinux_x86_64")
    assert {"pywin32-ctypes", "pefile"} <= windows.keys()
    assert "macholib" in mac
    assert not {"pywin32-ctypes", "pefile", "macholib"} & linux.keys()
    assert "secretstorage" in linux and "secretstorage" not in windows  # the Secret Service is Linux's
