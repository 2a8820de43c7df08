namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// sdkmessageid of platform messages. They are the same in every organization; only ids seen in real
/// exports are listed (solution-format.md §5). A step on any other message cannot be packed.
/// </summary>
public static class SdkMessageIds
{
    public static readonly IReadOnlyDictionary<string, Guid> Known = new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Retrieve"] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetStateDynamicEntity"] = new("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
    };
}
