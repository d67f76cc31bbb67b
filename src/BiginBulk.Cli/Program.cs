using BiginBulk.Cli;

return await CliApp.RunAsync(args, CliConsole.System);
