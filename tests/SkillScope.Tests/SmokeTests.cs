namespace SkillScope.Tests;

public class VocabularyTests
{
    [Fact]
    public void Seniority_ids_match_the_domain_contract() =>
        Assert.Equal(["intern", "junior", "mid", "senior", "lead", "executive", "unknown"], SkillScope.Model.Seniorities.All);
}
