namespace AdoptionCrm.Solution;

/// <summary>
/// The solution source is broken. The message always names the file (relative to Solution/src) and,
/// where known, the element and line, because the person fixing it edits XML by hand.
/// </summary>
public sealed class SolutionSourceException : Exception
{
    public SolutionSourceException(string file, string message, int? line = null, Exception? inner = null)
        : base($"{file}{(line is > 0 ? $"({line})" : "")}: {message}", inner)
    {
        File = file;
        Line = line;
    }

    /// <summary>Path of the offending file relative to the source root, with forward slashes.</summary>
    public string File { get; }

    public int? Line { get; }
}
