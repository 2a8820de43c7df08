using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AdoptionCrm.Emulator.Query.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Bound plans by query shape (<see cref="QueryShape"/>), per metadata scope (<see cref="IQueryDataSource.PlanScope"/>):
/// plug-ins send the same few queries on every signup, and resolving their tables and columns was about a third of a
/// query's cost. A plan is reused only when the shape matches the one it was bound for, name by name, so a hash
/// collision binds afresh. A source without a scope binds every query afresh. Bounded: past <see cref="Capacity"/>
/// shapes a scope caches no more.
/// </summary>
internal static class BoundPlans
{
    public const int Capacity = 2048;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<int, BoundPlan>> Scopes = new();

    public static BoundQuery Bind(IQueryDataSource source, QuerySpec spec)
    {
        if (source.PlanScope is not { } scope) return QueryBinder.Bind(source, spec);
        var plans = Scopes.GetValue(scope, _ => new ConcurrentDictionary<int, BoundPlan>());
        var hash = QueryShape.Hash(spec);
        if (plans.TryGetValue(hash, out var plan))
            return QueryShape.Matches(spec, plan.Shape) ? plan.For(spec) : QueryBinder.Bind(source, spec);
        var targets = new List<ConditionTarget>();
        var bound = QueryBinder.Bind(source, spec, targets);
        if (plans.Count < Capacity) plans.TryAdd(hash, new BoundPlan(bound, targets, QueryShape.Record(spec)));
        return bound;
    }
}
