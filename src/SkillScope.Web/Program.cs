using Microsoft.Extensions.Hosting;
using SkillScope.Web;

// The composition root when the dashboard runs on its own (`dotnet run --project src/SkillScope.Web -- --db FILE`);
// `skillscope serve` builds the same application through SkillScopeWeb.Create.
await using var app = SkillScopeWeb.Create(args);
Console.WriteLine(await SkillScopeWeb.StartAsync(app).ConfigureAwait(false));
await app.WaitForShutdownAsync().ConfigureAwait(false);
