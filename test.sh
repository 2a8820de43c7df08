#!/usr/bin/env bash
# Runs every test of the project: the panel's unit and browser tests, then the .NET suites (SDK
# surface, plugins, engine, emulator and its Web API, solution, CLI). Installs what it needs
# (npm packages, Debian's chromium) first.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log=$(mktemp)
: > "$log"
status=0

if [ -f WebResources/package.json ]; then
  # NO_COLOR keeps vitest's "Tests  N passed" lines free of escape codes for the counting below.
  echo "== panel: install, unit tests, build"
  ( cd WebResources && npm ci --no-audit --no-fund && NO_COLOR=1 npm test && npm run build ) 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  # Real headless Chromium (Debian's; installed by the script when missing and root). The runner
  # prints its own "Tests  N passed | M failed (T)" line.
  echo "== panel: browser test"
  ( cd WebResources && npm run test:browser ) 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi

# After the panel: the packer tests check the built panel files in the zips, and the emulator's
# Web API test runs the panel's browser test against data made by the real plugins.
echo "== .NET tests"
ADOPT_BROWSER_TEST=1 dotnet test AdoptionCrm.sln -c Release --logger "console;verbosity=minimal" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# Vitest prints "Tests  N passed (M)" / "N failed"; count those too.
vpassed=$(grep -E '^ +Tests ' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
vfailed=$(grep -E '^ +Tests ' "$log" | grep -Eo '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
passed=$((passed + vpassed)); failed=$((failed + vfailed))
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "a build or install step failed"; fi
echo "$passed passed, $failed failed"
exit $status
