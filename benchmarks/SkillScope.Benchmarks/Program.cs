using BenchmarkDotNet.Running;
using SkillScope.Benchmarks;

// `generate-postings` writes the scale benchmark's input (scripts/bench.sh --scale); anything else is BenchmarkDotNet's.
if (args is ["generate-postings", .. var rest])
{
    return ScalePostings.Run(rest);
}

if (args is ["ingest-stages", .. var stageArgs])
{
    return IngestStages.Run(stageArgs);
}

if (args is ["duplicate-memory", .. var memoryArgs])
{
    return DuplicateMemory.Run(memoryArgs);
}

if (args is ["extraction-stages", .. var extractionArgs])
{
    return ExtractionStages.Run(extractionArgs);
}

if (args is ["match-stages", .. var matchArgs])
{
    return MatchStages.Run(matchArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
