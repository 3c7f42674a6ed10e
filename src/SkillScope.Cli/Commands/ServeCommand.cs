using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SkillScope.Store;
using SkillScope.Web;

namespace SkillScope.Cli.Commands;

/// <summary>`skillscope serve`: the web dashboard and JSON API over one database, on this machine only by default.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, ';'-separated (default {SkillScopeWeb.DefaultUrls}: this machine only; port 0 picks a free port)",
            DefaultValueFactory = _ => SkillScopeWeb.DefaultUrls,
        };
        var hosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host header names to answer to, ';'-separated (default: the names of the --urls addresses; a loopback address also answers to localhost)",
        };
        var command = new Command("serve", "Serve the web dashboard and JSON API (reports, postings search) over the database");
        command.Options.Add(db);
        command.Options.Add(urls);
        command.Options.Add(hosts);
        command.SetAction(async (result, cancellation) =>
        {
            var addresses = result.GetValue(urls)!;
            var list = addresses.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length == 0 || list.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new CliError($"--urls '{addresses}' is not a list of http:// addresses, e.g. http://127.0.0.1:5080");
            }

            var app = SkillScopeWeb.Create([], new WebOptions(SkillStore.ResolvePath(result.GetValue(db)), addresses, AllowedHosts: result.GetValue(hosts)));
            await using (app.ConfigureAwait(false))
            {
                await context.Output.WriteLineAsync(await SkillScopeWeb.StartAsync(app, cancellation).ConfigureAwait(false)).ConfigureAwait(false);
                await context.Output.FlushAsync(cancellation).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
