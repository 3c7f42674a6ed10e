using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// Every query parameter is checked before a handler runs: a name the endpoint does not take (a typo such as
/// "rol") is a 400 naming the known ones, not a silently ignored filter; repeated or long values are capped.
/// </summary>
internal static class QueryGuard
{
    public const int MaxValuesPerParameter = 50;
    public const int MaxValueLength = 200;

    /// <summary>Accept exactly the query names declared with [FromQuery(Name = ...)] on <typeparamref name="TParameters"/>.</summary>
    public static RouteHandlerBuilder AcceptsQuery<TParameters>(this RouteHandlerBuilder builder) =>
        builder.AcceptsQuery(typeof(TParameters).GetProperties()
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name)
            .OfType<string>()
            .ToArray());

    /// <summary>Accept exactly these query names (none: the endpoint takes no query).</summary>
    public static RouteHandlerBuilder AcceptsQuery(this RouteHandlerBuilder builder, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var known = names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var list = names.Length == 0 ? "none" : string.Join(", ", names);
        return builder.AddEndpointFilter((context, next) =>
            Check(context.HttpContext.Request.Query, known, list) is { } bad
                ? ValueTask.FromResult<object?>(bad.ToProblem())
                : next(context));
    }

    private static BadParameter? Check(IQueryCollection query, FrozenSet<string> known, string list)
    {
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name))
            {
                return new BadParameter(name, $"unknown parameter '{Shorten(name)}'; this endpoint takes: {list}");
            }

            if (values.Count > MaxValuesPerParameter)
            {
                return new BadParameter(name, $"{name} is given {values.Count} times; at most {MaxValuesPerParameter}");
            }

            foreach (var value in values)
            {
                if (value is { Length: > MaxValueLength })
                {
                    return new BadParameter(name, $"{name} is {value.Length} characters long; at most {MaxValueLength}");
                }
            }
        }

        return null;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
