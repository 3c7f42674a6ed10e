#!/usr/bin/env bash
# Runs every SkillScope test. Installs what the tests need when it is missing (Debian packages,
# as root), then runs the whole suite in Release. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Debian packages the tests use: chromium always (the web dashboard's browser tests drive /usr/bin/chromium),
# plus any listed in SKILLSCOPE_TEST_PACKAGES. "installed" means fully configured, not just unpacked.
for pkg in chromium ${SKILLSCOPE_TEST_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
  else
    echo "tests need Debian packages: ${need_apt[*]} (run as root or install them with apt-get)" >&2
    exit 1
  fi
fi

dotnet test SkillScope.slnx -c Release --nologo "$@"
