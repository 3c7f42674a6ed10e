using SkillScope.Model;
using SkillScope.Store;

namespace SkillScope.Tests.Store;

/// <summary>
/// The records' columns are written two ways: PostgreSQL's COPY takes <see cref="RecordColumns.Values"/>, SQLite's insert
/// binds the same values by type (<see cref="RecordColumns.Bind"/>) to skip an array of boxed values per row. The two
/// lists are kept in step by hand; a record whose every column holds a different value must store the same row both ways.
/// </summary>
public class RecordColumnsTests
{
    [Fact]
    [Trait("Engine", "sqlite")]
    public void Binding_by_type_stores_the_same_row_as_the_list_of_values()
    {
        var record = new JobRecord
        {
            Kind = "posting", Title = "ML Engineer", Company = "Acme Labs", LocationText = "Berlin, Germany",
            Description = "Build models. Ünïcode – and \"quotes\".", PeriodStart = new DateOnly(2026, 3, 1), PeriodEnd = new DateOnly(2026, 3, 31),
            Role = "ml-engineer", Seniority = "senior", YearsRequiredMin = 5, EmploymentType = "full-time", WorkArrangement = "hybrid",
            Country = "DE", State = "BE", Metro = "Berlin", City = "Berlin-Mitte", CompanySize = "51-200",
            Salary = new Salary(70_000.5m, 90_000m, "EUR", "year", 75_600.25, 97_200.75, 86_400.5, IsEstimate: true, Flag: "outlier"),
            StatedSkills = ["Python", "PyTorch"],
        };

        using var temp = new Support.TempFolder();
        using var store = SkillStore.Open(temp.File("columns.db"));
        var columns = RecordColumns.List.Split(',', StringSplitOptions.TrimEntries);
        var insert = $"INSERT INTO records ({RecordColumns.List}) VALUES ({RecordColumns.Parameters})";

        using (var statement = new SqliteStatement(store, insert))
        {
            RecordColumns.Bind(statement, record, "key-bound", "board", "full");
            statement.Run();
        }

        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = insert;
            var values = RecordColumns.Values(record, "key-listed", "board", "full");
            Assert.Equal(columns.Length, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = RecordColumns.ParameterNames[i];
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            command.ExecuteNonQuery();
        }

        var bound = Row(store, columns, "key-bound");
        var listed = Row(store, columns, "key-listed");
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] != "dedupe_key")
            {
                Assert.True(Equals(bound[i], listed[i]), $"{columns[i]}: bound {bound[i]}, listed {listed[i]}");
            }
        }

        // Every column was given a value, so a column the two lists skip or swap cannot hide as NULL on both sides.
        Assert.DoesNotContain(bound, value => ((string)value).StartsWith("null:", StringComparison.Ordinal));
    }

    /// <summary>Each column's value with its SQLite storage class, so text "1" and the number 1 differ.</summary>
    private static object[] Row(SkillStore store, string[] columns, string key)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof({c}) || ':' || quote({c})"))} FROM records WHERE dedupe_key = '{key}'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var row = new object[columns.Length];
        reader.GetValues(row);
        return row;
    }
}
