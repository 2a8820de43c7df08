namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>What a <see cref="DataverseClient"/> did: requests sent, retries after 429/503, and the time it waited.</summary>
public sealed class ClientCounters
{
    public int Requests { get; internal set; }
    public int Retries { get; internal set; }
    public TimeSpan Waited { get; internal set; }

    public override string ToString() => $"{Requests} requests, {Retries} retries, waited {Waited.TotalSeconds:0.#} s";
}
