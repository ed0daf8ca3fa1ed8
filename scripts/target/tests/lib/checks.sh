# The target-side tests' checks, sourced by each tests/*.sh (bash): `check DESCRIPTION CONDITION` evaluates
# CONDITION and prints ok or FAIL with the description, `fail DESCRIPTION` counts a failure found otherwise, and
# `finish NAME` ends the test with a summary, non-zero when any check failed. (In lib/, so tests/test.sh, which runs
# every tests/*.sh, does not take it for a test.)
failures=0
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() { if eval "$2"; then printf '  ok    %s\n' "$1"; else fail "$1"; fi; }
finish() {
  if (( failures )); then echo "$1: $failures check(s) failed"; exit 1; fi
  echo "$1: all checks passed"
}
