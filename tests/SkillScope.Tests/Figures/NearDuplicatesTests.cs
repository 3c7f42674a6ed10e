using SkillScope.Normalize;

namespace SkillScope.Tests.Figures;

public class NearDuplicatesTests
{
    private const string Text = "We are looking for a machine learning engineer to build ranking models for our grocery marketplace. "
        + "You will train and ship models in Python and PyTorch, design experiments, and work with product and data teams. "
        + "Requirements: a PhD in computer science or a related field, experience with deep learning, strong coding skills. "
        + "Benefits include health insurance, a learning budget and flexible hours. We value diverse teams and candidates.";

    [Fact]
    public void An_exact_copy_in_another_town_is_the_same_posting()
    {
        var a = NearDuplicates.Fingerprint("Instacart", "Machine Learning Engineer (PhD Intern)", Text)!;
        var b = NearDuplicates.Fingerprint("Instacart, Inc.", "Machine Learning Engineer, PhD Intern", Text)!;

        var evidence = NearDuplicates.Compare(a, b);

        Assert.Equal(a.Block, b.Block);
        Assert.Equal(1.0, evidence.Jaccard);
        Assert.True(evidence.IsDuplicate);
    }

    [Fact]
    public void A_small_edit_is_the_same_posting_and_a_different_job_is_not()
    {
        var a = NearDuplicates.Fingerprint("Acme", "Data Scientist", Text)!;
        var edited = NearDuplicates.Fingerprint("Acme", "Data Scientist", Text.Replace("flexible hours", "remote work", StringComparison.Ordinal))!;
        var other = NearDuplicates.Fingerprint("Acme", "Data Scientist",
            "Join our finance analytics team to forecast revenue with SQL and Excel, build Tableau dashboards for executives, "
            + "and partner with accounting on monthly close. Three years of analytics experience required; CPA a plus.")!;

        Assert.True(NearDuplicates.Compare(a, edited).IsDuplicate);
        Assert.False(NearDuplicates.Compare(a, other).IsDuplicate);
    }

    [Fact]
    public void The_same_text_under_another_company_or_title_is_not_merged()
    {
        var a = NearDuplicates.Fingerprint("Acme", "Data Scientist", Text)!;
        var b = NearDuplicates.Fingerprint("Globex", "Data Scientist", Text)!;
        var c = NearDuplicates.Fingerprint("Acme", "Data Engineer", Text)!;

        Assert.False(NearDuplicates.Compare(a, b).IsDuplicate);
        Assert.False(NearDuplicates.Compare(a, c).IsDuplicate);
    }

    [Fact]
    public void A_snippet_cut_by_its_source_joins_the_full_text()
    {
        var full = Text + " " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var snippet = NearDuplicates.Fingerprint("Acme", "ML Engineer", full[..300] + "…")!;
        var whole = NearDuplicates.Fingerprint("Acme", "ML Engineer", full)!;

        var evidence = NearDuplicates.Compare(snippet, whole);

        Assert.True(evidence.SamePrefix);
        Assert.True(evidence.Jaccard < NearDuplicates.JaccardThreshold);
        Assert.True(evidence.IsDuplicate, NearDuplicates.Describe(evidence));
    }

    [Fact]
    public void A_copy_advertised_again_in_a_later_month_is_a_new_posting()
    {
        var first = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text, new DateOnly(2026, 1, 2))!;
        var soon = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text, new DateOnly(2026, 1, 20))!;
        var later = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text, new DateOnly(2026, 2, 3))!;
        var undated = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text)!;

        Assert.True(NearDuplicates.Compare(first, soon).IsDuplicate);
        Assert.False(NearDuplicates.Compare(first, later).IsDuplicate);
        Assert.True(NearDuplicates.Compare(later, undated).IsDuplicate);
    }

    [Fact]
    public void Fingerprints_are_the_same_on_every_run_and_round_trip_through_bytes()
    {
        var a = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text)!;
        var b = NearDuplicates.Fingerprint("Acme", "ML Engineer", Text)!;

        Assert.Equal(a.MinHash, b.MinHash);
        Assert.Equal(a.MinHash, PostingFingerprint.SignatureFrom(a.SignatureBytes()));
        Assert.Null(NearDuplicates.Fingerprint("Acme", "ML Engineer", "   "));
    }

    // Signatures are stored (posting_signatures) and compared with those of later ingests: any change to how they are
    // computed would split copies across releases. These are the values the first release stored.
    [Fact]
    public void Signatures_are_the_values_stored_by_earlier_releases()
    {
        var signature = NearDuplicates.Fingerprint("Acme", "Data Scientist", Text)!.MinHash;

        Assert.Equal(StoredSignature, string.Join(",", signature.Take(8)));
        Assert.Equal(StoredChecksum, Checksum([signature]));
    }

    [SharedDataFact("linkedin_indeed_ca_2018/DataScientist.csv")]
    public void Signatures_of_real_postings_are_the_values_stored_by_earlier_releases()
    {
        var signatures = SharedData.ReadCsv("linkedin_indeed_ca_2018/DataScientist.csv")
            .Select(row => NearDuplicates.Fingerprint(row["company"], row["title"], row["description"])?.MinHash ?? [])
            .ToList();

        Assert.Equal(StoredRealChecksum, Checksum(signatures));
    }

    private const string StoredSignature = "28824197,57777956,16752802,28789001,14980586,189271469,110668837,136401100";
    private const ulong StoredChecksum = 4884049798206402803;
    private const ulong StoredRealChecksum = 5109718703414931912;

    private static ulong Checksum(IEnumerable<uint[]> signatures)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var value in signatures.SelectMany(s => s.Append(0xFFFF_FFFFu)))
        {
            h = (h ^ value) * 0x100000001B3UL;
        }

        return h;
    }

    [Fact]
    public void The_index_finds_the_earliest_match_even_in_a_block_past_the_scan_limit()
    {
        var index = new NearDuplicateIndex();
        for (var i = 0; i < NearDuplicateIndex.ScanLimit + 50; i++)
        {
            index.Add($"k{i}", NearDuplicates.Fingerprint("Acme", "Engineer", $"Posting number {i} " + string.Join(' ', Enumerable.Range(i * 40, 40).Select(w => $"w{w}")))!);
        }

        index.Add("first", NearDuplicates.Fingerprint("Acme", "Engineer", Text)!);
        index.Add("second", NearDuplicates.Fingerprint("Acme", "Engineer", Text)!);

        var match = index.Find(NearDuplicates.Fingerprint("Acme", "Engineer", Text.Replace("PhD", "doctorate", StringComparison.Ordinal))!);

        Assert.Equal("first", match?.Key);
        Assert.Null(index.Find(NearDuplicates.Fingerprint("Other", "Engineer", Text)!));
    }
}
