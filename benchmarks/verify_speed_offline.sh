#!/usr/bin/env bash
# verify_speed.py on a machine without the project's virtual environment or a network (a lent
# GPU machine): installs the wheels in .whl/ into a temporary directory, prints what decides
# the floor (CPUs, sha256sum, SHA extensions), then runs the benchmark with the given options.
#
# Fetch the wheels first, on a machine with a network, for the other machine's Python (X.Y):
#   pip download --python-version X.Y --only-binary=:all: --platform manylinux2014_x86_64 \
#       --platform manylinux_2_28_x86_64 -d .whl pydantic orjson rfc8785 cryptography \
#       securesystemslib msgspec pyyaml
# Usage: bash benchmarks/verify_speed_offline.sh [--records 100000] [--repeats 3] [--bundles auto,stored] [--sealed]
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
python3 -m pip install -q --no-index --no-deps --target "$site" .whl/*.whl
echo "CPUs: $(nproc); $(python3 -V); $(sha256sum --version | head -1);" \
    "SHA extensions: $(grep -q -m1 sha_ni /proc/cpuinfo && echo yes || echo no)"
PYTHONPATH="$site:$PWD/src" python3 benchmarks/verify_speed.py "$@"
