"""Build this platform's bundle with PyInstaller and smoke-test what was built.

    python bundle/build.py                 # build into build/bundle/, then smoke-test it
    python bundle/build.py --smoke-only    # smoke-test a bundle built before
    python bundle/build.py --archive       # also pack it for download (.tar.gz; .zip on Windows, ditto's on macOS)
                                           # and smoke-test the archive unpacked

The smoke test runs the bundle's own programs the way a person would, from outside the source
tree (so nothing is imported from the checkout): ``--version``; ``info`` on an empty folder (which
must stay empty); ``sync --demo`` (the sandbox child started the frozen way); the window on the
demo for 20 s; and the SnapTrade portal page in the web engine under a German locale (the web
engine ships English only and must fall back to it). It prints the build time and the unpacked
size, which README and the release notes quote.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "bundle" / "clera-desktop.spec"
APP_ID = "com.clera.CleraDesktop"
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"


@dataclass(frozen=True)
class Bundle:
    """Where a build put the app, and the two ways to start it."""

    folder: Path  # what is packed for download
    window: Path  # the windowed program
    command_line: Path  # the program with a console (the same one outside Windows)

    @classmethod
    def at(cls, dist: Path) -> Bundle:
        if MACOS:
            app = dist / "Clera Desktop.app"
            program = app / "Contents" / "MacOS" / "clera-desktop"
            return cls(app, program, program)
        folder = dist / "clera-desktop"
        if WINDOWS:
            return cls(folder, folder / "clera-desktop.exe", folder / "clera.exe")
        return cls(folder, folder / "clera-desktop", folder / "clera-desktop")


def build(dist: Path, work: Path) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], cwd=ROOT, check=True)
    return time.monotonic() - started


def add_linux_desktop_entry(bundle: Bundle) -> None:
    """The .desktop file, its icon and the script that installs both for the person."""
    linux = ROOT / "bundle" / "linux"
    shutil.copy2(linux / f"{APP_ID}.desktop", bundle.folder)
    shutil.copy2(linux / "install-desktop-entry.sh", bundle.folder)
    shutil.copy2(ROOT / "resources" / "icons" / "app-256.png", bundle.folder / f"{APP_ID}.png")


def size_of(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


class SmokeFailed(Exception):
    pass


def shared_book(command_line: Callable[..., str], scratch: Path) -> None:
    """The bundle keeps a book on PostgreSQL too (its driver and libpq made it in): the demo synced
    into a throwaway server's database, where one is installed (tests/postgres.py; CI installs it)."""
    sys.path.insert(0, str(ROOT))
    from tests.postgres import throwaway_server

    with throwaway_server() as server:
        if server is None:
            print("  (no PostgreSQL here: the shared book is not smoke-tested)")
            return
        synced = command_line("sync", "--demo", "--data-dir", str(scratch / "shared"), "--db", server.create_database())
        if "account" not in synced.lower():
            raise SmokeFailed(f"sync --demo into PostgreSQL printed no accounts:\n{synced}")


def smoke_test(bundle: Bundle) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="clera-smoke-"))
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(scratch), "TEMP": str(scratch),
                   "TMP": str(scratch)}
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium refuses to run sandboxed as root
        environment["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    for name in [n for n in environment if n.startswith(("CLERA_", "SNAPTRADE_", "PLAID_", "ALPACA_", "PYTHON"))]:
        del environment[name]  # the bundle alone: no developer's settings, no source tree on the path

    def run(program: Path, *args: str, timeout: float = 240, **extra: str) -> str:
        started = time.monotonic()
        result = subprocess.run([str(program), *args], cwd=scratch, env={**environment, **extra},
                                capture_output=True, text=True, encoding="utf-8", errors="replace",
                                timeout=timeout, check=False)
        shown = " ".join(args)
        print(f"  {shown:<40} exit {result.returncode} in {time.monotonic() - started:5.1f} s")
        if result.returncode != 0 or "Traceback" in result.stderr:
            raise SmokeFailed(f"{shown} failed (exit {result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        return result.stdout

    try:
        version = run(bundle.command_line, "--version")
        if "0." not in version:
            raise SmokeFailed(f"--version printed {version!r}")
        empty = scratch / "empty"
        run(bundle.command_line, "info", "--data-dir", str(empty))
        if empty.exists():
            raise SmokeFailed("info created the data folder it was only asked to describe")
        synced = run(bundle.command_line, "sync", "--demo")
        if "account" not in synced.lower():
            raise SmokeFailed(f"sync --demo printed no accounts:\n{synced}")
        window_data = scratch / "window"
        run(bundle.window, "--demo", "--data-dir", str(window_data), "--quit-after", "20")
        log = (window_data / "logs" / "clera-desktop.log").read_text(encoding="utf-8", errors="replace")
        if "could not open the data" in log or "live prices: subscribed" not in log:  # subscribed: synced holdings
            raise SmokeFailed(f"the demo window did not open its data, sync and stream:\n{log[-4000:]}")
        portal = run(bundle.command_line, "selfcheck", "portal", "--demo", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
        run(bundle.command_line, "selfcheck", "german")  # the app's .qm and Qt's own made it into the bundle
        if "portal page loaded" not in portal:
            raise SmokeFailed(f"the portal page did not load:\n{portal}")
        shared_book(lambda *args: run(bundle.command_line, *args), scratch)
        leftovers = [p.name for p in scratch.iterdir() if p.name.startswith("clera-demo-")]
        if leftovers:
            raise SmokeFailed(f"demo folders left behind: {leftovers}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def archive(bundle: Bundle, out: Path) -> Path:
    """The download: a .tar.gz on Linux, a .zip on Windows, and on macOS a .zip made by ``ditto``,
    which keeps the .app's symbolic links (Qt's frameworks are made of them: ``Versions/Current``,
    ``Resources``); a zip walked file by file turned them into empty folders and copies, and the
    unpacked app lost QtWebEngine's resources and its signature."""
    from clera_desktop import __version__

    platform = "windows" if WINDOWS else "macos" if MACOS else "linux"
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    base = out / f"clera-desktop-{__version__}-{platform}-{machine}"
    path = base.parent / f"{base.name}{'.tar.gz' if platform == 'linux' else '.zip'}"  # the version's dots are no suffix
    if MACOS:
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(bundle.folder), str(path)], check=True)
    elif WINDOWS:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
            for file in sorted(bundle.folder.rglob("*")):
                packed.write(file, Path(bundle.folder.name) / file.relative_to(bundle.folder))
    else:
        with tarfile.open(path, "w:gz") as packed:  # keeps symbolic links as links
            packed.add(bundle.folder, arcname=bundle.folder.name)
    return path


def unpack(packed: Path, into: Path) -> Path:
    """An archive unpacked as a person would (Finder and ``ditto`` on macOS); returns the dist folder."""
    into.mkdir(parents=True, exist_ok=True)
    if MACOS:
        subprocess.run(["ditto", "-x", "-k", str(packed), str(into)], check=True)
    elif packed.name.endswith(".zip"):
        with zipfile.ZipFile(packed) as opened:
            opened.extractall(into)
    else:
        with tarfile.open(packed) as opened:
            opened.extractall(into, filter="tar")  # links and modes as packed, nothing outside ``into``
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bundle", help="where the bundle goes")
    parser.add_argument("--smoke-only", action="store_true", help="test the bundle already in --out")
    parser.add_argument("--archive", action="store_true",
                        help="also pack the bundle for download, then unpack the archive and smoke-test that")
    args = parser.parse_args()
    dist, work = args.out / "dist", args.out / "work"
    bundle = Bundle.at(dist)
    if not args.smoke_only:
        seconds = build(dist, work)
        if not (WINDOWS or MACOS):
            add_linux_desktop_entry(bundle)
        print(f"built {bundle.folder} in {seconds:.0f} s")
    print(f"unpacked size: {size_of(bundle.folder) / 1e6:.0f} MB")
    print("smoke test:")
    try:
        smoke_test(bundle)
    except (SmokeFailed, subprocess.TimeoutExpired) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    print("smoke test passed")
    if args.archive:
        packed = archive(bundle, args.out)
        print(f"archive: {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
        unpacked = Path(tempfile.mkdtemp(prefix="clera-unpacked-"))
        try:
            print("smoke test of the archive, unpacked:")
            smoke_test(Bundle.at(unpack(packed, unpacked)))
        except (SmokeFailed, subprocess.TimeoutExpired) as failure:
            print(f"SMOKE TEST OF THE ARCHIVE FAILED: {failure}", file=sys.stderr)
            return 1
        finally:
            shutil.rmtree(unpacked, ignore_errors=True)
        print("the unpacked archive passed too")
    return 0


if __name__ == "__main__":
    sys.exit(main())
