using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Emulator.Validation;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// The main operations (stage 30) that write rows: validation, system columns (ids, stamps, owner,
/// state/status defaults, versionnumber), row locks and optimistic concurrency.
/// </summary>
internal sealed class RowWriter
{
    private readonly EmulatedOrganization _org;

    public RowWriter(EmulatedOrganization org) => _org = org;

    private DataStore Store => _org.Store;

    public Guid Create(ExecutionScope scope, TableSchema schema, Entity target)
    {
        var id = target.Id;
        if (id == Guid.Empty && target.Attributes.TryGetValue(schema.PrimaryIdAttribute, out var given) && given is Guid g) id = g;
        if (id == Guid.Empty) id = NewIds.Next();
        var values = new object?[schema.Columns.Count];
        foreach (var column in schema.Columns)
            if (column.DefaultValue != null) values[schema.OrdinalOf(column.LogicalName)] = column.DefaultValue;
        foreach (var (name, value) in target.Attributes)
        {
            if (name == schema.PrimaryIdAttribute) continue;
            var stored = ColumnValidator.Validate(Store, scope.Transaction, schema, name, value);
            var ordinal = schema.OrdinalOf(name);
            if (!schema.Columns[ordinal].IsValidForCreate)
                throw Faults.Create(ErrorCodes.InvalidArgument, $"The '{name}' attribute of '{schema.LogicalName}' is not valid for create.");
            values[ordinal] = stored;
        }
        var now = _org.Clock.UtcNow;
        var caller = new StoredReference("systemuser", scope.UserId);
        Set(schema, values, "createdon", now);
        OverrideCreatedOn(schema, values, now);
        Set(schema, values, "modifiedon", now);
        Set(schema, values, "createdby", caller);
        Set(schema, values, "modifiedby", caller);
        if (schema.HasColumn("ownerid") && values[schema.OrdinalOf("ownerid")] == null) Set(schema, values, "ownerid", caller);
        if (schema.HasColumn("owningbusinessunit"))
            Set(schema, values, "owningbusinessunit", new StoredReference("businessunit", OwnerBusinessUnit(scope, (StoredReference)values[schema.OrdinalOf("ownerid")]!)));
        ResolveStateStatus(schema, values, stateSentWithoutStatus: false);
        ComputeFullName(schema, values);
        var version = Store.NextVersion();
        Set(schema, values, "versionnumber", version);
        foreach (var column in schema.Columns)
            if (column.RequiredLevel == RequiredLevel.SystemRequired && values[schema.OrdinalOf(column.LogicalName)] == null)
                throw Faults.Create(ErrorCodes.AttributeCannotBeNull, $"Attribute: {column.LogicalName} cannot be set to NULL");
        Store.Locks.Acquire(scope.Transaction, schema.LogicalName, id);
        Store.Insert(scope.Transaction, schema, new StoredRow(id, values, version));
        target.Id = id;
        return id;
    }

    /// <summary>Writes only the columns sent. Takes the row's write lock, held until the transaction ends.</summary>
    public void Update(ExecutionScope scope, TableSchema schema, Entity target, ConcurrencyBehavior concurrency, bool systemWrite = false)
    {
        var id = ResolveId(scope, schema, target);
        var current = LockAndGet(scope, schema, id);
        CheckVersion(concurrency, target.RowVersion, current, Store);
        var values = (object?[])current.Values.Clone();
        foreach (var (name, value) in target.Attributes)
        {
            if (name == schema.PrimaryIdAttribute) continue;
            var stored = ColumnValidator.Validate(Store, scope.Transaction, schema, name, value);
            var ordinal = schema.OrdinalOf(name);
            if (!schema.Columns[ordinal].IsValidForUpdate && !systemWrite)
                throw Faults.Create(ErrorCodes.InvalidArgument, $"The '{name}' attribute of '{schema.LogicalName}' is not valid for update.");
            values[ordinal] = stored;
        }
        Set(schema, values, "modifiedon", _org.Clock.UtcNow);
        Set(schema, values, "modifiedby", new StoredReference("systemuser", scope.UserId));
        if (target.Contains("ownerid") && schema.HasColumn("owningbusinessunit"))
            Set(schema, values, "owningbusinessunit", new StoredReference("businessunit", OwnerBusinessUnit(scope, (StoredReference)values[schema.OrdinalOf("ownerid")]!)));
        ResolveStateStatus(schema, values, target.Contains("statecode") && !target.Contains("statuscode"));
        ComputeFullName(schema, values, target);
        var version = Store.NextVersion();
        Set(schema, values, "versionnumber", version);
        target.Id = id;
        Store.Replace(scope.Transaction, schema, current.With(values, version));
    }

    public void Delete(ExecutionScope scope, TableSchema schema, EntityReference target, ConcurrencyBehavior concurrency)
    {
        var id = target.Id != Guid.Empty || target.KeyAttributes.Count == 0 ? target.Id : KeyResolver.Resolve(Store, scope.Transaction, schema, target.KeyAttributes);
        var current = LockAndGet(scope, schema, id);
        CheckVersion(concurrency, target.RowVersion, current, Store);
        Store.Remove(scope.Transaction, schema, id);
    }

    public Guid ResolveId(ExecutionScope scope, TableSchema schema, Entity target)
    {
        if (target.Id != Guid.Empty) return target.Id;
        if (target.Attributes.TryGetValue(schema.PrimaryIdAttribute, out var given) && given is Guid g && g != Guid.Empty) return g;
        if (target.KeyAttributes.Count > 0) return KeyResolver.Resolve(Store, scope.Transaction, schema, target.KeyAttributes);
        throw Faults.Create(ErrorCodes.InvalidArgument, "Entity Id must be specified for Update");
    }

    public StoredRow LockAndGet(ExecutionScope scope, TableSchema schema, Guid id)
    {
        Store.Locks.Acquire(scope.Transaction, schema.LogicalName, id);
        return Store.Get(scope.Transaction, schema.LogicalName, id) ?? throw NotFound(schema.LogicalName, id);
    }

    public static Exception NotFound(string table, Guid id) => Faults.Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    private static void CheckVersion(ConcurrencyBehavior concurrency, string? rowVersion, StoredRow current, DataStore store)
    {
        if (concurrency != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (string.IsNullOrEmpty(rowVersion))
            throw Faults.Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
        if (rowVersion != store.RowVersionText(current.Version))
            throw Faults.Create(ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");
    }

    /// <summary>
    /// statecode/statuscode as a valid pair: a state without a status takes that state's default
    /// status; a status alone moves the row to its state; a mismatched pair faults.
    /// </summary>
    private static void ResolveStateStatus(TableSchema schema, object?[] values, bool stateSentWithoutStatus)
    {
        if (schema.StateColumn == null || schema.StatusColumn == null) return;
        var stateOrdinal = schema.OrdinalOf("statecode");
        var statusOrdinal = schema.OrdinalOf("statuscode");
        var state = values[stateOrdinal] as int? ?? schema.StateColumn.Options[0].Value;
        var status = stateSentWithoutStatus ? null : values[statusOrdinal] as int?;
        // Loops rather than First with a lambda: every write of a table with a state comes here.
        var statusOptions = schema.StatusColumn.Options;
        if (status == null)
            foreach (var option in statusOptions)
                if (option.State == state) { status = option.Value; break; }
        OptionDefinition? chosen = null;
        foreach (var option in statusOptions)
            if (option.Value == status) { chosen = option; break; }
        if (chosen == null) throw new InvalidOperationException($"No status option {status} on {schema.LogicalName}.");
        if (chosen.State != state)
            throw Faults.Create(ErrorCodes.InvalidStateStatus,
                $"{status} is not a valid status code for state code {schema.LogicalName}State.{state} on {schema.LogicalName}.");
        // The stored values are boxed: keep the boxes already there when they hold the same numbers.
        if (values[stateOrdinal] is not int storedState || storedState != state) values[stateOrdinal] = state;
        if (values[statusOrdinal] is not int storedStatus || storedStatus != status) values[statusOrdinal] = status;
    }

    // fullname is computed by the platform from first and last name (read-only to callers); an update that sends
    // neither leaves it as it is.
    private static void ComputeFullName(TableSchema schema, object?[] values, Entity? update = null)
    {
        if (!schema.TryGetOrdinal("fullname", out var full) || !schema.TryGetOrdinal("firstname", out var first) || !schema.TryGetOrdinal("lastname", out var last)) return;
        if (update != null && !update.Contains("firstname") && !update.Contains("lastname")) return;
        var name = $"{values[first]} {values[last]}".Trim();
        values[full] = name.Length == 0 ? null : name;
    }

    private Guid OwnerBusinessUnit(ExecutionScope scope, StoredReference owner)
    {
        var table = _org.Catalog.Get(owner.LogicalName);
        var row = Store.Get(scope.Transaction, owner.LogicalName, owner.Id);
        if (row != null && table.TryGetOrdinal("businessunitid", out var ordinal) && row.Values[ordinal] is StoredReference bu) return bu.Id;
        return _org.RootBusinessUnitId;
    }

    private static void Set(TableSchema schema, object?[] values, string column, object value)
    {
        if (schema.TryGetOrdinal(column, out var ordinal)) values[ordinal] = value;
    }

    /// <summary>
    /// overriddencreatedon given on Create: how imports of historical records set createdon (R11). Which column
    /// then holds which date is not documented: <see cref="EmulatorOptions.OverriddenCreatedOn"/> chooses.
    /// </summary>
    private void OverrideCreatedOn(TableSchema schema, object?[] values, DateTime now)
    {
        if (!schema.HasColumn("overriddencreatedon") || values[schema.OrdinalOf("overriddencreatedon")] is not DateTime given) return;
        if (_org.OverriddenCreatedOn != OverriddenCreatedOnBehavior.SetsCreatedOn) return;
        Set(schema, values, "createdon", given);
        Set(schema, values, "overriddencreatedon", now);
    }
}
