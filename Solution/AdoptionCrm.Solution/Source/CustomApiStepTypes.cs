namespace AdoptionCrm.Solution.Source;

/// <summary>customapi.allowedcustomprocessingsteptype: which steps others may register on the API's message.</summary>
public enum CustomApiStepTypes
{
    None = 0,
    AsyncOnly = 1,
    SyncAndAsync = 2,
}
