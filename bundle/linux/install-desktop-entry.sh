#!/bin/sh
# Puts Clera Desktop in your desktop's application menu: the .desktop file (pointing at this
# folder's clera-desktop) and its icon, for you alone (no root). Run it again after moving the folder.
#
# The folder's path goes into Exec= quoted and escaped as the Desktop Entry Specification says:
# '%' doubled (else '100% mine' reads as the field code %m), and '\', '"', '`' and '$' each
# preceded by a backslash inside the quotes, the backslashes then doubled once more for the
# file's string syntax.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/com.clera.CleraDesktop.png" "$icons/"
escaped=$(printf '%s' "$here" | sed -e 's/\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/`/\\\\`/g' -e 's/\$/\\\\$/g' \
  -e 's/%/%%/g')
entry="$apps/com.clera.CleraDesktop.desktop"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*) printf 'Exec="%s/clera-desktop" %%U\n' "$escaped" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/com.clera.CleraDesktop.desktop" > "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Clera Desktop is in your application menu ($entry)."
