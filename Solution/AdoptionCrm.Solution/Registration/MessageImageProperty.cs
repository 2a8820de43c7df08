namespace AdoptionCrm.Solution.Registration;

/// <summary>
/// sdkmessageprocessingstepimage.messagepropertyname: the request property an image is taken from. Create
/// has no Target reference to image, so its (post-)image hangs off the created Id; Update and Delete image
/// their Target; SetState images its EntityMoniker. Seen in real exports (tc-ca/ROMTS-GSRST.PowerApps
/// SdkMessageProcessingSteps: Pre Target, Post Target and Id) and in the sdkmessageprocessingstepimage
/// table reference. A message not listed here cannot carry images.
/// </summary>
public static class MessageImageProperty
{
    private static readonly IReadOnlyDictionary<string, string> ByMessage = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Create"] = "Id",
        ["Update"] = "Target",
        ["Delete"] = "Target",
        ["SetState"] = "EntityMoniker",
        ["SetStateDynamicEntity"] = "EntityMoniker",
    };

    public static string? For(string message) => ByMessage.TryGetValue(message, out var property) ? property : null;
}
