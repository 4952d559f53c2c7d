using ModelRegistry.Cli;

return await CliApplication.RunAsync(args);
