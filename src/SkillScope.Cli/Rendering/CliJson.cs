using System.Text.Json;
using System.Text.Json.Serialization;
using SkillScope.Analytics;
using SkillScope.Store;

namespace SkillScope.Cli.Rendering;

/// <summary>Source-generated serialization for every JSON shape the CLI prints (camelCase, stable).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MarketReport))]
[JsonSerializable(typeof(SkillDemandReport))]
[JsonSerializable(typeof(SkillSeriesReport))]
[JsonSerializable(typeof(StackReport))]
[JsonSerializable(typeof(SkillScope.Career.ResumeScore))]
[JsonSerializable(typeof(SkillScope.Career.SkillGapReport))]
[JsonSerializable(typeof(SkillScope.Career.MatchReport))]
[JsonSerializable(typeof(ResumeView))]
[JsonSerializable(typeof(SalaryReport))]
[JsonSerializable(typeof(PremiumReport))]
[JsonSerializable(typeof(SalaryEstimate))]

[JsonSerializable(typeof(IReadOnlyList<QuarantinedRow>))]
[JsonSerializable(typeof(IReadOnlyList<IngestRun>))]
internal sealed partial class CliJson : JsonSerializerContext
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, typeof(T), Default);
}
