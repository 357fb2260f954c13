#!/bin/sh
# Puts Clera Desktop in your desktop's application menu: the .desktop file (pointing at this
# folder's clera-desktop) and its icon, for you alone (no root). Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/com.clera.CleraDesktop.png" "$icons/"
sed "s|^Exec=clera-desktop|Exec=\"$here/clera-desktop\"|" "$here/com.clera.CleraDesktop.desktop" \
  > "$apps/com.clera.CleraDesktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Clera Desktop is in your application menu ($apps/com.clera.CleraDesktop.desktop)."
