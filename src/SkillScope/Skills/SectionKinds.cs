namespace SkillScope.Skills;

/// <summary>Section kinds as small integers (indexes of <see cref="SkillSections.All"/>, plus the bare "About" heading).</summary>
internal static class SectionKinds
{
    public const int Job = 0;
    public const int Requirement = 1;
    public const int Responsibility = 2;
    public const int Preferred = 3;
    public const int Company = 4;
    public const int Benefits = 5;
    public const int Legal = 6;
    public const int Application = 7;

    /// <summary>"About" followed by a name ("About Acme"): the company, unless it is "About the role" / "About you".</summary>
    public const int About = 8;

    public static string Name(int kind) => SkillSections.All[kind];

    /// <summary>Parts that are not the job's own: a false heading of these kinds would drop real skills, so they need a clear layout.</summary>
    public static bool IsContext(int kind) => kind is Company or Benefits or Legal or Application or About;
}
