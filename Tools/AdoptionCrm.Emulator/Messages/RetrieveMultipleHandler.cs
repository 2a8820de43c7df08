using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>RetrieveMultiple over the query engine (QueryExpression, QueryByAttribute, FetchXML); OutputParameters["EntityCollection"].</summary>
internal sealed class RetrieveMultipleHandler : MessageHandler<RetrieveMultipleRequest>
{
    public RetrieveMultipleHandler(EmulatedOrganization org) : base(org, "RetrieveMultiple") { }

    protected override OrganizationResponse Handle(RetrieveMultipleRequest request, ExecutionScope scope)
    {
        var query = Required(request.Query, "a Query");
        var table = query switch { QueryExpression qe => qe.EntityName, _ => null };
        var op = new PipelineOperation("RetrieveMultiple", table ?? "", request.Parameters);
        Org.Runner.Run(scope, op, () =>
        {
            var rows = new QueryEngine(new TransactionDataSource(Org, scope.Transaction)).RetrieveMultiple(query, new QueryContext(scope.UserId, Org.Clock.UtcNow));
            if (!Org.QueryRowsCarryRowVersion) foreach (var row in rows.Entities) row.RowVersion = null;
            op.Output["EntityCollection"] = rows;
        });
        return ResponseFactory.Create("RetrieveMultiple", ("EntityCollection", op.Output["EntityCollection"]));
    }
}
