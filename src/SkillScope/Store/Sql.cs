using System.Data.Common;
using System.Globalization;

namespace SkillScope.Store;

/// <summary>Small helpers over ADO.NET that both engines share: parameters and typed reads.</summary>
internal static class Sql
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static double? Double(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    public static long Long(DbDataReader reader, int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    public static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static int? Int(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);

    public static DateOnly? Date(DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A parameter list for an IN (...) condition: <c>@p0, @p1, ...</c> with the values added to the command.</summary>
    public static string InList(DbCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = "@" + prefix + names.Count.ToString(CultureInfo.InvariantCulture);
            Add(command, name, value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    public static List<string> Strings(SkillStore store, string sql)
    {
        using var command = store.Command(sql);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
