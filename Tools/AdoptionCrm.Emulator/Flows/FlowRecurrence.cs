using System.Text.Json;

namespace AdoptionCrm.Emulator.Flows;

/// <summary>
/// A Recurrence trigger (Logic Apps workflow definition language: frequency, interval, startTime): the
/// times it fires are startTime + k × interval × frequency. Schedules by hours/minutes/weekDays and
/// time zones other than UTC are not emulated and refused when the flow is loaded, not guessed.
/// learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers#recurrence-trigger
/// </summary>
public sealed record FlowRecurrence(string Frequency, int Interval, DateTime StartUtc)
{
    public static FlowRecurrence Read(string flow, JsonElement trigger)
    {
        var recurrence = trigger.GetProperty("recurrence");
        foreach (var property in recurrence.EnumerateObject())
            if (property.Name is not ("frequency" or "interval" or "startTime" or "timeZone"))
                throw new NotSupportedException($"flow {flow}: recurrence.{property.Name} is not emulated");
        if (recurrence.TryGetProperty("timeZone", out var zone) && zone.GetString() is not ("UTC" or "Coordinated Universal Time"))
            throw new NotSupportedException($"flow {flow}: recurrence time zone {zone.GetString()} is not emulated (use startTime in UTC)");
        var frequency = recurrence.GetProperty("frequency").GetString()!;
        if (frequency is not ("Second" or "Minute" or "Hour" or "Day" or "Week" or "Month"))
            throw new NotSupportedException($"flow {flow}: recurrence frequency {frequency} is not emulated");
        var interval = recurrence.TryGetProperty("interval", out var i) ? i.GetInt32() : 1;
        if (interval < 1) throw new InvalidOperationException($"flow {flow}: recurrence interval must be at least 1");
        var start = recurrence.TryGetProperty("startTime", out var s)
            ? DateTime.Parse(s.GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
            : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new FlowRecurrence(frequency, interval, DateTime.SpecifyKind(start, DateTimeKind.Utc));
    }

    /// <summary>The times it fires after <paramref name="afterUtc"/> and up to <paramref name="untilUtc"/>, in order.</summary>
    public IEnumerable<DateTime> Between(DateTime afterUtc, DateTime untilUtc)
    {
        if (untilUtc <= afterUtc) yield break;
        long k = 0;
        if (Frequency != "Month" && afterUtc > StartUtc)
            k = Math.Max(0, (afterUtc - StartUtc).Ticks / Step.Ticks - 1);
        for (; ; k++)
        {
            var at = Frequency == "Month" ? StartUtc.AddMonths((int)(k * Interval)) : StartUtc + TimeSpan.FromTicks(Step.Ticks * k);
            if (at > untilUtc) yield break;
            if (at > afterUtc) yield return at;
        }
    }

    private TimeSpan Step => Frequency switch
    {
        "Second" => TimeSpan.FromSeconds(Interval),
        "Minute" => TimeSpan.FromMinutes(Interval),
        "Hour" => TimeSpan.FromHours(Interval),
        "Day" => TimeSpan.FromDays(Interval),
        "Week" => TimeSpan.FromDays(7 * Interval),
        _ => throw new InvalidOperationException("a month has no fixed length"),
    };
}
