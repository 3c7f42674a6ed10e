using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// The served /openapi/v1.json. It is committed as docs/openapi/v1.json and a test fails when the two differ,
/// so it must not depend on the address it is served from.
/// </summary>
internal static class OpenApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SkillScope API",
                Version = "v1",
                Description = "Machine-learning job-market reports over the records in one SkillScope database: the same filters, " +
                    "figures and JSON as the skillscope CLI. Errors are RFC 7807 problem details. Every report figure can be " +
                    "listed with /api/postings (see docs/web.md).",
                License = new OpenApiLicense { Name = "MIT" },
            };
            document.Servers = [];
            return Task.CompletedTask;
        });
    }
}
