using ModelRegistry.Benchmarks;

// dotnet run -c Release --project tests/ModelRegistry.Benchmarks -- [--size-mib 1024] [--versions 10000] [--out results.md]
return await BenchCommand.RunAsync(args);
