using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>Kills a real `skillscope ingest` process mid-load and checks what it leaves behind.</summary>
public class KilledIngestTests
{
    private const int Copies = 4;

    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_killed_ingest_leaves_a_consistent_database_that_the_same_command_completes()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Repo.BundledSurvey);
        var big = temp.File("survey-x4.csv");
        File.WriteAllLines(big, [lines[0], .. Enumerable.Repeat(lines.Skip(1), Copies).SelectMany(x => x)]);
        var expected = (long)(lines.Length - 1) * Copies;

        using (var process = StartIngest(big, temp.Db))
        {
            WaitForFirstBatch(temp.Db, process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var (records, sources, integrity) = Inspect(temp.Db);
        Assert.Equal("ok", integrity);
        Assert.Equal(records, sources);
        Assert.True(records < expected, "the process was killed before it finished");
        Assert.Equal(0, records % 5_000);

        using (var rerun = StartIngest(big, temp.Db))
        {
            rerun.WaitForExit();
            Assert.Equal(0, rerun.ExitCode);
        }

        Assert.Equal((expected, expected, "ok"), Inspect(temp.Db));
    }

    // On both engines: the run's row cannot end itself when its process is killed, so the next writable open must.
    [Fact]
    public void A_killed_ingest_is_marked_interrupted_with_its_reason_by_the_next_writable_open_and_a_live_one_is_not()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Repo.BundledSurvey);
        var big = temp.File("survey-x4.csv");
        File.WriteAllLines(big, [lines[0], .. Enumerable.Repeat(lines.Skip(1), Copies).SelectMany(x => x)]);

        using (var process = StartIngest(big, temp.Db))
        {
            WaitForRunningBatch(temp.Db, process);

            // Another process opening the store while the ingest runs must not take it for dead.
            using (var meanwhile = SkillStore.Open(temp.Db))
            {
                Assert.Empty(meanwhile.RecoveredIngests);
                Assert.Equal("running", Assert.Single(meanwhile.Ingests()).Status);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        using (var reader = SkillStore.OpenReadOnly(temp.Db))
        {
            Assert.Equal("running", Assert.Single(reader.Ingests()).Status); // a read-only open changes nothing
        }

        var (exit, error) = RunIngest(big, temp.Db);

        Assert.Equal(0, exit);
        Assert.Contains("is marked interrupted", error, StringComparison.Ordinal);
        Assert.Contains("ended without finishing", error, StringComparison.Ordinal);
        using var store = SkillStore.Open(temp.Db);
        Assert.Empty(store.RecoveredIngests);
        var runs = store.Ingests();
        Assert.Equal(2, runs.Count);
        Assert.Equal("interrupted", runs[0].Status);
        Assert.Contains("killed or crashed", runs[0].Note, StringComparison.Ordinal);
        Assert.Contains("run the same ingest again", runs[0].Note, StringComparison.Ordinal);
        Assert.True(runs[0].RowsRead > 0);
        Assert.Equal(("completed", null), (runs[1].Status, runs[1].Note));
    }

    private static (int Exit, string Error) RunIngest(string file, string db)
    {
        using var process = StartIngest(file, db, captureError: true);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    // Waits until the child's run has committed a batch, read through the store (so on either engine).
    private static void WaitForRunningBatch(string db, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
        {
            try
            {
                using var store = SkillStore.OpenReadOnly(db);
                if (store.Ingests() is [{ Status: "running", RowsRead: > 0 }])
                {
                    return;
                }
            }
            catch (Exception e) when (e is StoreError or System.Data.Common.DbException)
            {
                // Not created or not migrated yet.
            }

            Thread.Sleep(20);
        }

        Assert.Fail("the ingest neither committed a batch nor ran long enough to be killed");
    }

    private static Process StartIngest(string file, string db, bool captureError = false)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])[CliAssembly, "ingest", file, "--db", db])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        if (!captureError)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
        }

        return process;
    }

    private static string CliAssembly => CliRunner.CliAssembly;

    private static void WaitForFirstBatch(string db, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            if (File.Exists(db) && Inspect(db).Records > 0)
            {
                return;
            }

            Thread.Sleep(20);
        }

        Assert.Fail("the ingest neither committed a batch nor ran long enough to be killed");
    }

    private static (long Records, long Sources, string Integrity) Inspect(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE name = 'records'";
        if (command.ExecuteScalar() is null)
        {
            return (0, 0, "ok");
        }

        command.CommandText = "SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM record_sources), (SELECT integrity_check FROM pragma_integrity_check)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }
}
