using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>The pipeline run shared by Associate and Disassociate: every row must exist; links are normalised per relationship.</summary>
internal static class IntersectWrite
{
    public static void Run(EmulatedOrganization org, ExecutionScope scope, OrganizationRequest request, EntityReference target,
        Relationship relationship, EntityReferenceCollection related, bool add)
    {
        var op = new PipelineOperation(request.RequestName, target.LogicalName, request.Parameters) { PrimaryId = target.Id };
        org.Runner.Run(scope, op, () =>
        {
            Require(org, scope, target);
            foreach (var other in related)
            {
                Require(org, scope, other);
                org.Store.Link(scope.Transaction, IntersectLinks.Normalize(relationship.SchemaName, target, other), add);
            }
        });
    }

    private static void Require(EmulatedOrganization org, ExecutionScope scope, EntityReference reference)
    {
        var schema = org.Catalog.Get(reference.LogicalName);
        if (org.Store.Get(scope.Transaction, schema.LogicalName, reference.Id) == null) throw RowWriter.NotFound(schema.LogicalName, reference.Id);
    }
}
