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
    private string? _written;
    private bool _sealed;

    public void Trace(string format, params object[] args)
    {
        var line = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        lock (_text)
        {
            // The log holds what the step traced while it ran, as the platform writes plugintracelog when the
            // step ends: a plug-in that kept the service and traces later changes nothing.
            if (_sealed) return;
            _text.AppendLine(line);
            _written = null;
        }
    }

    /// <summary>The text traced so far, made into a string once for all readers until the next line.</summary>
    public string Text { get { lock (_text) return _written ??= _text.ToString(); } }

    /// <summary>Ends the step's trace: later lines are not kept.</summary>
    public void Seal() { lock (_text) _sealed = true; }
}
