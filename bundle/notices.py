"""THIRD-PARTY-NOTICES.txt for a bundle: every library it ships, its version, licence and licence text.

A bundle redistributes its dependencies, so it must carry their notices. Two licences ask more
than a notice, and the file's head says how the bundle meets them:

- LGPL-3.0 (PySide6, shiboken6 and the Qt libraries): they ship as separate shared libraries in
  the bundle's folder (a one-folder build, never one file), so a person can replace them with
  their own build; the sources are named.
- MPL-2.0 (certifi's certificate list, and any other): the files are unmodified; the sources are named.

The list is the installed closure of clera-desktop's own requirements, read from package metadata
(what pip installed is what PyInstaller collected).

    python bundle/notices.py OUTPUT
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

HEAD = """Clera Desktop ships Python {python} and the open-source libraries listed below, each under
its own licence.

LGPL-3.0 ({lgpl}): the Qt 6 libraries (https://www.qt.io; sources at
https://code.qt.io/cgit/pyside/pyside-setup.git and https://code.qt.io/cgit/qt/) are dynamically
linked and ship as separate files in this folder (_internal/PySide6), as does every other
LGPL library; you may replace any of them with a version you built yourself from its source.
The LGPL-3.0 text is included below with them. QtWebEngine includes Chromium, whose notices are
at https://www.chromium.org/chromium-projects/.

MPL-2.0 ({mpl}): shipped unmodified; their sources are at the addresses listed with them.
"""

LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


def runtime_closure(root: str = "clera-desktop") -> list[metadata.Distribution]:
    """``root`` and everything it needs at run time on this platform (extras left out)."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    return sorted((d for k, d in seen.items() if k != root), key=lambda d: d.metadata["Name"].lower())


def licence_of(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    short = (meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) < 80:
        return short
    return ", ".join(classifiers) or "see its licence text"


def source_of(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    for url in meta.get_all("Project-URL") or []:
        label, _, address = url.partition(",")
        if label.strip().lower() in ("source", "source code", "repository", "code", "homepage"):
            return address.strip()
    return str(meta.get("Home-page") or f"https://pypi.org/project/{meta['Name']}/")


def licence_texts(distribution: metadata.Distribution) -> list[str]:
    texts = []
    for file in distribution.files or []:
        if LICENCE_FILE.search(str(file)):
            try:
                texts.append(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def notices() -> str:
    closure = runtime_closure()
    python = ".".join(map(str, sys.version_info[:3]))

    def named(word: str) -> str:
        return ", ".join(d.metadata["Name"] for d in closure if word in licence_of(d)) or "none"

    parts = [HEAD.format(python=python, lgpl=named("LGPL"), mpl=named("MPL")), "",
             f"- Python {python}: PSF-2.0 (https://www.python.org)"]
    for distribution in closure:
        meta = distribution.metadata
        parts.append(f"- {meta['Name']} {distribution.version}: {licence_of(distribution)} ({source_of(distribution)})")
    for distribution in closure:
        meta = distribution.metadata
        parts += ["", "=" * 78, f"{meta['Name']} {distribution.version}: {licence_of(distribution)}",
                  f"Source: {source_of(distribution)}", "=" * 78]
        parts += licence_texts(distribution) or ["(no licence file in the package; its licence is named above)"]
    python_licence = Path(sys.base_prefix) / "LICENSE.txt"
    if not python_licence.exists():
        python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"
    if python_licence.exists():
        parts += ["", "=" * 78, f"Python {python}: PSF-2.0", "=" * 78, python_licence.read_text(encoding="utf-8")]
    return "\n".join(parts) + "\n"


def main() -> int:
    output = Path(sys.argv[1])
    output.write_text(notices(), encoding="utf-8")
    print(f"{output}: {output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
