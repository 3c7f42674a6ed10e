using System.Globalization;
using Npgsql;

namespace SkillScope.Store;

/// <summary>Turns a <c>postgresql://user:password@host:port/database?option=value</c> URL into an Npgsql connection string.</summary>
internal static class PostgresConnection
{
    public static (string ConnectionString, string Location) FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreError($"{Redact(url)}: not a PostgreSQL URL; expected postgresql://user@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
            // Bulk reports read a whole table; ingest batches hold a transaction for seconds.
            CommandTimeout = 0,
            ApplicationName = "skillscope",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            try
            {
                builder[key switch { "sslmode" => "SSL Mode", "application_name" => "Application Name", _ => key }] = value;
            }
            catch (ArgumentException)
            {
                throw new StoreError($"{Redact(url)}: unknown connection option '{key}'");
            }
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"postgresql://{(userInfo[0].Length > 0 ? userInfo[0] + "@" : "")}{uri.Host}:{builder.Port}/{builder.Database}");
        return (builder.ConnectionString, location);
    }

    public static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").TrimEnd('.');

    private static string Redact(string url) =>
        url.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0
        && url.IndexOf(':', scheme + 3) is var colon and > 0 && colon < at
            ? url[..colon] + ":***" + url[at..]
            : url;
}
