using System.Text.Json;
using System.Text.Json.Serialization;
using SkillScope.Analytics;
using SkillScope.Store;
using SkillScope.Web.Apis;

namespace SkillScope.Web;

/// <summary>
/// Source-generated serialization for every response: camelCase, nothing omitted, the same shapes and property
/// names as the CLI's JSON (a test compares them).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MarketReport))]
[JsonSerializable(typeof(SkillDemandReport))]
[JsonSerializable(typeof(SkillSeriesReport))]
[JsonSerializable(typeof(StackReport))]
[JsonSerializable(typeof(PostingPage))]
[JsonSerializable(typeof(PostingDetail))]
[JsonSerializable(typeof(IReadOnlyList<QuarantinedRow>))]
[JsonSerializable(typeof(SalaryReport))]
[JsonSerializable(typeof(PremiumReport))]
[JsonSerializable(typeof(SalaryEstimate))]
[JsonSerializable(typeof(SkillScope.Career.ResumeScore))]
[JsonSerializable(typeof(SkillScope.Career.SkillGapReport))]
[JsonSerializable(typeof(SkillScope.Career.MatchReport))]
[JsonSerializable(typeof(ResumeScoreForm))]
[JsonSerializable(typeof(ResumeGapForm))]
[JsonSerializable(typeof(ResumeMatchForm))]
[JsonSerializable(typeof(MetaResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class WebJson : JsonSerializerContext;
