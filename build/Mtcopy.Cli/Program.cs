using Mtcopy.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
