using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>What ExecuteMultiple and ExecuteTransaction share: the Requests list and the 1,000-request cap.</summary>
internal static class BatchRequests
{
    public const int MaxBatchSize = 1000;

    public static List<OrganizationRequest> Of(OrganizationRequest request)
    {
        var requests = request.Parameters.TryGetValue("Requests", out var value) && value is IEnumerable<OrganizationRequest> list ? list.ToList()
            : throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs Requests.");
        if (requests.Count > MaxBatchSize)
        {
            var fault = Faults.Create(ErrorCodes.MaxBatchSizeExceeded, $"The request contains {requests.Count} requests; the maximum batch size is {MaxBatchSize}.");
            fault.Detail.ErrorDetails["MaxBatchSize"] = MaxBatchSize;
            throw fault;
        }
        return requests;
    }
}
