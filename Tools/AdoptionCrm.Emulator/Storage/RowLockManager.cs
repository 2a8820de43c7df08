namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// Row write-locks as SQL Server takes them for an update: held by the transaction until it commits
/// or rolls back. Reads never take them (Dataverse reads don't block), which is why the counter
/// pattern does a dummy update first. A wait that outlasts the timeout fails like a deadlock victim.
/// </summary>
internal sealed class RowLockManager
{
    private readonly Dictionary<(string, Guid), Transaction> _owners = new();
    private readonly object _gate = new();
    private int _waiters; // under _gate: releases wake waiters only when there are some

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Acquire(Transaction txn, string table, Guid id)
    {
        var key = (table, id);
        if (txn.Locks.Contains(key)) return;
        lock (_gate)
        {
            DateTime? deadline = null; // read the clock only when the lock is taken by someone else
            while (_owners.TryGetValue(key, out var owner) && owner != txn)
            {
                deadline ??= DateTime.UtcNow + Timeout;
                var left = deadline.Value - DateTime.UtcNow;
                bool woken;
                _waiters++;
                try { woken = left > TimeSpan.Zero && Monitor.Wait(_gate, left); }
                finally { _waiters--; }
                if (!woken && DateTime.UtcNow >= deadline.Value)
                    throw Faults.Create(ErrorCodes.SqlLockTimeout,
                        $"Generic SQL error: timed out waiting for the lock on {table} {id} held by another transaction.");
            }
            _owners[key] = txn;
        }
        txn.Locks.Add(key);
    }

    public void ReleaseAll(Transaction txn)
    {
        if (txn.Locks.Count == 0) return;
        lock (_gate)
        {
            foreach (var key in txn.Locks) _owners.Remove(key);
            if (_waiters > 0) Monitor.PulseAll(_gate);
        }
        txn.Locks.Clear();
    }
}
