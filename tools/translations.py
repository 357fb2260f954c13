"""The window's words, collected from the code into Qt Linguist files and compiled for the app.

    .venv/bin/python tools/translations.py                 # update every clera_*.ts, compile each .qm
    .venv/bin/python tools/translations.py --check         # exit 1 if a word is missing or a file is stale
    .venv/bin/python tools/translations.py --fill de.json  # merge a translator's batch {"source": "Übersetzung"}

A word is the literal first argument of ``tr(…)`` or ``translatable(…)`` (clera_desktop/ui/i18n.py),
or ``said(…)`` (clera_desktop/core/words.py: errors and refusals written below the window), anywhere
in clera_desktop/. Translations are written in the .ts files (Qt Linguist opens them);
a word no longer in the code leaves its file, a new one arrives unfinished. pyside6-lupdate is not
used because the app's words are one context read through a plain function, which it does not
follow; pyside6-lrelease compiles.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clera_desktop"
FOLDER = ROOT / "resources" / "translations"
CONTEXT = "Clera"
MARKERS = ("tr", "translatable", "said")  # said: core/words.py, below the window
FIELD = re.compile(r"\{[a-z_]*(?:[:!][^{}]*)?\}")


@dataclass(frozen=True)
class Word:
    source: str
    filename: str  # relative to the .ts file, as Qt Linguist expects
    line: int


def words_in_code(package: Path = PACKAGE) -> list[Word]:
    """Every marked literal in the package, in file and line order, each source once."""
    seen: dict[str, Word] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                 and node.func.id in MARKERS and node.args and isinstance(node.args[0], ast.Constant)
                 and isinstance(node.args[0].value, str)]
        for call in sorted(calls, key=lambda c: c.lineno):
            source = call.args[0].value  # type: ignore[attr-defined]
            relative = Path("..", "..", path.relative_to(ROOT)).as_posix()
            seen.setdefault(source, Word(source, relative, call.lineno))
    return list(seen.values())


def fields(text: str) -> list[str]:
    """The ``{name}`` fields of a text, sorted: a translation keeps each of its source's."""
    return sorted(FIELD.findall(text))


def read_ts(path: Path) -> dict[str, str | None]:
    """source -> translation (None where unfinished)."""
    if not path.exists():
        return {}
    found: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        found[source] = (translation.text or "") if finished and translation is not None else None
    return found


def write_ts(path: Path, language: str, words: list[Word], translations: dict[str, str | None]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en_US")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for word in words:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=word.filename)  # no line: a moved line is no change
        ET.SubElement(message, "source").text = word.source
        translated = translations.get(word.source)
        element = ET.SubElement(message, "translation")
        if translated is None:
            element.set("type", "unfinished")
        else:
            element.text = translated
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")


def problems(words: list[Word], translations: dict[str, str | None]) -> list[str]:
    said = []
    for word in words:
        translated = translations.get(word.source)
        if translated is None:
            said.append(f"not translated: {word.source!r} ({word.filename[6:]}:{word.line})")
        elif fields(translated) != fields(word.source):
            said.append(f"fields differ: {word.source!r} -> {translated!r}")
    return said


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease is not installed (it comes with PySide6)")
    return found


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on a missing word or stale file")
    parser.add_argument("--fill", type=Path, help="a JSON object of translations to merge (with --language)")
    parser.add_argument("--language", default="de", help="the file --fill goes into (default: de)")
    args = parser.parse_args()
    words = words_in_code()
    failed = False
    for ts in sorted(FOLDER.glob("clera_*.ts")):
        language = ts.stem.removeprefix("clera_")
        translations = read_ts(ts)
        if args.fill and language == args.language:
            translations.update(json.loads(args.fill.read_text(encoding="utf-8")))
        said = problems(words, translations)
        for line in said:
            print(f"{ts.name}: {line}")
        if args.check:
            current = {w.source for w in words} == set(read_ts(ts))
            qm = ts.with_suffix(".qm")
            if not current or not qm.exists():
                print(f"{ts.name}: out of date with the code: run tools/translations.py")
                failed = True
            failed = failed or bool(said)
            continue
        write_ts(ts, language, words, translations)
        compile_ts(ts, ts.with_suffix(".qm"))
        print(f"{ts.name}: {len(words)} words, {len(said)} to translate")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
