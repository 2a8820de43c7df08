using System.ServiceModel;
using AdoptionCrm.Emulator.Messages;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// Entry point of every request: a top-level request is one unit of work (commit, or roll back
/// everything it and its plugins did); a call from a running step joins the step's transaction one
/// level deeper, and its failure dooms that transaction even if the plugin swallows it.
/// </summary>
internal sealed class RequestProcessor
{
    public const int MaxDepth = 8;
    private readonly EmulatedOrganization _org;

    public RequestProcessor(EmulatedOrganization org) => _org = org;

    public OrganizationResponse Execute(OrganizationRequest request, Guid userId, Guid initiatingUserId, EmulatedPluginContext? caller)
    {
        if (request == null) throw Faults.Create(ErrorCodes.InvalidArgument, "The request is null.");
        request = DeepCopy.Request(request);
        var depth = caller == null ? 1 : caller.Depth + 1;
        if (depth > MaxDepth)
        {
            var loop = Faults.Create(ErrorCodes.InfiniteLoop,
                "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            if (caller?.Transaction != null) caller.Transaction.DoomedBy ??= loop;
            throw loop;
        }
        var correlation = caller?.CorrelationId ?? NewIds.Next();
        if (caller?.Transaction != null)
        {
            var scope = new ExecutionScope(caller.Transaction, depth, userId, initiatingUserId, caller, correlation);
            try { return _org.Messages.Dispatch(request, scope); }
            catch (Exception failure) { caller.Transaction.DoomedBy ??= failure; throw; }
        }
        if (request.RequestName == "ExecuteMultiple")
            return ExecuteMultipleHandler.Run(request, item => Execute(item, userId, initiatingUserId, caller));
        return ToCaller(RunInTransaction(txn => _org.Messages.Dispatch(request, new ExecutionScope(txn, depth, userId, initiatingUserId, caller, correlation))));
    }

    /// <summary>
    /// A top-level request joining a caller-held unit of work (a Web API change set, like ExecuteTransaction):
    /// depth 1, no calling step; a failure dooms the whole unit even if the caller carries on.
    /// </summary>
    public OrganizationResponse ExecuteIn(Transaction unitOfWork, OrganizationRequest request, Guid userId)
    {
        if (request == null) throw Faults.Create(ErrorCodes.InvalidArgument, "The request is null.");
        if (unitOfWork.IsFinished) throw new InvalidOperationException("The unit of work has already ended.");
        var scope = new ExecutionScope(unitOfWork, 1, userId, userId, null, NewIds.Next());
        try { return ToCaller(_org.Messages.Dispatch(DeepCopy.Request(request), scope)); }
        catch (Exception failure) { unitOfWork.DoomedBy ??= failure; throw; }
    }

    /// <summary>
    /// What the caller gets. Retrieve and RetrieveMultiple build every entity and value from the stored rows on each
    /// call (RowMaterializer, ResultProjector), so nothing stored is reachable from them and a copy would copy a copy;
    /// a call from a step gets its response as it is, for the same reason. A PostOperation step on the message sees the
    /// same objects, and what it changes the caller gets, as with output parameters on the platform. Other responses are copied.
    /// </summary>
    private static OrganizationResponse ToCaller(OrganizationResponse response) =>
        response is Microsoft.Xrm.Sdk.Messages.RetrieveResponse or Microsoft.Xrm.Sdk.Messages.RetrieveMultipleResponse ? response : DeepCopy.Response(response);

    /// <summary>One unit of work: commit when the work and every sync step succeed, else drop it all.</summary>
    public T RunInTransaction<T>(Func<Transaction, T> work)
    {
        var txn = new Transaction();
        List<Action> onCommit;
        try
        {
            var result = work(txn);
            if (txn.DoomedBy != null)
                throw Faults.Create(ErrorCodes.NoActiveTransaction,
                    "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");
            _org.Store.Commit(txn);
            onCommit = txn.OnCommit;
            txn.IsFinished = true;
            _org.Store.Locks.ReleaseAll(txn);
            foreach (var action in onCommit) action();
            return result;
        }
        finally
        {
            txn.IsFinished = true;
            _org.Store.Locks.ReleaseAll(txn); // rollback: the overlay is simply never published
        }
    }

}
