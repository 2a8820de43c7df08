using System.Reflection;
using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// Hands RetrieveMultiple to the query engine (Query/QueryEngine, written in parallel in this
/// project). It is bound by name until it lands so this project builds either way; replace with a
/// direct `new QueryEngine(source).RetrieveMultiple(query, context)` once it exists.
/// </summary>
internal static class QueryEngineGateway
{
    public static EntityCollection RetrieveMultiple(IQueryDataSource source, QueryBase query, QueryContext context)
    {
        var engineType = typeof(IQueryDataSource).Assembly.GetType("AdoptionCrm.Emulator.Query.QueryEngine");
        var method = engineType?.GetMethod("RetrieveMultiple", new[] { typeof(QueryBase), typeof(QueryContext) });
        if (engineType == null || method == null)
            throw Faults.Create(ErrorCodes.NotEmulated, "not emulated: RetrieveMultiple (the query engine is not present yet)");
        var engine = Activator.CreateInstance(engineType, source);
        try { return (EntityCollection)method.Invoke(engine, new object[] { query, context })!; }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }
    }
}
