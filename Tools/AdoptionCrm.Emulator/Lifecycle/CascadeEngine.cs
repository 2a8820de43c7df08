using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Solution.Source;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>
/// Applies each relationship's cascade configuration when its parent row is deleted, assigned or merged
/// (PAD:configure-entity-relationship-cascading-behavior): Cascade acts on every child (Active: active
/// children, UserOwned: children owned by the parent's previous owner), RemoveLink clears the child's
/// lookup, Restrict refuses the parent's delete while children exist. Children's own steps fire or not
/// by <see cref="LifecycleOptions.CascadesFireSteps"/>. Reparent concerns inherited access, which the
/// emulator does not model (no security): it is read but not applied.
/// </summary>
internal sealed class CascadeEngine
{
    private readonly EmulatedOrganization _org;
    private readonly IReadOnlyList<RelationshipCascade> _rules;

    public CascadeEngine(EmulatedOrganization org, IEnumerable<RelationshipCascade> rules)
    {
        _org = org;
        _rules = rules.Where(r => org.Catalog.Contains(r.ReferencingEntity) && org.Catalog.Contains(r.ReferencedEntity)
            && org.Catalog.Get(r.ReferencingEntity).HasColumn(r.ReferencingAttribute)).ToList();
    }

    public IReadOnlyList<RelationshipCascade> Rules => _rules;

    public void OnDelete(ExecutionScope scope, EntityReference parent)
    {
        var rules = For(parent.LogicalName).ToList();
        foreach (var rule in rules.Where(r => r.Delete == CascadeType.Restrict))
            if (Children(scope, rule, parent.Id).Count > 0)
                // The platform's error code for this refusal is not documented: InvalidArgument chosen.
                throw Faults.Create(ErrorCodes.InvalidArgument,
                    $"The {parent.LogicalName} cannot be deleted because {rule.ReferencingEntity} rows refer to it ({rule.Name} restricts delete).");
        foreach (var rule in rules)
            foreach (var child in Children(scope, rule, parent.Id))
                switch (rule.Delete)
                {
                    case CascadeType.Cascade or CascadeType.Active or CascadeType.UserOwned:
                        Delete(scope, new EntityReference(rule.ReferencingEntity, child.Id));
                        break;
                    case CascadeType.RemoveLink:
                        Update(scope, new Entity(rule.ReferencingEntity, child.Id) { [rule.ReferencingAttribute] = null });
                        break;
                }
    }

    public void OnAssign(ExecutionScope scope, EntityReference parent, EntityReference newOwner, Guid? previousOwner)
    {
        foreach (var rule in For(parent.LogicalName).Where(r => r.Assign is CascadeType.Cascade or CascadeType.Active or CascadeType.UserOwned))
            foreach (var child in Children(scope, rule, parent.Id))
            {
                if (rule.Assign == CascadeType.Active && child.GetAttributeValue<OptionSetValue>("statecode")?.Value is not (null or 0)) continue;
                if (rule.Assign == CascadeType.UserOwned && child.GetAttributeValue<EntityReference>("ownerid")?.Id != previousOwner) continue;
                if (!_org.Catalog.Get(rule.ReferencingEntity).HasColumn("ownerid")) continue;
                var target = new EntityReference(rule.ReferencingEntity, child.Id);
                if (_org.Lifecycle.CascadesFireSteps) _org.Messages.Dispatch(new AssignRequest { Target = target, Assignee = newOwner }, scope);
                else _org.Writer.Update(scope, _org.Catalog.Get(rule.ReferencingEntity), new Entity(target.LogicalName, target.Id) { ["ownerid"] = newOwner }, ConcurrencyBehavior.Default, systemWrite: true);
            }
    }

    /// <summary>Children of the subordinate move to the master where the relationship cascades Merge.</summary>
    public int OnMerge(ExecutionScope scope, string table, Guid masterId, Guid subordinateId)
    {
        var moved = 0;
        foreach (var rule in For(table).Where(r => r.Merge == CascadeType.Cascade))
            foreach (var child in Children(scope, rule, subordinateId))
            {
                if (rule.ReferencingEntity == table && child.Id == masterId) continue; // the master itself
                Update(scope, new Entity(rule.ReferencingEntity, child.Id) { [rule.ReferencingAttribute] = new EntityReference(table, masterId) });
                moved++;
            }
        return moved;
    }

    private IEnumerable<RelationshipCascade> For(string parentTable) => _rules.Where(r => r.ReferencedEntity == parentTable);

    private List<Entity> Children(ExecutionScope scope, RelationshipCascade rule, Guid parentId)
    {
        var schema = _org.Catalog.Get(rule.ReferencingEntity);
        var columns = new[] { "statecode", "ownerid" }.Where(schema.HasColumn).ToArray();
        var query = new QueryExpression(rule.ReferencingEntity) { ColumnSet = new ColumnSet(columns) };
        query.Criteria.AddCondition(rule.ReferencingAttribute, ConditionOperator.Equal, parentId);
        return new QueryEngine(new TransactionDataSource(_org, scope.Transaction)).RetrieveMultiple(query, new QueryContext(scope.UserId, _org.Clock.UtcNow)).Entities.ToList();
    }

    private void Update(ExecutionScope scope, Entity change)
    {
        if (_org.Lifecycle.CascadesFireSteps) _org.Messages.Dispatch(new UpdateRequest { Target = change }, scope);
        else _org.Writer.Update(scope, _org.Catalog.Get(change.LogicalName), change, ConcurrencyBehavior.Default, systemWrite: true);
    }

    private void Delete(ExecutionScope scope, EntityReference child)
    {
        if (_org.Lifecycle.CascadesFireSteps) { _org.Messages.Dispatch(new DeleteRequest { Target = child }, scope); return; }
        OnDelete(scope, child);
        _org.Writer.Delete(scope, _org.Catalog.Get(child.LogicalName), child, ConcurrencyBehavior.Default);
    }
}
