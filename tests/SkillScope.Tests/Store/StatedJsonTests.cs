using System.Text.Encodings.Web;
using System.Text.Json;
using SkillScope.Store;

namespace SkillScope.Tests.Store;

/// <summary>
/// A row's unread columns are stored as a JSON object (<c>record_sources.extra</c>). Written straight when no name
/// repeats, through a dictionary when one does: both must store the text the serializer writes.
/// </summary>
public class StatedJsonTests
{
    [Fact]
    public void Extra_columns_are_stored_as_the_serializer_writes_them()
    {
        KeyValuePair<string, string>[] extra =
        [
            new("employee_residence", "PL"), new("Gehalt (€)", "Köln <Innenstadt> & \"Umland\""), new("tab\tcolumn", "line\nbreak \\ \u0001"),
            new("Зарплата", "Київ"), new("emoji", "🚀"),
        ];

        var expected = JsonSerializer.Serialize(
            extra.ToDictionary(p => p.Key, p => p.Value), new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(expected, StatedJson.Extra(extra));
        Assert.Equal(extra, StatedJson.ParseExtra(StatedJson.Extra(extra)));
    }

    [Fact]
    public void A_repeated_column_name_is_numbered()
    {
        KeyValuePair<string, string>[] extra = [new("note", "a"), new("note", "b"), new("other", "c"), new("note", "d")];

        Assert.Equal("""{"note":"a","note (2)":"b","other":"c","note (3)":"d"}""", StatedJson.Extra(extra));
    }

    [Fact]
    public void No_extra_columns_store_null()
    {
        Assert.Null(StatedJson.Extra([]));
        Assert.Null(StatedJson.Extra(null));
    }
}
