using System.ServiceModel;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// ExecuteMultiple: each item in order, each in its own transaction when called from outside the
/// pipeline (the processor runs it that way); ContinueOnError and ReturnResponses as documented.
/// </summary>
internal sealed class ExecuteMultipleHandler : MessageHandler<ExecuteMultipleRequest>
{
    public ExecuteMultipleHandler(EmulatedOrganization org) : base(org, "ExecuteMultiple") { }

    protected override OrganizationResponse Handle(ExecuteMultipleRequest request, ExecutionScope scope) =>
        Run(request, item => Dispatch(item, scope));

    public static OrganizationResponse Run(OrganizationRequest request, Func<OrganizationRequest, OrganizationResponse> run)
    {
        var requests = BatchRequests.Of(request);
        var settings = request.Parameters.TryGetValue("Settings", out var s) ? s as ExecuteMultipleSettings : null;
        var continueOnError = settings?.ContinueOnError == true;
        var returnResponses = settings?.ReturnResponses == true;
        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = run(requests[i]);
                if (returnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> error)
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = error.Detail });
                if (!continueOnError) break;
            }
        }
        return ResponseFactory.Create("ExecuteMultiple", ("IsFaulted", faulted), ("Responses", items));
    }
}
