"""The libraries a bundle carries from the system it was built on, with their licences.

PyInstaller copies every shared library the app's modules link against, the operating system's
own included where they are not part of the platform a person is guaranteed to have (on Linux,
glib, GnuTLS, NSS, cairo, libsystemd... from the build machine's packages). They are
redistributed, so they are named in THIRD-PARTY-NOTICES.txt with their licence; on a Debian or
Ubuntu build machine each is traced to its package (``dpkg -S``) and that package's copyright
file, whose text the notices include. A library whose package is licensed under the GPL alone
(no LGPL, no exception, no permissive alternative) may not ship in a bundle whose own licence is
not the GPL: the build stops and names it (libreadline once came in through Python's
``readline`` module, now excluded).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: Known to be GPL-only, whatever a copyright file says about the package's other files.
GPL_ONLY = ("libreadline", "libhistory", "libgdbm")
#: Words of a licence that allow shipping the library beside code under another licence.
PERMITTED = re.compile(r"LGPL|exception|MIT|BSD|Expat|ISC|Zlib|Apache|MPL|PSF|public[ -]domain|OpenSSL|"
                       r"curl|FTL|libpng|IJG|X11|Unicode|Boost|permissive|GPL-2\+ or LGPL", re.IGNORECASE)


@dataclass
class SystemLibrary:
    file: str  # where the bundle keeps it
    source: str  # where it came from on the build machine
    package: str | None = None  # its Debian package, where one is known
    version: str | None = None
    licences: list[str] = field(default_factory=list)
    copyright_text: str | None = None

    @property
    def gpl_only(self) -> bool:
        name = Path(self.file).name
        if name.startswith(GPL_ONLY):
            return True
        gpl = [text for text in self.licences if re.search(r"(?<![AL])GPL", text)]
        return bool(gpl) and not any(PERMITTED.search(text) for text in self.licences)

    def line(self) -> str:
        origin = f"{self.package} {self.version}" if self.package else "the build machine's system"
        licences = ", ".join(self.licences) or "see its package's copyright file"
        return f"- {Path(self.file).name} (from {origin}): {licences}"


def from_system(binaries: list[tuple[str, str, str]], prefixes: tuple[str, ...]) -> list[SystemLibrary]:
    """The entries of PyInstaller's ``binaries`` (destination, source, kind) whose source lies
    outside ``prefixes`` (Python's own installation, the virtual environment)."""
    found = {}
    for destination, source, _kind in binaries:
        if not any(source.startswith(prefix) for prefix in prefixes):
            found[destination] = SystemLibrary(destination, source)
    return [found[key] for key in sorted(found)]


def describe(libraries: list[SystemLibrary]) -> list[SystemLibrary]:
    """Each library's package, version, licences and copyright text, where dpkg knows them."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg") is None:
        return libraries
    for library in libraries:
        owner = subprocess.run(["dpkg", "-S", str(Path(library.source).resolve())], capture_output=True, text=True,
                               check=False)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", library.source], capture_output=True, text=True, check=False)
        if owner.returncode != 0:
            continue
        package = owner.stdout.split(":", 1)[0].strip()
        library.package = package
        library.version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True,
                                         text=True, check=False).stdout.strip() or None
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        if copyright_file.exists():
            text = copyright_file.read_text(encoding="utf-8", errors="replace")
            library.copyright_text = text
            library.licences = licences_in(text)
    return libraries


def licences_in(copyright_text: str) -> list[str]:
    """The ``License:`` names of a Debian machine-readable copyright file, in order, once each."""
    names: list[str] = []
    for match in re.finditer(r"^License:[ \t]*(\S[^\n]*)$", copyright_text, re.MULTILINE):
        name = match.group(1).strip()
        if name not in names:
            names.append(name)
    return names


def notices_section(libraries: list[SystemLibrary]) -> str:
    if not libraries:
        return ""
    parts = ["", "=" * 78, "Libraries from the system the bundle was built on", "=" * 78,
             *(library.line() for library in libraries)]
    texts: dict[str, str] = {}
    for library in libraries:
        if library.package and library.copyright_text and library.package not in texts:
            texts[library.package] = library.copyright_text
    for package, text in texts.items():
        parts += ["", "-" * 78, f"{package}: /usr/share/doc/{package.split(':')[0]}/copyright", "-" * 78, text]
    return "\n".join(parts) + "\n"


def refuse_gpl_only(libraries: list[SystemLibrary]) -> None:
    refused = [library for library in libraries if library.gpl_only]
    if refused:
        raise SystemExit("GPL-only libraries would ship in the bundle: "
                         + "; ".join(f"{Path(r.file).name} ({r.package or r.source})" for r in refused)
                         + ". Exclude the module that brings each in (the spec's excludes).")
