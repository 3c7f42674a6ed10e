using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillScope.Store;

namespace SkillScope.Career;

/// <summary>What is kept of a saved resume besides its text.</summary>
public sealed record SavedProfile(
    IReadOnlyList<string> Skills, IReadOnlyList<string> Titles, double? YearsOfExperience, string? EducationLevel,
    IReadOnlyList<string> Certifications, int Bullets);

/// <summary>
/// Keeps resumes in the store, only when the user asks (<c>--save</c>): the text and what was read from it. Saving the
/// same text again keeps one copy.
/// </summary>
public static class ResumeArchive
{
    /// <summary>Saves the resume; returns its id and whether it was already saved.</summary>
    public static (long Id, bool AlreadySaved) Save(SkillStore store, Resume resume, string fileName, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resume);
        ArgumentNullException.ThrowIfNull(fileName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resume.Text)));
        var profile = new SavedProfile(
            [.. resume.Skills.Select(s => s.Id)], [.. resume.Positions.Select(p => p.Title)], resume.YearsOfExperience, resume.EducationLevel,
            resume.Certifications, resume.Bullets.Count);
        using var transaction = store.Connection.BeginTransaction();
        using var insert = store.Connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO saved_resumes(sha256, file_name, format, saved_at, text, profile_json)
            VALUES ($sha, $file, $format, $at, $text, $profile)
            ON CONFLICT(sha256) DO NOTHING RETURNING id
            """;
        insert.Parameters.AddWithValue("$sha", sha);
        insert.Parameters.AddWithValue("$file", fileName);
        insert.Parameters.AddWithValue("$format", resume.Format);
        insert.Parameters.AddWithValue("$at", savedAt.ToString("O", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$text", resume.Text);
        insert.Parameters.AddWithValue("$profile", JsonSerializer.Serialize(profile, ArchiveJson.Default.SavedProfile));
        if (insert.ExecuteScalar() is long id)
        {
            transaction.Commit();
            return (id, false);
        }

        using var find = store.Connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT id FROM saved_resumes WHERE sha256 = $sha";
        find.Parameters.AddWithValue("$sha", sha);
        var existing = (long)find.ExecuteScalar()!;
        transaction.Commit();
        return (existing, true);
    }

    /// <summary>How many resumes the store holds.</summary>
    public static long Count(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM saved_resumes";
        return (long)command.ExecuteScalar()!;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SavedProfile))]
internal sealed partial class ArchiveJson : JsonSerializerContext;
