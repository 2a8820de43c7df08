using AdoptionCrm.Emulator.Messages;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.CustomApis;

/// <summary>
/// One Custom API as a message: the request is checked against the declared parameters (required,
/// types, no undeclared ones; a bound API's Target is the row, of the bound table), then the pipeline
/// runs stages 10 and 20, the main operation (stage 30: the API's plug-in type, with the request's
/// InputParameters and the OutputParameters it fills), and stage 40; the response carries the
/// declared response properties the plug-in set, each checked for its type.
/// Sources: PAD:custom-api, PAD:customapirequestparameter-table-columns (bound APIs get Target),
/// PAD:event-framework (stage 30 is the Custom API's main operation).
/// </summary>
internal sealed class CustomApiHandler : IMessageHandler
{
    public const string TargetParameter = "Target";
    private readonly EmulatedOrganization _org;

    public CustomApiHandler(EmulatedOrganization org, CustomApiDefinition api)
    {
        _org = org;
        Api = api;
    }

    public CustomApiDefinition Api { get; }

    public string MessageName => Api.UniqueName;

    public OrganizationResponse Execute(OrganizationRequest request, ExecutionScope scope)
    {
        var table = CheckRequest(request, scope);
        var op = new PipelineOperation(Api.UniqueName, table ?? "", request.Parameters);
        if (request.Parameters.TryGetValue(TargetParameter, out var t) && t is EntityReference target) op.PrimaryId = target.Id;
        CheckStepsAllowed(table);
        var main = Api.PluginTypeId is Guid typeId
            ? _org.PluginTypes.Find(typeId) ?? throw Faults.Create(ErrorCodes.NotEmulated,
                $"The Custom API {Api.UniqueName} names plug-in type {typeId:D}, which no registered plug-in assembly holds.")
            : ((IPlugin Plugin, string Name)?)null;
        _org.Runner.Run(scope, op, () =>
        {
            if (main is { } plugin) _org.Runner.RunMainOperation(scope, op, plugin.Plugin, plugin.Name);
        });
        var response = new OrganizationResponse { ResponseName = Api.UniqueName };
        foreach (var (key, value) in op.Output)
        {
            var property = Api.ResponseProperties.FirstOrDefault(p => p.UniqueName == key)
                ?? throw Faults.Create(ErrorCodes.InvalidArgument, $"The plug-in of {Api.UniqueName} set the output '{key}', which the Custom API does not declare.");
            if (CustomApiValues.Problem(property, value) is { } problem)
                throw Faults.Create(ErrorCodes.InvalidArgument, $"{Api.UniqueName} response: {problem}.");
            response.Results[key] = value;
        }
        return response;
    }

    /// <summary>The bound table (null for a global API) once every parameter is checked.</summary>
    private string? CheckRequest(OrganizationRequest request, ExecutionScope scope)
    {
        string? table = null;
        if (Api.Binding == CustomApiBinding.Entity)
        {
            if (!request.Parameters.TryGetValue(TargetParameter, out var value) || value is not EntityReference target || target.Id == Guid.Empty)
                throw Invalid($"{Api.UniqueName} is bound to {Api.BoundEntityLogicalName}: it needs a Target (EntityReference with an id).");
            if (target.LogicalName != Api.BoundEntityLogicalName)
                throw Invalid($"{Api.UniqueName} is bound to {Api.BoundEntityLogicalName}, not {target.LogicalName}.");
            var schema = _org.Catalog.Get(target.LogicalName);
            if (_org.Store.Get(scope.Transaction, schema.LogicalName, target.Id) is null) throw RowWriter.NotFound(schema.LogicalName, target.Id);
            table = target.LogicalName;
        }
        else if (Api.Binding == CustomApiBinding.EntityCollection) table = Api.BoundEntityLogicalName;
        foreach (var (key, value) in request.Parameters)
        {
            if (key == TargetParameter && Api.Binding == CustomApiBinding.Entity) continue;
            if (key == PipelineOperation.TagParameter) continue; // the optional tag parameter works on every message
            var field = Api.RequestParameters.FirstOrDefault(p => p.UniqueName == key)
                ?? throw Invalid($"The parameter '{key}' is not a request parameter of {Api.UniqueName}.");
            if (CustomApiValues.Problem(field, value) is { } problem) throw Invalid($"{Api.UniqueName}: {problem}.");
        }
        foreach (var field in Api.RequestParameters.Where(p => !p.IsOptional))
            if (!request.Parameters.TryGetValue(field.UniqueName, out var value) || value is null)
                throw Invalid($"{Api.UniqueName} needs its required parameter '{field.UniqueName}' ({field.Type}).");
        return table;
    }

    // allowedcustomprocessingsteptype: None = no steps at all, AsyncOnly = no synchronous steps.
    private void CheckStepsAllowed(string? table)
    {
        if (Api.AllowedCustomProcessingStepType == CustomApiStepTypes.SyncAndAsync) return;
        foreach (var stage in new[] { 10, 20, 40 })
            foreach (var step in _org.Steps.For(Api.UniqueName, table, stage))
                if (Api.AllowedCustomProcessingStepType == CustomApiStepTypes.None || !step.Definition.IsAsync)
                    throw Faults.Create(ErrorCodes.InvalidArgument,
                        $"The step {step.PluginName} on {Api.UniqueName} is not allowed: the Custom API allows {Api.AllowedCustomProcessingStepType} custom processing steps.");
    }

    private static Exception Invalid(string message) => Faults.Create(ErrorCodes.InvalidArgument, message);
}
