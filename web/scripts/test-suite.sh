#!/usr/bin/env bash
# The web suite of `./platform test`: npm ci, unit and component tests (Vitest), the production
# build, and the end-to-end tests in headless Chromium against the local stack (e2e/run-e2e.mjs,
# which starts and stops a stack of its own on PORT_OFFSET 22000). Installs Debian's chromium and
# chromium-driver with apt-get when they are missing and this runs as root; otherwise says what to
# run. Ends with the line "N passed, M failed" (test cases, plus any step that failed outright).
set -uo pipefail

WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$WEB" || exit 1
started=$SECONDS
passed=0 failed=0
say() { printf '[web] %s\n' "$*"; }
finish() {
  say "done in $((SECONDS - started)) s"
  echo "$passed passed, $failed failed"
  ((failed == 0))
  exit
}

command -v node >/dev/null && command -v npm >/dev/null || { say "node and npm are required (Node 20, npm 10+)"; failed=1; finish; }

if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  if [[ $EUID -eq 0 ]]; then
    say "chromium is missing; installing chromium and chromium-driver with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null; } \
      || { say "could not install chromium"; failed=$((failed + 1)); finish; }
  else
    say "the end-to-end tests need Debian's Chromium. Install it with:"
    echo "sudo apt-get install -y chromium chromium-driver" >&2
    failed=$((failed + 1))
    finish
  fi
fi

# Japanese glyphs in the screenshots the end-to-end run takes (docs/screenshots): without a CJK font
# headless Chromium draws boxes. Not needed for the checks themselves, so a failure only warns.
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [[ $EUID -eq 0 ]]; then
    say "installing fonts-noto-cjk (Japanese text in screenshots)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk >/dev/null 2>&1 \
      || say "could not install fonts-noto-cjk: screenshots will show boxes for Japanese text"
  else
    say "screenshots need a Japanese font: sudo apt-get install -y fonts-noto-cjk"
  fi
fi

say "npm ci"
npm ci --no-audit --no-fund || { say "npm ci failed"; failed=$((failed + 1)); finish; }

say "unit and component tests (vitest)"
report="$(mktemp)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
unit_rc=$?
if read -r p f < <(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(r.numPassedTests, r.numFailedTests)' "$report" 2>/dev/null); then
  passed=$((passed + p)) failed=$((failed + f))
  ((unit_rc != 0 && f == 0)) && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi
rm -f "$report"

say "type check and production build"
if npm run build; then passed=$((passed + 1)); else failed=$((failed + 1)); finish; fi

say "end-to-end tests in headless Chromium"
e2e_log="$(mktemp)"
npm run e2e 2>&1 | tee "$e2e_log"
e2e_rc=${PIPESTATUS[0]}
if read -r p f < <(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$e2e_log" | tail -1) && [[ -n "$p" ]]; then
  passed=$((passed + p)) failed=$((failed + f))
  ((e2e_rc != 0 && f == 0)) && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi
rm -f "$e2e_log"
finish
