namespace AdoptionCrm.Solution.Source;

/// <summary>
/// A Custom API as SolutionPackager writes it: <c>customapis/&lt;uniquename&gt;/customapi.xml</c> with its
/// request parameters and response properties in sub-folders (PAD:create-custom-api-solution; real
/// exports: microsoft/PowerApps-Samples IsSystemAdminFunction, tc-ca ROMTS-GSRST). The main operation is
/// the plug-in type whose PluginTypeId the file names (<see cref="PluginTypeId"/>); none = the message
/// only runs the steps registered on it.
/// </summary>
public sealed record CustomApiDefinition(
    string UniqueName,
    string Name,
    CustomApiBinding Binding,
    string? BoundEntityLogicalName,
    bool IsFunction,
    bool IsPrivate,
    CustomApiStepTypes AllowedCustomProcessingStepType,
    Guid? PluginTypeId,
    IReadOnlyList<CustomApiField> RequestParameters,
    IReadOnlyList<CustomApiField> ResponseProperties,
    string SourceFile);
