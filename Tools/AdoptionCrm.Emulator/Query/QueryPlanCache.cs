using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AdoptionCrm.Emulator.Query.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Bound plans by query shape (<see cref="QueryShape"/>) for one metadata scope (<see cref="IQueryDataSource.PlanScope"/>):
/// plug-ins send the same few queries on every signup, and resolving their tables and columns was about a third of a
/// query's cost. A plan is reused only when the shape matches the one it was bound for, name by name, so a hash
/// collision binds afresh. Bounded: past its capacity the cache keeps no more shapes. Safe for concurrent queries: a
/// plan is read-only once added, and two queries adding one shape at once keep either (both bound it alike).
/// A source whose scope is itself a cache uses that one (tests choose its capacity and hash); any other scope object
/// gets one of its own, kept as long as the scope lives.
/// </summary>
public sealed class QueryPlanCache
{
    public const int DefaultCapacity = 2048;

    private static readonly ConditionalWeakTable<object, QueryPlanCache> Scopes = new();

    private readonly ConcurrentDictionary<int, BoundPlan> _plans = new();
    private readonly int _capacity;
    private readonly Func<QuerySpec, int> _hash;

    /// <param name="capacity">Shapes kept at most.</param>
    /// <param name="shapeHash">The shape's hash; <see cref="QueryShape"/>'s unless given (a test forces collisions with a constant).</param>
    public QueryPlanCache(int capacity = DefaultCapacity, Func<QuerySpec, int>? shapeHash = null)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity cannot be negative.");
        _capacity = capacity;
        _hash = shapeHash ?? QueryShape.Hash;
    }

    /// <summary>Shapes held now.</summary>
    public int Count => _plans.Count;

    /// <summary>The query bound through its source's scope, or afresh when the source has none.</summary>
    internal static BoundQuery Bind(IQueryDataSource source, QuerySpec spec)
    {
        if (source.PlanScope is not { } scope) return QueryBinder.Bind(source, spec);
        var cache = scope as QueryPlanCache ?? Scopes.GetValue(scope, _ => new QueryPlanCache());
        return cache.BindIn(source, spec);
    }

    private BoundQuery BindIn(IQueryDataSource source, QuerySpec spec)
    {
        var hash = _hash(spec);
        if (_plans.TryGetValue(hash, out var plan))
            return QueryShape.Matches(spec, plan.Shape) ? plan.For(spec) : QueryBinder.Bind(source, spec);
        var targets = new List<ConditionTarget>();
        var bound = QueryBinder.Bind(source, spec, targets);
        if (_plans.Count < _capacity) _plans.TryAdd(hash, new BoundPlan(bound, targets, QueryShape.Record(spec)));
        return bound;
    }
}
