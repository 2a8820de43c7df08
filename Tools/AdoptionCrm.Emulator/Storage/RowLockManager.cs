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

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Acquire(Transaction txn, string table, Guid id)
    {
        var key = (table, id);
        if (txn.Locks.Contains(key)) return;
        var deadline = DateTime.UtcNow + Timeout;
        lock (_gate)
        {
            while (_owners.TryGetValue(key, out var owner) && owner != txn)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left) && DateTime.UtcNow >= deadline)
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
            Monitor.PulseAll(_gate);
        }
        txn.Locks.Clear();
    }
}
