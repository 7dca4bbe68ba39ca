namespace EditBot.Storage.Sqlite;

public sealed partial class SqliteDatabase
{
    // Enough to amortize a commit over many callers, small enough that one batch never holds the lock for long.
    private const int MaxBatch = 64;

    private void EnsureWriterLoop()
    {
        if (_writerLoop is not null)
        {
            return;
        }

        lock (_loopStart)
        {
            _writerLoop ??= Task.Run(RunWriterLoopAsync);
        }
    }

    private async Task RunWriterLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await _writes.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                CommitBatch(batch);
                batch.Clear();
            }
        }
        finally
        {
            _writer?.Dispose();
        }
    }

#pragma warning disable CA1031 // Every failure is handed to the caller whose write caused it; the loop must survive.
    private void CommitBatch(List<PendingWrite> batch)
    {
        foreach (var cancelled in batch.Where(w => w.IsCancelled))
        {
            cancelled.Cancel();
        }

        batch.RemoveAll(w => w.IsCancelled);
        if (batch.Count == 0)
        {
            return;
        }

        SqliteSession session;
        try
        {
            session = OpenWriter();
        }
        catch (Exception ex)
        {
            batch.ForEach(w => w.Fail(ex));
            return;
        }

        // A savepoint per write when there are several: one failing write must not undo the others.
        var isolate = batch.Count > 1;
        var committed = new List<PendingWrite>(batch.Count);
        try
        {
            session.Execute("BEGIN IMMEDIATE");
            foreach (var write in batch)
            {
                if (!isolate)
                {
                    write.Run(session);
                    committed.Add(write);
                    continue;
                }

                session.Execute("SAVEPOINT w");
                try
                {
                    write.Run(session);
                    session.Execute("RELEASE w");
                    committed.Add(write);
                }
                catch (Exception ex)
                {
                    session.Execute("ROLLBACK TO w");
                    session.Execute("RELEASE w");
                    write.Fail(ex);
                }
            }

            session.Execute("COMMIT");
        }
        catch (Exception ex)
        {
            RollBack(session);
            batch.ForEach(w => w.Fail(ex));
            return;
        }

        committed.ForEach(w => w.Complete());
    }
#pragma warning restore CA1031
}
