using SkillScope.Ingest;
using SkillScope.Model;

using SkillScope.Tests.Support;

namespace SkillScope.Tests.Ingest;

/// <summary>
/// Fixed-seed random damage (flipped characters, cuts, deletions, duplicated spans, inserted separators,
/// quotes, line breaks and control characters) to a sample of each issue-12 layout, read by its reader:
/// nothing but a one-line <see cref="ReadError"/> (a header the layout cannot use) may escape, and every
/// row is a record or a rejection with a reason, numbered in order, with lines that never go back.
/// The samples are written here in each layout (the real files may not be copied into the repository);
/// when the shared data is present, the start of each real file is damaged too.
/// </summary>
public class NewSourceFuzzTests
{
    private static readonly string[] Tokens =
    [
        "\"", ",", ";", "\t", "|", "\n", "\r\n", "\u0000", "\u0001", "\uD800", "'", "{", "}", "[", "]", "R$", "/mês", "💰", "🌎", "`", "#", "](", "é", "Зарплата",
        "1e999", "-1", "nan", "None",
    ];

    public static TheoryData<string> Formats() => ["google2018", "linkedin-br", "linkedin2024", "dou", "stateofdata", "remotewlb"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Damaged_samples_never_throw_and_never_drop_a_row_silently(string formatName)
    {
        var format = FormatRegistry.Find(formatName)!;
        var seeds = new List<string> { Sample(formatName) };
        if (RealHead(formatName) is { } real)
        {
            seeds.Add(real);
        }

        var random = new Random(formatName.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        foreach (var seed in seeds)
        {
            Assert.NotEmpty(Read(format, seed, -1));
            for (var i = 0; i < 400; i++)
            {
                Read(format, Mutate(seed, random), i);
            }
        }
    }

    private static List<SourceRow> Read(IRecordFormat format, string text, int round)
    {
        List<SourceRow> rows;
        try
        {
            using var reader = new StringReader(text);
            rows = [.. format.Read(reader, new FormatContext("sample.csv"))];
        }
        catch (ReadError e)
        {
            Assert.DoesNotContain('\n', e.Message);
            return [];
        }
        catch (Exception e)
        {
            Assert.Fail($"round {round} of {format.Name} threw {e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
            throw;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            Assert.True(row.Record is null != row.Error is null, $"round {round}: row {r} must be a record or a rejection");
            Assert.Equal(r + 1, row.Position);
            // Lines never go back; since the hardening merge a damaged line can give two rows that start on it.
            Assert.True(row.Line >= 1 && (r == 0 || row.Line >= rows[r - 1].Line), $"round {round}: row {r} line {row.Line}");
            Assert.NotNull(row.RawText);
            if (row.Error is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(row.Error));
            }
        }

        return rows;
    }

    /// <summary>A few rows in the layout, written for the test (not copied from the real files).</summary>
    internal static string Sample(string formatName) => formatName switch
    {
        "google2018" => "Company,Title,Category,Location,Responsibilities,Minimum Qualifications,Preferred Qualifications\n"
            + "Google,Data Scientist,Data,\"Zurich, Switzerland\",\"Build models.\nShip them.\",\"BS degree.\",\"Experience with Python.\"\n"
            + "YouTube,ML Engineer,Engineering,\"Mountain View, CA, United States\",Train rankers.,MS degree.,\n"
            + "Google,,Sales,Dublin,Sell.,BA.,\n",
        "linkedin-br" => "position;company;location;posted_date;no_applicants;date_collected;type_workplace;required_skills;competitive_advantages;level;worktype;description;link_application;link_linkedin;company_name;company_size;company_sector\n"
            + "Analista de Dados;{'name': 'Exemplo SA', 'size': '51-200 funcionários', 'sector': nan};São Paulo, Brasil;2023-06-20 10:00:00.1;12 candidaturas;2023-06-26 20:00:00.2;Remoto;['Python', 'SQL'];;Júnior;Tempo integral;\"Sobre a vaga\nPython; SQL\";;https://www.linkedin.com/jobs/view/123/;Exemplo SA;51-200 funcionários;\n"
            + "Cientista de Dados;;Brasil;;;2023-06-26 20:00:00.2;Híbrido;;;Pleno-sênior;Contrato;Modelos.;;;;;\n",
        "linkedin2024" => "job_id,company_name,title,description,max_salary,pay_period,location,formatted_work_type,remote_allowed,formatted_experience_level,min_salary,med_salary,listed_time,expiry,skills_desc,currency,views\n"
            + "1,Acme,Data Scientist,\"Python, SQL\",120000.0,YEARLY,\"Austin, TX\",Full-time,1.0,Entry level,90000.0,,1713397508000.0,1715989508000.0,Spark,USD,3.0\n"
            + "2,Beta,ML Engineer,Models.,,HOURLY,Remote,Contract,,,,55.0,1713397508000.0,,,USD,\n",
        "dou" => "Submitted at,Ваша основна зайнятість в ІТ зараз...,\"Зарплата / дохід в IT у $$$ за місяць, лише ставка \nЧИСТИМИ - після сплати податків\",Оберіть ваш тайтл або роль у компанії,Position,Основна мова програмування,Загальний стаж роботи за нинішньою ІТ-спеціальністю,Де ви зараз живете?\n"
            + "2024-12-01 10:00:00,Працюю full-time,3500,Middle,Data Scientist,Python,3,В Україні\n"
            + "2024-12-02 11:00:00,Втратив(-ла) роботу і шукаю нову,0,Junior,QA Engineer,,1,За кордоном\n"
            + "2024-12-03 12:00:00,Я фрилансер(-ка),2000.5,Senior,Data Engineer,SQL,1.5,В Україні\n",
        "stateofdata" => "id,vive_no_brasil,estado_onde_mora,situacao_atual_de_trabalho,gestor,cargo_como_gestor,cargo_atual,nivel_senioridade,faixa_salarial,linguagens_no_trabalho,bancos_de_dados_no_trabalho,cloud_no_trabalho\n"
            + "a1,TRUE,São Paulo (SP),Empregado (CLT),FALSE,,Cientista de Dados/Data Scientist,Pleno,de R$ 8.001/mês a R$ 12.000/mês,\"SQL, Python\",\"PostgreSQL, S3\",Amazon Web Services (AWS)\n"
            + "a2,TRUE,Bahia (BA),\"Desempregado, buscando recolocação\",,,,,,,,\n"
            + "a3,FALSE,,Empreendedor ou Empregado (CNPJ),TRUE,Gerente/Head,,,Acima de R$ 40.001/mês,,,\n",
        "remotewlb" => "# [Senior Data Engineer](https://www.remotewlb.com/apply/senior-data-engineer)  \n### Example Co  \n#### `💰 $150,000 - $190,000` `🌎 Remote, US`  \n\n## About\nWe use Python, dbt and Snowflake.\n",
        _ => throw new ArgumentOutOfRangeException(nameof(formatName)),
    };

    /// <summary>The first 12 KB of the real file, when the shared data is present (read at run time, never stored).</summary>
    private static string? RealHead(string formatName)
    {
        var relative = formatName switch
        {
            "google2018" => "google_job_skills_2018/job_skills.csv",
            "linkedin-br" => "linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv",
            "dou" => "dou_ua_salary_survey_2024_2025/2025_june_raw.csv",
            "stateofdata" => "state_of_data_brazil_2022/State_of_data_2022.csv",
            "remotewlb" => "remotewlb_remote_jobs_2024_2025/jobs/Java/2024-10/staff-software-engineer-ai-incubation/README.md",
            _ => null,
        };
        if (relative is null || !SharedData.Exists(relative))
        {
            return null;
        }

        using var text = TextDecoding.Open(TextDecoding.Inspect(SharedData.Path(relative)));
        var buffer = new char[12 * 1024];
        return new string(buffer, 0, text.ReadBlock(buffer, 0, buffer.Length));
    }

    private static string Mutate(string text, Random random) => TextMutation.Mutate(text, random, Tokens, maxDelete: 60, maxCopy: 300);
}
