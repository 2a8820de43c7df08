using System.ServiceModel;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>ExecuteTransaction: every request in the caller's one transaction; the first fault names its FaultedRequestIndex and rolls all back.</summary>
internal sealed class ExecuteTransactionHandler : MessageHandler<ExecuteTransactionRequest>
{
    public ExecuteTransactionHandler(EmulatedOrganization org) : base(org, "ExecuteTransaction") { }

    protected override OrganizationResponse Handle(ExecuteTransactionRequest request, ExecutionScope scope)
    {
        var requests = BatchRequests.Of(request);
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            try { responses.Add(Dispatch(requests[i], scope)); }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                fault.Detail.ErrorDetails["FaultedRequestIndex"] = i;
                throw;
            }
        }
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var rr) && rr is true;
        return ResponseFactory.Create("ExecuteTransaction", ("Responses", returnResponses ? responses : null));
    }
}
