#!/usr/bin/env bash
# Idempotent set-up on Debian with Python 3.11: system packages, a virtualenv and the Python packages.
# Usage: scripts/setup.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-runtime}"

apt_packages=(fonts-noto-cjk fonts-liberation chromium tesseract-ocr tesseract-ocr-chi-sim)
[ "$mode" = test ] && apt_packages+=(chromium-driver poppler-utils postgresql)
# npm brings axe-core for the accessibility tests (test mode only; the app never serves it)
if [ "$mode" = test ] && ! command -v npm >/dev/null 2>&1; then apt_packages+=(nodejs npm); fi
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# Debian's own python3.11 where there is one (built with PGO and LTO: a cold overview at 5M takes ~7% less CPU
# than under a plain source build such as pyenv's); PYTHON chooses another
python="${PYTHON:-$(command -v /usr/bin/python3.11 || command -v python3)}"
"$python" -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

base="$(readlink -f "$python")"
if [ -x .venv/bin/python ] && [ "$(readlink -f .venv/bin/python)" != "$base" ]; then
  echo "==> .venv was made with $(readlink -f .venv/bin/python), not $base: making it anew"
  rm -rf .venv
fi
[ -x .venv/bin/python ] || { echo "==> $python -m venv .venv"; "$python" -m venv .venv; }
req=requirements.txt
[ "$mode" = test ] && req=requirements-dev.txt
stamp=".venv/.installed-$(cat requirements.txt "$req" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> pip install -r $req"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi

if [ "$mode" = test ]; then
  vendor=tests/browser/vendor  # pinned in package.json and package-lock.json; node_modules is git-ignored
  npm_stamp="$vendor/node_modules/.installed-$(sha256sum "$vendor/package-lock.json" | cut -c1-16)"
  if [ ! -f "$npm_stamp" ]; then
    echo "==> npm ci --prefix $vendor (axe-core, for the accessibility tests)"
    npm ci --prefix "$vendor" --no-audit --no-fund --loglevel=error
    touch "$npm_stamp"
  fi
fi
