using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

public class SkillEvaluationTests
{
    // Two sentences in SkillSpan's CoNLL layout (token, skill BIO, knowledge BIO); the first is from the SkillSpan
    // tech dev set (MIT licence), the second is made up to have a skill span and a false positive.
    private const string Conll = """
        DevOps	O	O
        Engineer	O	O
        (	O	O
        CI	O	B-Knowledge
        CD	O	I-Knowledge
        Cloud	O	B-Knowledge
        Docker	O	B-Knowledge
        Jenkins	O	O
        )	O	O

        Strong	B-Skill	O
        communication	I-Skill	O
        skills	I-Skill	O
        and	O	O
        SAS	O	O
        and	O	O
        banking	O	B-Knowledge

        """;

    [Fact]
    public void Scores_CoNLL_precision_on_any_gold_span_and_recall_on_knowledge_spans()
    {
        var result = SkillEvaluation.ScoreConll(SkillExtractor.Default, new StringReader(Conll), "inline");

        // Mentions: CI CD, Cloud, Docker, Jenkins (not tagged), communication skills (a skill span), SAS (not tagged).
        Assert.Equal(2, result.Sentences);
        Assert.Equal(6, result.Extracted);
        Assert.Equal(4, result.ExtractedCorrect);
        Assert.Equal(4, result.Gold);
        Assert.Equal(3, result.GoldFound);
        Assert.Equal(4.0 / 6, result.Precision, 6);
        Assert.Equal(3.0 / 4, result.Recall, 6);
        Assert.Equal(2 * (4.0 / 6) * 0.75 / (4.0 / 6 + 0.75), result.F1, 6);
        Assert.Equal(6, result.ExtractedInAnnotated);
        Assert.Equal([new SkillEvaluationCount("jenkins", 1), new SkillEvaluationCount("sas", 1)], result.FalsePositives);
        Assert.Equal([new SkillEvaluationCount("banking", 1)], result.Misses);
    }

    [Fact]
    public void Scores_Decorte_spans_located_in_their_sentence()
    {
        const string csv = """
            sentence,span,sub_span,label
            javascript reactjs java,javascript,,JavaScript
            javascript reactjs java,reactjs,,LABEL NOT PRESENT
            javascript reactjs java,java,,Java (computer programming)
            "* • Working proficiency in developmental toolsets",developmental toolsets,,LABEL NOT PRESENT
            """;
        var result = SkillEvaluation.ScoreDecorte(SkillExtractor.Default, new StringReader(csv), "inline");

        Assert.Equal(2, result.Sentences);
        Assert.Equal(3, result.Extracted);
        Assert.Equal(3, result.ExtractedCorrect);
        Assert.Equal(4, result.Gold);
        Assert.Equal(3, result.GoldFound);
        Assert.Equal([new SkillEvaluationCount("developmental toolsets", 1)], result.Misses);
    }

    [SharedDataFact(SharedData.SkillSpanTechDev)]
    public void SkillSpan_tech_dev_scores_do_not_fall_below_the_recorded_figures()
    {
        // docs/accuracy.md records the figures; this guards them against regressions.
        using var reader = new StreamReader(SharedData.PathOf(SharedData.SkillSpanTechDev)!);
        var result = SkillEvaluation.ScoreConll(SkillExtractor.Default, reader, SharedData.SkillSpanTechDev);

        Assert.True(result.Precision >= 0.74, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.55, $"recall {result.Recall:0.000}");
    }

    [SharedDataFact(SharedData.DecorteTech)]
    public void Decorte_tech_validation_precision_stays_above_090()
    {
        using var reader = new StreamReader(SharedData.PathOf(SharedData.DecorteTech)!);
        var result = SkillEvaluation.ScoreDecorte(SkillExtractor.Default, reader, SharedData.DecorteTech);

        Assert.True(result.Precision >= 0.90, $"precision {result.Precision:0.000}");
    }
}
