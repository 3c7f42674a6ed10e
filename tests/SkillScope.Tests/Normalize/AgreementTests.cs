using System.Globalization;
using SkillScope.Model;
using SkillScope.Normalize;
using Xunit.Abstractions;

namespace SkillScope.Tests.Normalize;

/// <summary>
/// Bulk agreement with labels other people attached to real postings (silver labels). The figures are written to the
/// test output and recorded in docs/normalization.md; the thresholds sit just under them so a regression fails.
/// </summary>
public class AgreementTests(ITestOutputHelper output)
{
    private const string GlassdoorEda = "glassdoor_ds_2020_kenjee/eda_data.csv";
    private const string GlassdoorRaw = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    private const string LinkedIn2018 = "linkedin_indeed_ca_2018/DataScientist.csv";
    private const string LinkedIn2023 = "linkedin_2023_structured/job_postings.csv";
    private const string LinkedIn2023Salaries = "linkedin_2023_structured/salaries.csv";
    private const string IndeedRaw = "indeed_ds_2024_salary_strings/job_postings_raw.csv";
    private const string UsaJobs = "usajobs_data_roles_2026/usajobs_postings.csv";
    private const string Brazil = "linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv";

    private void Report(string what, int agree, int total) =>
        output.WriteLine($"{what}: {agree}/{total} = {(100.0 * agree / total).ToString("0.0", CultureInfo.InvariantCulture)} %");

    private void Confusion(string what, IEnumerable<(string Label, string Ours)> pairs)
    {
        output.WriteLine(what + " (label -> ours: count)");
        foreach (var g in pairs.GroupBy(p => p).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
        {
            output.WriteLine($"  {g.Key.Label} -> {g.Key.Ours}: {g.Count()}");
        }
    }

    [SharedDataFact(GlassdoorEda)]
    public void Glassdoor_salary_matches_the_authors_parse()
    {
        // eda_data.csv: min_salary/max_salary in $K a year; hourly rows converted by the author as $/hour x 2.
        int agree = 0, hourlyAgree = 0, total = 0;
        foreach (Dictionary<string, string> row in SharedData.ReadCsv(GlassdoorEda))
        {
            total++;
            StatedSalary? s = SalaryParser.Parse(row["Salary Estimate"]).Salary;
            if (s is null)
            {
                continue;
            }

            bool hourly = s.Period == SalaryPeriods.Hour;
            decimal k = hourly ? 2m : 0.001m;
            if (s.Min * k == decimal.Parse(row["min_salary"], CultureInfo.InvariantCulture) && s.Max * k == decimal.Parse(row["max_salary"], CultureInfo.InvariantCulture))
            {
                agree++;
            }

            if (hourly == (row["hourly"] == "1"))
            {
                hourlyAgree++;
            }
        }

        Report("Glassdoor salary min and max equal to eda_data.csv", agree, total);
        Report("Glassdoor hourly flag equal", hourlyAgree, total);
        Assert.Equal(total, agree);
        Assert.Equal(total, hourlyAgree);
    }

    [SharedDataFact(GlassdoorRaw)]
    public void Glassdoor_raw_salary_strings_all_parse_or_are_missing()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(GlassdoorRaw);
        int parsed = rows.Count(r => SalaryParser.Parse(r["Salary Estimate"]).Salary is not null);
        int missing = rows.Count(r => SalaryParser.Parse(r["Salary Estimate"]).IsMissing);
        int estimates = rows.Count(r => SalaryParser.Parse(r["Salary Estimate"]).Salary?.IsEstimate == true);
        output.WriteLine($"Glassdoor raw: {rows.Count} rows, {parsed} parsed ({estimates} estimates), {missing} missing, {rows.Count - parsed - missing} errors");
        Assert.Equal(rows.Count, parsed + missing);
        Assert.Equal(rows.Count(r => r["Salary Estimate"] == "-1"), missing);
    }

    private static string KenjeeSeniority(string ours) => ours switch
    {
        Seniorities.Senior or Seniorities.Lead => "senior",
        Seniorities.Junior or Seniorities.Intern => "jr",
        _ => "na",
    };

    [SharedDataFact(GlassdoorEda)]
    public void Glassdoor_seniority_agrees_with_the_authors_labels()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(GlassdoorEda);
        List<(string Label, string Ours)> titleOnly = [.. rows.Select(r => (r["seniority"], KenjeeSeniority(SeniorityClassifier.Classify(r["Job Title"], null))))];
        List<(string Label, string Ours)> withYears = [.. rows.Select(r => (r["seniority"],
            KenjeeSeniority(SeniorityClassifier.Classify(r["Job Title"], ExperienceParser.YearsRequiredMin(r["Job Description"])))))];
        int agreeTitle = titleOnly.Count(p => p.Label == p.Ours);
        Report("Glassdoor seniority (title words only) vs author's senior/jr/na", agreeTitle, rows.Count);
        Confusion("Glassdoor seniority, title only", titleOnly.Where(p => p.Label != p.Ours));
        Report("Glassdoor seniority (title, then years) vs author's senior/jr/na", withYears.Count(p => p.Label == p.Ours), rows.Count);
        Assert.True(agreeTitle >= 0.90 * rows.Count); // every disagreement is a level word the author's substring rule skips (Staff, Manager, Associate, I, Junior)
    }

    [SharedDataFact(GlassdoorEda)]
    public void Glassdoor_roles_agree_with_the_authors_job_simp()
    {
        Dictionary<string, string> simp = new(StringComparer.Ordinal)
        {
            ["data scientist"] = Roles.DataScientist, ["data engineer"] = Roles.DataEngineer, ["analyst"] = Roles.DataAnalyst, ["mle"] = Roles.MlEngineer,
        };
        List<(string Label, string Ours)> pairs = [.. SharedData.ReadCsv(GlassdoorEda)
            .Where(r => simp.ContainsKey(r["job_simp"]))
            .Select(r => (simp[r["job_simp"]], RoleClassifier.Classify(r["Job Title"], r["Job Description"])))];
        int agree = pairs.Count(p => p.Label == p.Ours);
        Report("Glassdoor role vs author's job_simp (data scientist / data engineer / analyst / mle)", agree, pairs.Count);
        Confusion("Glassdoor role disagreements", pairs.Where(p => p.Label != p.Ours));
        Assert.True(agree >= 0.95 * pairs.Count);
    }

    [SharedDataFact(LinkedIn2018)]
    public void LinkedIn_2018_seniority_and_employment_type_against_linkedin_labels()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(LinkedIn2018);
        List<(string Label, string Ours)> seniority = [];
        List<(string Label, string Ours)> fromTitle = [];
        foreach (Dictionary<string, string> r in rows)
        {
            if (SeniorityClassifier.FromLabel(r["seniority"]) is not { } label)
            {
                continue;
            }

            string ours = SeniorityClassifier.Classify(r["title"], ExperienceParser.YearsRequiredMin(r["description"]));
            seniority.Add((label, ours));
            if (SeniorityClassifier.FromTitle(r["title"]) is { } t)
            {
                fromTitle.Add((label, t));
            }
        }

        int agree = seniority.Count(p => p.Label == p.Ours);
        Report("LinkedIn 2018 seniority (title, then years) vs LinkedIn label", agree, seniority.Count);
        Report("LinkedIn 2018 seniority, rows whose title names a level", fromTitle.Count(p => p.Label == p.Ours), fromTitle.Count);
        int within = seniority.Count(p => Math.Abs(Rank(p.Label) - Rank(p.Ours)) <= 1 && p.Ours != Seniorities.Unknown);
        Report("LinkedIn 2018 seniority within one level", within, seniority.Count);
        Confusion("LinkedIn 2018 seniority", seniority);

        List<(string Label, string Ours)> employment = [.. rows
            .Select(r => (EmploymentTypeNormalizer.Normalize(r["employment_type"]), EmploymentTypeNormalizer.FromText(r["title"], r["description"])))
            .Where(p => p.Item1 != EmploymentTypes.Unknown && p.Item2 != EmploymentTypes.Unknown)];
        Report("LinkedIn 2018 employment type from title/description vs label (where text has a cue)", employment.Count(p => p.Label == p.Ours), employment.Count);
        Confusion("LinkedIn 2018 employment type", employment.Where(p => p.Label != p.Ours));
        int labelled = rows.Count(r => EmploymentTypeNormalizer.Normalize(r["employment_type"]) != EmploymentTypes.Unknown);
        output.WriteLine($"LinkedIn 2018 employment labels recognized: {labelled}/{rows.Count(r => r["employment_type"].Length > 0)}");

        Assert.True(agree >= 0.23 * seniority.Count); // LinkedIn's own labels contradict the titles often (Entry level "Senior Data Scientist")
        Assert.True(employment.Count(p => p.Label == p.Ours) >= 0.70 * employment.Count); // most disagreements are "Contract to Hire" postings labelled Full-time
        Assert.Equal(rows.Count(r => r["employment_type"].Length > 0), labelled);
    }

    private static int Rank(string seniority) => Seniorities.All.ToList().IndexOf(seniority);

    [SharedDataFact(LinkedIn2023)]
    public void LinkedIn_2023_title_seniority_vs_experience_level()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(LinkedIn2023);
        List<(string Label, string Ours)> pairs = [];
        int labels = 0;
        foreach (Dictionary<string, string> r in rows)
        {
            if (SeniorityClassifier.FromLabel(r["formatted_experience_level"]) is not { } label)
            {
                continue;
            }

            labels++;
            if (SeniorityClassifier.FromTitle(r["title"]) is { } ours)
            {
                pairs.Add((label, ours));
            }
        }

        int agree = pairs.Count(p => p.Label == p.Ours);
        output.WriteLine($"LinkedIn 2023: {labels} rows with a label, {pairs.Count} whose title names a level");
        Report("LinkedIn 2023 title seniority vs formatted_experience_level", agree, pairs.Count);
        Report("LinkedIn 2023 title seniority within one level", pairs.Count(p => Math.Abs(Rank(p.Label) - Rank(p.Ours)) <= 1), pairs.Count);
        Confusion("LinkedIn 2023 seniority", pairs);

        int workTypesAgree = rows.Count(r => EmploymentTypeNormalizer.Normalize(r["formatted_work_type"]) == EmploymentTypeNormalizer.Normalize(r["work_type"])
            && EmploymentTypeNormalizer.Normalize(r["work_type"]) != EmploymentTypes.Unknown);
        Report("LinkedIn 2023 formatted_work_type and work_type normalize to the same known id", workTypesAgree, rows.Count);

        Assert.True(agree >= 0.39 * pairs.Count);
        Assert.True(pairs.Count(p => Math.Abs(Rank(p.Label) - Rank(p.Ours)) <= 1) >= 0.82 * pairs.Count);
        Assert.Equal(rows.Count, workTypesAgree);
    }

    [SharedDataFact(LinkedIn2023Salaries)]
    public void LinkedIn_2023_structured_salaries_convert()
    {
        int usable = 0, flagged = 0, errors = 0, total = 0;
        foreach (Dictionary<string, string> r in SharedData.ReadCsv(LinkedIn2023Salaries))
        {
            total++;
            decimal? Amount(string column) => r[column].Length == 0 ? null : decimal.Parse(r[column], CultureInfo.InvariantCulture);
            decimal? min = Amount("min_salary") ?? Amount("med_salary");
            decimal? max = Amount("max_salary") ?? Amount("med_salary");
            SalaryParse parse = SalaryParser.FromParts(min, max, r["currency"], r["pay_period"], false);
            if (parse.Salary is null)
            {
                errors++;
                continue;
            }

            Salary s = Money.ToSalary(parse.Salary, FxRates.Default, 2023);
            if (s.IsUsable)
            {
                usable++;
            }
            else
            {
                flagged++;
            }
        }

        output.WriteLine($"LinkedIn 2023 salaries: {total} rows, {usable} usable, {flagged} flagged implausible, {errors} unreadable (pay_period ONCE)");
        Assert.True(usable >= 0.99 * total);
    }

    [SharedDataFact(IndeedRaw)]
    public void Indeed_salary_and_location_strings()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(IndeedRaw);
        int withAmount = rows.Count(r => r["salary"].Contains('$', StringComparison.Ordinal));
        int parsed = rows.Count(r => SalaryParser.Parse(r["salary"]).Salary is not null);
        int errors = rows.Count(r => SalaryParser.Parse(r["salary"]).Error is not null);
        output.WriteLine($"Indeed salary strings: {rows.Count} rows, {withAmount} with '$', {parsed} parsed, {errors} errors");

        int remoteText = rows.Count(r => r["location"].StartsWith("Remote", StringComparison.Ordinal));
        int remote = rows.Count(r => LocationNormalizer.Parse(r["location"]).IsRemote);
        int hybridText = rows.Count(r => r["location"].StartsWith("Hybrid", StringComparison.Ordinal));
        int hybrid = rows.Count(r => WorkArrangementNormalizer.FromText(r["title"], r["location"], null) == WorkArrangements.Hybrid);
        int country = rows.Count(r => LocationNormalizer.Parse(r["location"]).Country == "US");
        int withState = rows.Count(r => LocationNormalizer.Parse(r["location"]).State is not null);
        int withMetro = rows.Count(r => LocationNormalizer.Parse(r["location"]).Metro is not null);
        output.WriteLine($"Indeed locations: remote {remote} (strings starting 'Remote': {remoteText}), hybrid {hybrid} (starting 'Hybrid': {hybridText}), country US {country}, state {withState}, metro {withMetro} of {rows.Count}");

        Assert.Equal(withAmount, parsed);
        Assert.Equal(0, errors);
        Assert.Equal(remoteText, remote);
        Assert.Equal(hybridText, hybrid);
        Assert.Equal(rows.Count(r => r["location"].Length > 0 && r["location"] != "Remote"), country);
    }

    [SharedDataFact(UsaJobs)]
    public void UsaJobs_locations_and_schedules()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(UsaJobs);
        int stateAgree = rows.Count(r => LocationNormalizer.Parse($"{r["city"]}, {r["state"]}").State == LocationNormalizer.Parse(r["state"]).State
            && LocationNormalizer.Parse(r["state"]).State is not null);
        int statesKnown = rows.Count(r => LocationNormalizer.Parse(r["state"]).State is not null);
        int dcMetro = rows.Count(r => LocationNormalizer.Parse($"{r["city"]}, {r["state"]}").Metro == "Washington DC");
        Report("USAJOBS \"city, state\" parses to the state column's state", stateAgree, statesKnown);
        output.WriteLine($"USAJOBS: state column recognized {statesKnown}/{rows.Count}; Washington DC metro {dcMetro}");
        Assert.All(rows, r => Assert.NotEqual(EmploymentTypes.Unknown, EmploymentTypeNormalizer.Normalize(r["employment_type"])));
        Assert.Equal(statesKnown, stateAgree);
    }

    [SharedDataFact(Brazil)]
    public void Brazil_labels_normalize()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv(Brazil, ";");
        Assert.All(rows.Where(r => r["type_workplace"].Length > 0), r => Assert.NotEqual(WorkArrangements.Unknown, WorkArrangementNormalizer.Normalize(r["type_workplace"])));
        int roles = rows.Count(r => RoleClassifier.Classify(r["position"]) != Roles.Other);
        int levels = rows.Count(r => SeniorityClassifier.FromLabel(r["level"]) is not null);
        output.WriteLine($"Brazil: {roles}/{rows.Count} titles map to a data/AI role; {levels} level labels recognized of {rows.Count(r => r["level"].Length > 0)}");
    }
}
