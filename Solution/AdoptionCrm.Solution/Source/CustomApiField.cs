namespace AdoptionCrm.Solution.Source;

/// <summary>
/// A request parameter (customapirequestparameters/&lt;name&gt;/customapirequestparameter.xml) or response
/// property (customapiresponseproperties/&lt;name&gt;/customapiresponseproperty.xml). <see cref="IsOptional"/>
/// is for request parameters only; <see cref="LogicalEntityName"/> names the table of an Entity or
/// EntityReference value when the API fixes it.
/// </summary>
public sealed record CustomApiField(string UniqueName, CustomApiType Type, bool IsOptional, string? LogicalEntityName, string SourceFile);
