using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator;

/// <summary>
/// Copies SDK values at every boundary (requests in, responses out, Targets, images) so neither the
/// caller nor a plugin can change stored data or each other's objects by holding a reference.
/// </summary>
public static class DeepCopy
{
    public static Entity Entity(Entity source)
    {
        var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion, EntityState = source.EntityState };
        foreach (var (key, value) in source.Attributes) copy.Attributes[key] = Value(value);
        // Only collections that hold something are copied, so the copy makes none it does not need.
        if (source.KeyAttributes.Count > 0) foreach (var (key, value) in source.KeyAttributes) copy.KeyAttributes[key] = Value(value);
        if (source.FormattedValues.Count > 0) foreach (var (key, value) in source.FormattedValues) copy.FormattedValues[key] = value;
        if (source.RelatedEntities.Count > 0) foreach (var (key, value) in source.RelatedEntities) copy.RelatedEntities[key] = (EntityCollection)Value(value)!;
        return copy;
    }

    public static object? Value(object? value) => value switch
    {
        null => null,
        Entity e => Entity(e),
        EntityReference r => Reference(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, Value(a.Value)),
        EntityCollection c => Collection(c),
        EntityReferenceCollection rc => new EntityReferenceCollection(rc.Select(Reference).ToList()),
        ColumnSet cs => cs.AllColumns ? new ColumnSet(true) : new ColumnSet(cs.Columns.ToArray()),
        OrganizationRequest request => Request(request),
        OrganizationResponse response => Response(response),
        Guid[] ids => (Guid[])ids.Clone(),
        _ => value, // strings, numbers, Guid, DateTime and bool are immutable; queries are read-only to the engine
    };

    public static EntityReference Reference(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        if (source.KeyAttributes.Count > 0) foreach (var (key, value) in source.KeyAttributes) copy.KeyAttributes[key] = Value(value);
        return copy;
    }

    public static EntityCollection Collection(EntityCollection source)
    {
        var copy = new EntityCollection(source.Entities.Select(Entity).ToList())
        {
            EntityName = source.EntityName, MoreRecords = source.MoreRecords, PagingCookie = source.PagingCookie,
            TotalRecordCount = source.TotalRecordCount, TotalRecordCountLimitExceeded = source.TotalRecordCountLimitExceeded,
            MinActiveRowVersion = source.MinActiveRowVersion,
        };
        return copy;
    }

    /// <summary>A request of the same CLR type (typed wrappers keep working) with copied parameters.</summary>
    public static OrganizationRequest Request(OrganizationRequest source)
    {
        var copy = (OrganizationRequest)Activator.CreateInstance(source.GetType())!;
        copy.RequestName = source.RequestName;
        copy.RequestId = source.RequestId;
        // The new request's own (empty) collection is filled rather than replaced, so each copy makes one, not two;
        // cleared first, in case a typed request's constructor set a default.
        var parameters = copy.Parameters ??= new ParameterCollection();
        parameters.Clear();
        foreach (var (key, value) in source.Parameters) parameters[key] = Value(value);
        return copy;
    }

    public static OrganizationResponse Response(OrganizationResponse source)
    {
        var copy = (OrganizationResponse)Activator.CreateInstance(source.GetType())!;
        copy.ResponseName = source.ResponseName;
        var results = copy.Results ??= new ParameterCollection();
        results.Clear();
        foreach (var (key, value) in source.Results) results[key] = Value(value);
        return copy;
    }
}
