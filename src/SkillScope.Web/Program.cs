using SkillScope.Web;

// The composition root when the dashboard runs on its own (`dotnet run --project src/SkillScope.Web -- --db FILE`);
// `skillscope serve` builds the same application through SkillScopeWeb.Create.
var app = SkillScopeWeb.Create(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public so that tests can host the application with WebApplicationFactory.</summary>
public partial class Program;
