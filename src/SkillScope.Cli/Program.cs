using SkillScope.Cli;

return await SkillScopeCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
