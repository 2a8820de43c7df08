namespace AdoptionCrm.Emulator;

/// <summary>
/// The organization's time: createdon/modifiedon and the query date operators read it. It only moves
/// when the caller sets or advances it, so tests about time are deterministic.
/// </summary>
public sealed class EmulatorClock
{
    private long _ticks;

    public EmulatorClock(DateTime startUtc) => Set(startUtc);

    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public void Set(DateTime utc) => Interlocked.Exchange(ref _ticks, (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
