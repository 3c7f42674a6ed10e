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
        return SavedResumes.Save(store, sha, fileName, resume.Format, savedAt, resume.Text, JsonSerializer.Serialize(profile, ArchiveJson.Default.SavedProfile));
    }

    /// <summary>How many resumes the store holds.</summary>
    public static long Count(SkillStore store) => SavedResumes.Count(store);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SavedProfile))]
internal sealed partial class ArchiveJson : JsonSerializerContext;
