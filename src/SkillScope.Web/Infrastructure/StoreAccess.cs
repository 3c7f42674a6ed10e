using SkillScope.Store;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// The store behind the web server (SQLite or PostgreSQL). Requests read through their own pooled read-only connection
/// (a connection is not thread-safe); one writable connection, used under a lock, keeps the full-text index up to
/// date when a CLI ingest adds records while the server runs.
/// </summary>
internal sealed class StoreAccess : IDisposable
{
    private readonly SkillStore writer;
    private readonly Lock gate = new();
    private readonly string target;

    public StoreAccess(string path)
    {
        target = path;
        writer = SkillStore.Open(path);
        PostingSearch.UpdateIndex(writer);
        Path = writer.Path;
    }

    public string Path { get; }

    /// <summary>A read-only store for one request; dispose it when the request is done.</summary>
    public SkillStore OpenRead() => SkillStore.OpenReadOnly(target);

    /// <summary>
    /// Indexes records stored since the last search. While an ingest runs, searches carry on over the index as it is
    /// (missing only the newest records, as the report cache may lag a running ingest) rather than queue behind the one
    /// search that brings it up to date, which itself waits for each batch the ingest commits; and when the ingest
    /// holds the write lock too long they carry on rather than fail.
    /// </summary>
    public void EnsureSearchIndex(SkillStore reader)
    {
        if (PostingSearch.IndexIsCurrent(reader))
        {
            return;
        }

        if (!gate.TryEnter())
        {
            if (StoreStamp.IngestRunning(StoreStamp.Read(reader)))
            {
                return;
            }

            gate.Enter();
        }

        try
        {
            PostingSearch.UpdateIndex(writer);
        }
        catch (Exception e) when (SkillStore.IsBusy(e))
        {
            // Another process is writing; the next search tries again.
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>Brings the career tools' posting index (<see cref="PostingIndex"/>, used by `match`) up to date.</summary>
    public void EnsureMatchIndex()
    {
        lock (gate)
        {
            try
            {
                if (PostingIndex.Pending(writer) > 0)
                {
                    PostingIndex.Update(writer);
                }
            }
            catch (Exception e) when (SkillStore.IsBusy(e))
            {
                // Another process is writing; matching carries on over the index as it is.
            }
        }
    }

    public void Dispose() => writer.Dispose();
}
