#!/usr/bin/env bash
# Asserts how many tests really ran, from the TRX files `dotnet test --logger trx --results-directory DIR`
# wrote: at least MIN passed, none failed, none skipped. A filter that matches nothing or a gate that
# drifted gives zero tests and exit code 0 from dotnet test; this fails it.
#   scripts/test-count.sh DIR MIN [WHAT]
set -euo pipefail
dir=$1 min=$2 what=${3:-tests}

shopt -s nullglob globstar
files=("$dir"/**/*.trx)
if [ ${#files[@]} -eq 0 ]; then
	echo "test-count: no TRX file under $dir: the $what did not run" >&2
	exit 1
fi

sum() { # attribute of <Counters .../>, summed over the files
	local total=0 n f
	for f in "${files[@]}"; do
		n=$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
		total=$((total + ${n:-0}))
	done
	echo "$total"
}
total=$(sum total) executed=$(sum executed) passed=$(sum passed) failed=$(sum failed)
skipped=$((total - executed)) # TRX counts a skipped test in total, not in executed (its notExecuted stays 0)
echo "test-count: $what: $total tests, $passed passed, $failed failed, $skipped skipped (need at least $min passed, none skipped)"
if [ "$passed" -lt "$min" ] || [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ]; then
	grep -ho '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*' "${files[@]}" | grep -o 'testName="[^"]*"' | sed 's/^/  skipped: /' >&2 || true
	echo "test-count: the $what did not all run: a filter that matches too little, or a gate (environment variable) that is not set" >&2
	exit 1
fi
