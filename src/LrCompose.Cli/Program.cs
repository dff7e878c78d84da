// The lrcompose command: plot, describe, tabulate and compare learning-rate schedules written as recipes.
return LrCompose.Cli.CliApp.Run(args, Console.Out, Console.Error);
