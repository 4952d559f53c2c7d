#!/usr/bin/env bash
# No-op incremental build cost of ModelRegistry.Build (issue 5, "Performance"): a consumer with two ModelReferences
# and a training project whose model is unchanged, each against the same project without the package.
#   tests/EndToEnd.Tests/Benchmarks/noop-build.sh [runs]        (default 10 runs of each, alternated)
# Packs the package into a temp feed, builds every project once, then times `dotnet build --no-restore` and prints
# the minimum and median of each and the ratios (target: <= 1.1). Compare ratios, not absolute times.
set -euo pipefail
runs="${1:-10}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset GITHUB_ACTIONS GITHUB_OUTPUT GITHUB_STEP_SUMMARY CI MODEL_REGISTRY || true

dotnet pack "$root/src/ModelRegistry.Build" -c Release -o "$work/feed" -p:MinVerVersionOverride=0.0.0-bench -nr:false >/dev/null
cli="$root/src/ModelRegistry.Cli/bin/Release/net10.0/publish/model-registry.dll"
mkdir -p "$work/seed" && echo fraud >"$work/seed/fraud.bin" && echo churn >"$work/seed/churn.bin"
dotnet "$cli" register FraudDetection "$work/seed/fraud.bin" --registry "$work/registry" >/dev/null 2>&1
dotnet "$cli" promote FraudDetection@1 --to Production --approved-by bench --registry "$work/registry" >/dev/null 2>&1
dotnet "$cli" register Churn "$work/seed/churn.bin" --registry "$work/registry" >/dev/null 2>&1

project() { # folder, properties, items, extra
  mkdir -p "$work/$1"
  cat >"$work/$1/NuGet.config" <<XML
<configuration><packageSources><clear /><add key="bench" value="$work/feed" /></packageSources></configuration>
XML
  cat >"$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework>$2</PropertyGroup>
  <ItemGroup>$3</ItemGroup>$4
</Project>
XML
  echo 'public static class C { }' >"$work/$1/C.cs"
  echo weights >"$work/$1/weights.txt" && echo '{ "auc": 0.95 }' >"$work/$1/metrics.json"
}
package='<PackageReference Include="ModelRegistry.Build" Version="0.0.0-bench" PrivateAssets="all" />'
train='<Target Name="Train" AfterTargets="Build" Inputs="weights.txt;metrics.json" Outputs="out/model.bin;out/metrics.json"><Copy SourceFiles="weights.txt" DestinationFiles="out/model.bin" /><Copy SourceFiles="metrics.json" DestinationFiles="out/metrics.json" /></Target>'
project consumer "<ModelRegistry>$work/registry</ModelRegistry><ModelRegistryCache>$work/cache</ModelRegistryCache><ModelRegistryGenerateConstants>true</ModelRegistryGenerateConstants>" \
  "$package<ModelReference Include=\"FraudDetection\" Version=\"Production\" /><ModelReference Include=\"Churn\" />" ""
project consumer-plain "" "" ""
project training "<ModelRegistry>$work/registry</ModelRegistry><ModelRegistryRegisterAfterTargets>Train</ModelRegistryRegisterAfterTargets>" \
  "$package<ModelArtifact Include=\"out/model.bin\" Model=\"Trained\" /><ModelMetrics Include=\"out/metrics.json\" /><MetricThreshold Include=\"auc\" Minimum=\"0.9\" />" "$train"
project training-plain "" "" "$train"

names=(consumer consumer-plain training training-plain)
for name in "${names[@]}"; do (cd "$work/$name" && dotnet build -nr:false >/dev/null); done
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    start=$(date +%s%N)
    (cd "$work/$name" && dotnet build --no-restore -nr:false >/dev/null)
    echo "$name $(( ($(date +%s%N) - start) / 1000000 ))"
  done
done | sort -k1,1 -k2,2n | awk '
  { t[$1] = t[$1] " " $2; n[$1]++ }
  END {
    for (k in t) { split(substr(t[k], 2), v, " "); min[k] = v[1]; med[k] = v[int((n[k] + 1) / 2)]; printf "%-15s min %5d ms  median %5d ms\n", k, min[k], med[k] }
    printf "consumer ratio  min %.3f  median %.3f\n", min["consumer"] / min["consumer-plain"], med["consumer"] / med["consumer-plain"]
    printf "training ratio  min %.3f  median %.3f\n", min["training"] / min["training-plain"], med["training"] / med["training-plain"]
  }'
