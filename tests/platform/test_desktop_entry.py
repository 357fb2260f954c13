"""The Linux bundle's menu entry points at the bundle's folder whatever its name holds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "bundle" / "linux"


def exec_program(value: str) -> str:
    """The program an Exec= value starts, read as the Desktop Entry Specification says: the
    string's escapes first (\\\\ is one backslash), then the quoted argument's (a backslash keeps
    the next character), and %% is a literal %."""
    text = value.replace("\\\\", "\x00").replace("\x00", "\\")
    assert text.startswith('"'), value
    program, i = [], 1
    while text[i] != '"':
        if text[i] == "\\":
            i += 1
        elif text[i] == "%":
            assert text[i + 1] == "%", f"a field code inside the path: {value}"
            i += 1
        program.append(text[i])
        i += 1
    return "".join(program)


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("sh") is None, reason="a POSIX shell script")
@pytest.mark.parametrize("name", ["clera-desktop", "100% mine", 'Jösé "quoted" $HOME `x` back\\slash'])
def test_the_entry_starts_the_bundles_program_from_any_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    for file in ("install-desktop-entry.sh", "com.clera.CleraDesktop.desktop"):
        shutil.copy2(LINUX / file, folder)
    (folder / "com.clera.CleraDesktop.png").write_bytes(b"png")
    data = tmp_path / "share"
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], check=True, capture_output=True,
                   env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(data), "PATH": "/usr/bin:/bin"})
    entry = (data / "applications" / "com.clera.CleraDesktop.desktop").read_text(encoding="utf-8")
    line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    value = line.removeprefix("Exec=")
    assert value.endswith(" %U")
    assert exec_program(value.removesuffix(" %U")) == str(folder / "clera-desktop")
    assert "Name=Clera Desktop" in entry  # the rest of the entry as it was
