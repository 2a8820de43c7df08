using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// One message going through stages 10, 20, (30) and 40. For Create/Update and their *Multiple forms,
/// <see cref="Items"/> holds the Target entities shared with every step's context, so edits made in
/// stages 10 and 20 reach the main operation without another call.
/// </summary>
internal sealed class PipelineOperation
{
    public PipelineOperation(string message, string table, ParameterCollection input)
    {
        Message = message;
        Table = table;
        Input = input;
        // The optional "tag" parameter reaches the steps as SharedVariables["tag"] (Dataverse's documented
        // way for a caller to pass a string to the plug-ins of its own request), in every stage.
        if (input.TryGetValue(TagParameter, out var tag) && tag is string text)
        {
            SharedPreValidation[TagParameter] = text;
            Shared[TagParameter] = text;
        }
    }

    public const string TagParameter = "tag";

    public string Message { get; }
    public string Table { get; }
    public ParameterCollection Input { get; }
    public ParameterCollection Output { get; } = new();
    public Guid PrimaryId { get; set; }

    /// <summary>Create/Update targets (1 for the single message); null for other messages.</summary>
    public List<Entity>? Items { get; init; }

    /// <summary>The message whose steps cross-fire: CreateMultiple for Create, Create for CreateMultiple...</summary>
    public string? PairedMessage { get; init; }

    public bool IsMultiple => Message.EndsWith("Multiple", StringComparison.Ordinal);

    /// <summary>Rows before the main operation / after it, by id, for images.</summary>
    public Dictionary<Guid, StoredRow?> PreRows { get; } = new();
    public Dictionary<Guid, StoredRow?> PostRows { get; } = new();

    public ParameterCollection SharedPreValidation { get; } = new();
    public ParameterCollection Shared { get; } = new();
}
