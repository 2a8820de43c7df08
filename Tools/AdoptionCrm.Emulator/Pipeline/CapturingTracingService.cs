using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>ITracingService that keeps the step's trace text for the execution log (plugintracelog).</summary>
internal sealed class CapturingTracingService : ITracingService
{
    // Sized for a step's usual trace (its entry and exit lines and a few more): a builder grown from 16 characters
    // allocates each chunk as it doubles.
    private readonly StringBuilder _text = new(512);

    public void Trace(string format, params object[] args)
    {
        var line = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        lock (_text) _text.AppendLine(line);
    }

    public string Text { get { lock (_text) return _text.ToString(); } }
}
