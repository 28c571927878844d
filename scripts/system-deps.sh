#!/usr/bin/env bash
# Debian packages Qt needs to run offscreen and under Xvfb, CJK fonts for the Chinese UI.
# Installs what is missing when running as root; otherwise says what to install.
set -euo pipefail
packages=(libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 fonts-noto-cjk xvfb xauth)
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system, skipping"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "             install them with: sudo apt-get install ${missing[*]}" >&2
fi
