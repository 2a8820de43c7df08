using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// Builds the response for a message as the typed SDK wrapper (CreateResponse, WhoAmIResponse...),
/// so callers can cast as they do against Dataverse. The data lives in Results, which is where the
/// wrappers read it from. Messages without a wrapper in the SDK (CreateMultiple...) get a plain
/// OrganizationResponse, as the real service returns to callers without the wrapper type.
/// </summary>
internal static class ResponseFactory
{
    private static readonly Dictionary<string, Func<OrganizationResponse>> Typed = new(StringComparer.Ordinal)
    {
        ["Create"] = () => new CreateResponse(),
        ["Retrieve"] = () => new RetrieveResponse(),
        ["Update"] = () => new UpdateResponse(),
        ["Delete"] = () => new DeleteResponse(),
        ["RetrieveMultiple"] = () => new RetrieveMultipleResponse(),
        ["Upsert"] = () => new UpsertResponse(),
        ["Associate"] = () => new AssociateResponse(),
        ["Disassociate"] = () => new DisassociateResponse(),
        ["ExecuteMultiple"] = () => new ExecuteMultipleResponse(),
        ["ExecuteTransaction"] = () => new ExecuteTransactionResponse(),
        ["Assign"] = () => new AssignResponse(),
        ["SetState"] = () => new SetStateResponse(),
        ["WhoAmI"] = () => new WhoAmIResponse(),
        ["AddToQueue"] = () => new AddToQueueResponse(),
        ["QualifyLead"] = () => new QualifyLeadResponse(),
        ["Merge"] = () => new MergeResponse(),
    };

    public static OrganizationResponse Create(string requestName, params (string Key, object? Value)[] results)
    {
        var response = Typed.TryGetValue(requestName, out var create) ? create() : new OrganizationResponse();
        response.ResponseName = requestName;
        foreach (var (key, value) in results) response.Results[key] = value;
        return response;
    }
}
