namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>A Web API call Dataverse refused: its HTTP status, the error code and message from the body.</summary>
public sealed class DataverseException : Exception
{
    public DataverseException(int status, string? code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string? Code { get; }
}
