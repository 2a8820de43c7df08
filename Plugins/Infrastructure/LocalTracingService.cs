using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// Prefixes each trace line with the milliseconds since the previous line, so the plug-in trace
    /// log shows where the time went without a profiler.
    /// </summary>
    public sealed class LocalTracingService : ITracingService
    {
        private readonly ITracingService _inner;
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private long _lastMilliseconds;

        public LocalTracingService(ITracingService inner) { _inner = inner; }

        public void Trace(string format, params object[] args)
        {
            if (string.IsNullOrWhiteSpace(format) || _inner == null) return;
            var now = _stopwatch.ElapsedMilliseconds;
            var delta = now - _lastMilliseconds;
            _lastMilliseconds = now;
            var text = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            _inner.Trace("[+{0}ms] {1}", delta, text);
        }
    }
}
